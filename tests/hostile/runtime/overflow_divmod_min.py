# expect: ok|error OverflowError
x = divmod((-9223372036854775807 - 1), -1)
