# result() of a cancelled future, not caught: concurrent.futures._base.CancelledError.
from concurrent.futures import Future

f = Future()
print(f.cancel())
f.result()
