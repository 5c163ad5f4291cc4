x = 1

def broken():
    print(x)
    x = 2

try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
    print(isinstance(e, NameError))

def fine():
    y = x + 1
    return y

print(fine())
