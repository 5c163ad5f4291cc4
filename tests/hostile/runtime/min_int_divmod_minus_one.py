# expect: ok|error OverflowError
print(divmod((-9223372036854775807 - 1), -1))
