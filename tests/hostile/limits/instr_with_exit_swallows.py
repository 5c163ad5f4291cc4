# expect: exit 123
# args: --max-instructions 1000000 --timeout 30
class C:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return True
while True:
    with C():
        while True:
            pass
