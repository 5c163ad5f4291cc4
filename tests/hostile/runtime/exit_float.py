# expect: error 1.5
# cpython: same
import sys
sys.exit(1.5)
