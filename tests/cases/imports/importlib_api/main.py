# importlib.import_module, importlib.reload and __import__.
import importlib
import sys

m = importlib.import_module("plug.alpha")
print(m.__name__, m.NAME)
print(importlib.import_module(".beta", "plug").NAME)
print(importlib.import_module("..alpha", "plug.beta").NAME)
print(importlib.import_module("plug") is sys.modules["plug"])
for name in ["alpha", "beta"]:
    print(getattr(importlib.import_module("plug." + name), "NAME"))
try:
    importlib.import_module(".beta")
except TypeError as e:
    print(type(e).__name__, e)
try:
    importlib.import_module("plug.nothing")
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)

top = __import__("plug.alpha")
print(top.__name__)
leaf = __import__("plug.alpha", fromlist=["NAME"])
print(leaf.__name__)
print(__import__("plug", globals(), None, ["beta"]).beta.NAME)
print(__import__("math").sqrt(16))
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)

import state
state.bump()
state.bump()
print(state.COUNT, state.LOADED)
again = importlib.reload(state)
print(again is state, state.COUNT, state.LOADED)
print(importlib.reload(sys) is sys)
