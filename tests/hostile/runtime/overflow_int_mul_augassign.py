# expect: ok|error OverflowError
x = 3
for i in range(100):
    x *= 3
