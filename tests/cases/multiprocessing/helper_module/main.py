# A spawned worker imports the same file modules as the parent: a Pool maps a function of a
# helper package, a Process runs one, and an exception class of the helper crosses the pipe.
import multiprocessing as mp

from work import tasks
from work.tasks import TaskError, square


def main():
    with mp.Pool(2) as pool:
        print(pool.map(square, range(6)))
        print(pool.map(tasks.describe, [1, 2]))
        print(pool.apply(tasks.add, (2, 3)))
    q = mp.Queue()
    p = mp.Process(target=tasks.report, args=(q, 7))
    p.start()
    print(q.get())
    p.join()
    print(p.exitcode)
    with mp.Pool(1) as pool:
        try:
            pool.apply(tasks.fail, (5,))
        except ValueError as e:
            print("ValueError", e)
        try:
            pool.apply(tasks.task_error, (6,))
        except TaskError as e:
            print(type(e).__module__, type(e).__name__, e)


if __name__ == "__main__":
    main()
