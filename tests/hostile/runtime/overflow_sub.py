# expect: ok|error OverflowError
(-2**63) - 1
