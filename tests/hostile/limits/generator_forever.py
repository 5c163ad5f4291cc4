# expect: exit 124
# args: --timeout 1
def g():
    while True:
        yield 1
for x in g():
    pass
