# expect: ok|error OverflowError
round(1.5, 2**62)
