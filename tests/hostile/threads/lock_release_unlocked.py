# expect: error RuntimeError
# cpython: same
# threading: waits
import threading
threading.Lock().release()
