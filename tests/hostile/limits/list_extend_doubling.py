# expect: exit 125|error MemoryError
# args: --max-memory 128 --timeout 20
x = [0]
while True:
    x.extend(x)
