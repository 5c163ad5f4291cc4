# expect: ok|error RecursionError|MemoryError
m = [1]
for i in range(30000):
    m = enumerate(m)
print(len(list(m)))
