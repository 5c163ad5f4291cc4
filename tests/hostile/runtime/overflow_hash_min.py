# expect: ok|error OverflowError
hash(-2**63)
