# expect: ok|error OverflowError
int(1e300)
