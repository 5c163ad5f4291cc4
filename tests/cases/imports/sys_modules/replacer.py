import sys
sys.modules[__name__] = "replaced by a string"
