# expect: error ValueError
# cpython: same
# threading: waits
import threading
threading.BoundedSemaphore(1).release()
