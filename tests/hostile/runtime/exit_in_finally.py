# expect: exit 3
# cpython: same
import sys
try:
    sys.exit(3)
finally:
    print('cleanup')
