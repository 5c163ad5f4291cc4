"""gc: the interface of CPython's garbage-collector module.

gilvm frees objects by reference counting only and has no cycle collector (see
docs/LIMITATIONS.md), so collect() finds nothing and returns 0; enable/disable/isenabled,
the thresholds and the debug flags are kept so that programs which tune the collector run.
"""

DEBUG_STATS = 1
DEBUG_COLLECTABLE = 2
DEBUG_UNCOLLECTABLE = 4
DEBUG_SAVEALL = 32
DEBUG_LEAK = 38

garbage = []
callbacks = []

_enabled = True
_threshold = (700, 10, 10)
_debug = 0
_frozen = 0


def _index(v):
    if isinstance(v, bool) or isinstance(v, int):
        return int(v)
    if hasattr(type(v), "__index__"):
        return type(v).__index__(v)
    raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")


def collect(generation=2):
    """Run the collector: gilvm has no cycle collector, so nothing is found (0)."""
    generation = _index(generation)
    if generation < 0 or generation > 2:
        raise ValueError("invalid generation")
    for cb in list(callbacks):
        cb("start", {"generation": generation, "collected": 0, "uncollectable": 0})
    for cb in list(callbacks):
        cb("stop", {"generation": generation, "collected": 0, "uncollectable": 0})
    return 0


def enable():
    global _enabled
    _enabled = True


def disable():
    global _enabled
    _enabled = False


def isenabled():
    return _enabled


def get_threshold():
    return _threshold


def set_threshold(threshold0, threshold1=None, threshold2=None):
    global _threshold
    t = list(_threshold)
    t[0] = _index(threshold0)
    if threshold1 is not None:
        t[1] = _index(threshold1)
    if threshold2 is not None:
        t[2] = _index(threshold2)
    _threshold = tuple(t)


def get_count():
    return (0, 0, 0)


def get_debug():
    return _debug


def set_debug(flags):
    global _debug
    _debug = _index(flags)


def get_stats():
    return [{"collections": 0, "collected": 0, "uncollectable": 0} for _ in range(3)]


def freeze():
    pass


def unfreeze():
    pass


def get_freeze_count():
    return _frozen


def is_finalized(obj):
    return False
