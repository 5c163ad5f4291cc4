# CPython's import errors, caught: the first missing part is named, with `name` and `path`.
import os


def show(e):
    path = e.path and os.path.basename(e.path)
    print(type(e).__name__, "|", str(e).replace(os.path.dirname(os.path.abspath(__file__)) + "/", ""), "|", e.name, "|", path)


for stmt in [
    "import nosuch",
    "import nosuch.sub.deeper",
    "import pkg.nosuch",
    "import pkg.mod.deeper",
    "from pkg import nosuch",
    "from pkg.mod import nosuch",
    "from nosuch import x",
    "from sys import nosuch",
    "import pkg.broken",
    "from . import x",
]:
    try:
        exec(stmt)
    except ImportError as e:
        print(stmt, "->", end=" ")
        show(e)
    except Exception as e:
        print(stmt, "->", type(e).__name__, e)
import sys
print("pkg.broken" in sys.modules, "pkg.mod" in sys.modules)
print(issubclass(ModuleNotFoundError, ImportError))
e = ImportError("msg", name="n", path="p")
print(e, e.name, e.path, e.msg)
