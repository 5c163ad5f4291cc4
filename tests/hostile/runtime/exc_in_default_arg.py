# expect: error ZeroDivisionError
# cpython: same
def f(x=1/0):
    pass
