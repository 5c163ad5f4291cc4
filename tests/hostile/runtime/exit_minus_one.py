# expect: exit 255
# cpython: same
import sys
sys.exit(-1)
