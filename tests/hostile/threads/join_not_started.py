# expect: error RuntimeError
# cpython: same
# threading: waits
import threading
threading.Thread(target=print).join()
