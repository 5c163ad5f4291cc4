def read(lines):
    for line in lines:
        yield line

def strip(lines):
    for line in lines:
        yield line.strip()

def nonempty(lines):
    for line in lines:
        if line:
            yield line

def numbered(lines):
    n = 0
    for line in lines:
        n += 1
        yield f"{n}: {line}"

data = ["  alpha ", "", "beta", "   ", "gamma  "]
for out in numbered(nonempty(strip(read(data)))):
    print(out)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def take(n, it):
    for x in it:
        if n <= 0:
            return
        n -= 1
        yield x

print(list(take(10, fib())))
