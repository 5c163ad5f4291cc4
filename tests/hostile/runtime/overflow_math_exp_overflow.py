# expect: error OverflowError
# cpython: same
import math
math.exp(1000)
