# expect: ok|error OverflowError
x = -9223372036854775807 - 1
print(abs(x))
