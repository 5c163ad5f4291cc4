# expect: ok|error OverflowError
x = 2 ** 64
