import math
import sys

print(__name__, type(math).__name__, math.__name__, sys.__name__)
print(type(sys.argv).__name__, type(sys.stdout).__name__ != "")
