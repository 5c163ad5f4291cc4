# sys.modules: one object per name, cached, assignable; deleting forces a fresh import.
import sys
import counter
import counter as again
print(counter is again is sys.modules["counter"], counter.LOADS)
del sys.modules["counter"]
import counter as fresh
print(fresh is counter, fresh.LOADS)


class Fake:
    answer = 42


sys.modules["fake_mod"] = Fake()
import fake_mod
from fake_mod import answer
print(type(fake_mod).__name__, answer)
sys.modules["blocked"] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
import replacer
print(replacer)
print(type(sys.modules).__name__, "sys" in sys.modules, "__main__" in sys.modules)
print(sys.modules["__main__"].__name__, sys.modules["__main__"] is sys.modules[__name__])
import math
print(sys.modules["math"] is math)
