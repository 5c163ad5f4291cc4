# expect: ok
# cpython: same
# threading: waits
import threading
t = threading.Thread(target=5)
t.start()
t.join()
print('after')
