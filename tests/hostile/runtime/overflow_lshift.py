# expect: ok|error OverflowError
x = 1 << 100
