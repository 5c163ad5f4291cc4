# Built-in modules go through the same import system: dotted names, sys.modules, __import__.
from __future__ import annotations
import sys
import os.path
import os.path as osp
from os import path as p2
from os.path import join

print(os.path is osp is p2 is sys.modules["os.path"], join("a", "b"))
print(os.path.__name__, "os" in sys.modules)
import math, time as t, random
print(math.sqrt(9), t is sys.modules["time"], random.__name__)
print(__import__("os.path").__name__, __import__("os.path", fromlist=["join"]).__name__)
import importlib
print(importlib.import_module("os.path") is os.path, importlib.import_module("math") is math)
print(sys.modules["sys"] is sys, "builtins" in sys.modules)
import builtins
print(builtins.len("abc"), builtins is sys.modules["builtins"])
print(isinstance(sys.path, list), isinstance(sys.path[0], str))
try:
    import math.nothing
except ModuleNotFoundError as e:
    print(e)
try:
    import nosuch_module_here
except ImportError as e:
    print(type(e).__name__, e, e.name)
