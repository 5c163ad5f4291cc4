# expect: ok|error OverflowError
int('9' * 30)
