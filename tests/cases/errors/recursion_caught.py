def forever():
    return forever()

try:
    forever()
except RecursionError as e:
    print("caught RecursionError:", e)
print("the interpreter is still usable:", sum(range(10)))
