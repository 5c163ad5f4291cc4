# expect: error RecursionError
# cpython: same
def k(x):
    return max([x], key=k)
k(1)
