# expect: ok|error OverflowError
sum([2**62, 2**62, 2**62])
