# expect: error RecursionError
# cpython: same
def f(x):
    return sum(f(y) for y in [x])
f(1)
