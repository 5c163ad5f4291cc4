# expect: ok
# cpython: same
import sys
sys.exit(None)
