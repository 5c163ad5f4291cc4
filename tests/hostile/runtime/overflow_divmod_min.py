# expect: ok|error OverflowError
x = divmod(-2**63, -1)
