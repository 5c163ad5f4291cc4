# expect: exit 125|error MemoryError
# args: --max-memory 128 --timeout 20
x = ('x' * 100000).replace('x', 'y' * 100000)
