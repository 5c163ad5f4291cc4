# `from m import *`: __all__ (which may name submodules), else the public names.
from plain import *
print(sorted(n for n in dir() if not n.startswith("__")))
from pkg import *
print(sorted(n for n in dir() if not n.startswith("__")))
print(sub.WHAT, visible())
try:
    from broken_all import *
except AttributeError as e:
    print(type(e).__name__, e)
try:
    from bad_all_item import *
except TypeError as e:
    print(type(e).__name__, e)
