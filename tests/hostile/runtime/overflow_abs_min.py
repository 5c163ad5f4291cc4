# expect: ok|error OverflowError
abs(-2**63)
