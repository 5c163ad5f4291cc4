# expect: exit 125|error MemoryError
# args: --max-memory 64 --timeout 20
x = 'x' * (10**9)
print(len(x))
