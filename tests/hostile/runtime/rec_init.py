# expect: error RecursionError
# cpython: same
class C:
    def __init__(self):
        C()
C()
