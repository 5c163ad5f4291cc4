from . import names


def square(x):
    return x * x


def add(a, b):
    return a + b


def describe(n):
    return f"{names.PREFIX}{n} in {__name__}"


def report(q, n):
    q.put(("reported", n, __name__))


class TaskError(Exception):
    pass


def task_error(n):
    raise TaskError(f"task {n} failed")


def fail(n):
    raise ValueError(f"bad {n}")
