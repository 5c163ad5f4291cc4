# expect: ok
# cpython: same
import sys
sys.exit(256)
