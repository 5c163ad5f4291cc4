# expect: exit 125|error MemoryError
# args: --max-memory 128 --timeout 20
x = ''.join(['y' * 10**6] * 10**7)
