# expect: error (1, 2)
# cpython: same
import sys
sys.exit((1, 2))
