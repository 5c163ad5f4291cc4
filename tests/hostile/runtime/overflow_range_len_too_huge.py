# expect: ok|error OverflowError
len(range(-2**63, 2**63 - 1))
