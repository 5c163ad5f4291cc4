# expect: ok
# cpython: same
import asyncio
async def ag():
    yield 1
class U: pass
class UL(list): pass
class UI(int): pass
types_ = [int, str, list, dict, tuple, set, object, type({}.keys()), type({}.values()),
          type({}.items()), type(ag()), BaseException, ValueError, float, bytes, bool]
argsets = [(), (None,), (5,), ("s",), ([],), (U(),), (UL(),), (UI(3),), (5, 5), (U(), "x"),
           (U(), "x", 1), ({}.keys(), 1)]
for t in types_:
    for name in dir(t):
        if name == "__subclasses__":
            continue
        try:
            f = getattr(t, name)
        except Exception:
            continue
        if not callable(f):
            continue
        for a in argsets:
            try:
                r = f(*a)
                if hasattr(r, "close"):
                    try:
                        r.close()
                    except Exception:
                        pass
            except Exception:
                pass
try:
    int.conjugate()
except TypeError:
    print("TypeError")
