# expect: error [3]
# cpython: same
import sys
sys.exit([3])
