# expect: error ValueError
# cpython: same
open('x.txt', 'qq')
