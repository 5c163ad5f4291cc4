# expect: ok
# cpython: same
# threading: waits
import threading
def f():
    raise ValueError('in thread')
t = threading.Thread(target=f)
t.start()
t.join()
print('main continues')
