# expect: ok|error OverflowError
print((-2**63) // -1)
