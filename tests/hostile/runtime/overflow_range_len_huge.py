# expect: ok|error OverflowError
len(range(2**62))
