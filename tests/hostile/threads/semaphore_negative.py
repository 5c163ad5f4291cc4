# expect: error ValueError
# cpython: same
# threading: waits
import threading
threading.Semaphore(-1)
