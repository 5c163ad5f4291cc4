# expect: error FileNotFoundError
# cpython: same
import os
os.listdir('/nonexistent-dir')
