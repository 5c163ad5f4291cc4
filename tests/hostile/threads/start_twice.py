# expect: error RuntimeError
# cpython: same
# threading: waits
import threading
t = threading.Thread(target=lambda: None)
t.start()
t.start()
