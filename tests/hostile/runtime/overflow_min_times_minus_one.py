# expect: ok|error OverflowError
(-9223372036854775807 - 1) * -1
