# expect: error RecursionError|MemoryError
import sys
sys.setrecursionlimit(100000)
class C:
    def __repr__(self):
        return repr(self)
repr(C())
