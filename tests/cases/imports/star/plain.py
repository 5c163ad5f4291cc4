import sys as _sys
a = 1
_hidden = 2
def func():
    return a
class K:
    pass
