# expect: error NameError
# cpython: same
x = 1
del x
print(x)
