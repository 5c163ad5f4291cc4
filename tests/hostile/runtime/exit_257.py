# expect: exit 1
# cpython: same
import sys
sys.exit(257)
