# expect: ok|error OverflowError
(2**62) * 4
