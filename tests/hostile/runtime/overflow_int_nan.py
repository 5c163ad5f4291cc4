# expect: error ValueError
# cpython: same
int(float('nan'))
