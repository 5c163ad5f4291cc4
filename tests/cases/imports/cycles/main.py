# Import cycles: a partly initialised module is visible to the module that imports it back.
import first
print(first.done, first.second.done, first.second.seen)
import ring.a
print(ring.a.VALUE, ring.b.VALUE)
try:
    import loop_a
except ImportError as e:
    print(type(e).__name__, e.args[0].split(" (")[0])
import sys
print("loop_a" in sys.modules, "loop_b" in sys.modules)
