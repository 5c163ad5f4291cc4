# expect: ok
# cpython: same
x = [1]
x.append(x)
print(x)
print(str(x), repr(x))
