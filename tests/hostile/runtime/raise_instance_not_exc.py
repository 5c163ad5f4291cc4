# expect: error TypeError
# cpython: same
class C:
    pass
raise C()
