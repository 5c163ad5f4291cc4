# expect: ok|error OverflowError
import math
math.factorial(100)
