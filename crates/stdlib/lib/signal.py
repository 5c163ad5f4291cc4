"""Set handlers for asynchronous events (CPython's signal module, written for gilvm).

The native `_signal` installs the OS side; handlers run in the main thread between two
instructions. This file adds the `Signals` and `Handlers` enums and their conversions.
"""

import _signal
from _signal import *
from enum import IntEnum

_names = [n for n in dir(_signal) if n.startswith("SIG") and not n.startswith("SIG_")]
Signals = IntEnum("Signals", {n: getattr(_signal, n) for n in _names})
Handlers = IntEnum("Handlers", {"SIG_DFL": _signal.SIG_DFL, "SIG_IGN": _signal.SIG_IGN})
for _n in _names:
    globals()[_n] = Signals[_n]
SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN
del _n


def _int_to_enum(value, enum_klass):
    try:
        return enum_klass(value)
    except ValueError:
        return value


def signal(signalnum, handler):
    handler = _signal.signal(int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


def _enum_to_int(value):
    if isinstance(value, IntEnum):
        return int(value)
    return value


def getsignal(signalnum):
    return _int_to_enum(_signal.getsignal(int(signalnum)), Handlers)


def raise_signal(signalnum):
    _signal.raise_signal(int(signalnum))


def strsignal(signalnum):
    return _signal.strsignal(int(signalnum))


def valid_signals():
    return set(range(1, NSIG))
