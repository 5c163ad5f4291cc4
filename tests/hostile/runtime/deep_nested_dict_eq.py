# expect: ok|error RecursionError|MemoryError
a = {}
b = {}
for i in range(100000):
    a = {1: a}
    b = {1: b}
print(a == b)
