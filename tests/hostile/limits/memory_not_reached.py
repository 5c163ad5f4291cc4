# expect: ok
# args: --max-memory 64
x = [0] * 1000
print(len(x))
