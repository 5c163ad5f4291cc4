# expect: error RuntimeError
# cpython: same
# threading: waits
import threading
threading.main_thread().join()
