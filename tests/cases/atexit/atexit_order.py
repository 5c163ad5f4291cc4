import atexit, sys

def bye(name, punct="!"):
    print("bye", name + punct)

atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
@atexit.register
def decorated():
    print("decorated runs first")
def never():
    print("never")
atexit.register(never)
atexit.unregister(never)
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError:", e)
print("main done")
