# expect: error TypeError
# cpython: same
class C:
    def __init__(self):
        return 5
C()
