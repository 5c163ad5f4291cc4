# expect: error RecursionError|MemoryError
import sys
sys.setrecursionlimit(100000)
def f(n):
    return f(n + 1)
f(0)
