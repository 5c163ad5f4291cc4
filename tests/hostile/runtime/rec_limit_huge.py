# expect: error OverflowError
# cpython: same
import sys
sys.setrecursionlimit(2**62)
print('set')
