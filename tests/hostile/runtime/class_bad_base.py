# expect: error TypeError
# cpython: same
class C(5):
    pass
