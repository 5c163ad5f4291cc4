# expect: ok
# cpython: same
# threading: waits
import threading
def f():
    f()
err = []
def run():
    try:
        f()
    except RecursionError as e:
        err.append(type(e).__name__)
t = threading.Thread(target=run)
t.start()
t.join()
print(err)
