# expect: error OverflowError
# cpython: same
int(float('inf'))
