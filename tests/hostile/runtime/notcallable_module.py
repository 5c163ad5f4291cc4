# expect: error TypeError
# cpython: same
import sys
sys()
