# expect: error RecursionError|MemoryError
import sys
sys.setrecursionlimit(100000)
def k(x):
    return sorted([x], key=k)
k(1)
