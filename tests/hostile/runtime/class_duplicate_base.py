# expect: error TypeError
# cpython: same
class A: pass
class B(A, A): pass
