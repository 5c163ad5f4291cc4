# expect: error ValueError
# cpython: same
import os
f = open(os.devnull)
f.close()
f.read()
