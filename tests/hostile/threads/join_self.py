# expect: error RuntimeError
# cpython: same
# threading: waits
import threading
errors = []
def run():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        errors.append(e)
t = threading.Thread(target=run)
t.start()
t.join()
raise errors[0]
