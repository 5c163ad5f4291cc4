# expect: clean
import sys
sys.setrecursionlimit(2**62)
print('set')
