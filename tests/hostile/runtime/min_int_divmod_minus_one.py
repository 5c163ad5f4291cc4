# expect: ok|error OverflowError
print(divmod(-2**63, -1))
