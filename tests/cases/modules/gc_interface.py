# gc: the collector's interface (gilvm has no cycle collector; collect() finds nothing here
# because this program makes no cycles).
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.collect(), gc.collect(0), gc.collect(generation=1))
for bad in (3, -1, "a"):
    try:
        gc.collect(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
old = gc.get_threshold()
gc.set_threshold(100, 5)
print(gc.get_threshold()[:2])
gc.set_threshold(*old)
print(gc.get_threshold() == old, gc.get_debug(), gc.garbage)
gc.set_debug(gc.DEBUG_LEAK)
print(gc.get_debug() == gc.DEBUG_LEAK)
gc.set_debug(0)
events = []
gc.callbacks.append(lambda phase, info: events.append((phase, info["generation"])))
gc.collect()
gc.callbacks.clear()
print(events)
