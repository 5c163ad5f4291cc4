# expect: error bye
# cpython: same
import sys
sys.exit('bye')
