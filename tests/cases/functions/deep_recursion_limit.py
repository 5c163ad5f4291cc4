import sys

sys.setrecursionlimit(20000)

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

print(depth(15000))
