# expect: ok
# cpython: same
import sys
sys.exit(2**40)
