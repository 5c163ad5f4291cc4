# expect: error UnboundLocalError
# cpython: same
def f():
    print(x)
    x = 1
f()
