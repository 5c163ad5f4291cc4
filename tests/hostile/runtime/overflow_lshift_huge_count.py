# expect: ok|error OverflowError
x = 1 << 2**62
