# The exit status is the low 8 bits of sys.exit's argument: -1 is 255.
import sys
print('exiting')
sys.exit(-1)
