try:
    x = 1 / 0
    print("not reached")
except ZeroDivisionError:
    print("caught division by zero")
try:
    [1, 2][5]
except IndexError as e:
    print("caught:", e)
try:
    print("no error")
except Exception:
    print("not reached")
print("after")
