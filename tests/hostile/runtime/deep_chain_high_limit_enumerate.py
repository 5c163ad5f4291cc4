# expect: ok|error RecursionError|MemoryError
import sys
sys.setrecursionlimit(10**6)
m = [1]
for i in range(30000):
    m = enumerate(m)
print(len(list(m)))
