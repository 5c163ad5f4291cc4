# expect: exit 124
# args: --timeout 1
def f(n):
    while True:
        n += 1
f(0)
