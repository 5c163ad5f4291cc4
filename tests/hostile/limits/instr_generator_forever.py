# expect: exit 123
# args: --max-instructions 1000000 --timeout 30
def g():
    while True:
        try:
            yield 1
        except BaseException:
            pass
for x in g():
    pass
