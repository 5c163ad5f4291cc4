# expect: ok|error OverflowError
int('z' * 20, 36)
