# expect: error TypeError
# cpython: same
def d(f):
    raise TypeError('deco')
@d
def f():
    pass
