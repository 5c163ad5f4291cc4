# expect: error TypeError
# cpython: same
import sys
sys.setrecursionlimit('10')
