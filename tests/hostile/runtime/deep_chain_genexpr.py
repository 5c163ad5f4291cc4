# expect: ok|error RecursionError|MemoryError
m = [1]
for i in range(30000):
    m = (x for x in m)
print(len(list(m)))
