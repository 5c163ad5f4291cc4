# expect: ok|error RecursionError|MemoryError
import sys
sys.setrecursionlimit(1000000)
x = []
for i in range(30000):
    x = [x]
print(len(repr(x)))
