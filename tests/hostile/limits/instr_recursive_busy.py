# expect: exit 123
# args: --max-instructions 1000000 --timeout 30
def f(n):
    while True:
        n += 1
f(0)
