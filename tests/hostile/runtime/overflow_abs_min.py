# expect: ok|error OverflowError
abs((-9223372036854775807 - 1))
