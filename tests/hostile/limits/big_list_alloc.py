# expect: exit 125|error MemoryError
# args: --max-memory 64 --timeout 20
x = [0] * (10**8)
print(len(x))
