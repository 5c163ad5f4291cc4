# A Future on its own: states, results, exceptions, callbacks, cancel, invalid transitions,
# timeouts on result() and exception().
from concurrent.futures import Future, CancelledError, InvalidStateError, TimeoutError
import concurrent.futures as cf

f = Future()
print(f.done(), f.running(), f.cancelled())
calls = []
f.add_done_callback(lambda fut: calls.append(("first", fut.result())))
f.add_done_callback(lambda fut: calls.append(("second", fut.result())))
try:
    f.result(timeout=0)
except TimeoutError as e:
    print("TimeoutError", repr(str(e)), TimeoutError is cf.TimeoutError)
try:
    f.exception(timeout=0.01)
except TimeoutError:
    print("exception() timed out")
print(f.set_running_or_notify_cancel(), f.running(), f.cancel())
f.set_result(42)
print(f.result(), f.exception(), f.done(), calls)
try:
    f.set_result(1)
except InvalidStateError as e:
    print("InvalidStateError", type(e).__mro__[1].__name__)
f.add_done_callback(lambda fut: print("late callback", fut.result()))

g = Future()
err = KeyError("missing")
g.set_exception(err)
print(g.exception() is err, g.done())
try:
    g.result()
except KeyError as e:
    print("raised", e)

h = Future()
print(h.cancel(), h.cancel(), h.cancelled(), h.done())
try:
    h.result()
except CancelledError as e:
    print("CancelledError", type(e).__module__, issubclass(CancelledError, cf._base.Error))
try:
    h.exception()
except CancelledError:
    print("exception() cancelled")
print(h.set_running_or_notify_cancel())
try:
    h.set_result(3)
except InvalidStateError:
    print("cannot finish a cancelled future")

def bad_callback(fut):
    raise ValueError("ignored")

k = Future()
k.add_done_callback(bad_callback)
k.add_done_callback(lambda fut: print("next callback still runs"))
# Logged to stderr (the last line is the exception), and the next callback still runs.
k.set_result(None)
print(issubclass(cf.BrokenExecutor, RuntimeError))
