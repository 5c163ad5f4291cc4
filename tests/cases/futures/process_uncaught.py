# An exception from a process task, not caught: the program ends with it (exit status 1) and
# its last stderr line is the task's exception.
from concurrent.futures import ProcessPoolExecutor


class Oops(Exception):
    pass


def fail(x):
    raise Oops("task %d went wrong" % x)


if __name__ == "__main__":
    with ProcessPoolExecutor(1) as ex:
        ex.submit(fail, 4).result()
