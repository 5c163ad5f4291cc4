# expect: ok|error OverflowError
int('-9223372036854775809')
