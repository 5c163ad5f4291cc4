# expect: ok|error OverflowError
hash((-9223372036854775807 - 1))
