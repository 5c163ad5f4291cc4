# sys.exit(2**40 + 3) exits with status 3 (its low 8 bits), after the finally block runs.
import sys
try:
    sys.exit(2 ** 40 + 3)
finally:
    print('finally')
