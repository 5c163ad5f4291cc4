# expect: error TypeError
# cpython: same
class C(foo=1):
    pass
