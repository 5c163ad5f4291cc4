# expect: error ValueError
# cpython: same
# threading: waits
import threading
threading.Lock().acquire(timeout=-5)
