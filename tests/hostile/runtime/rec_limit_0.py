# expect: error ValueError
# cpython: same
import sys
sys.setrecursionlimit(0)
