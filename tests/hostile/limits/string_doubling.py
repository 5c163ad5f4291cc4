# expect: exit 125|error MemoryError
# args: --max-memory 64 --timeout 20
s = 'x'
while True:
    s = s + s
