# expect: error RecursionError
# cpython: same
def f(x):
    return list(filter(f, [x]))
f(1)
