# expect: ok
# cpython: same
# threading: waits
import threading
print(threading.Event().wait(0.01))
