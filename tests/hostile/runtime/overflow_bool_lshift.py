# expect: ok|error OverflowError
x = True << 64
