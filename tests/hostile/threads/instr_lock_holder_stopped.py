# expect: exit 123
# args: --max-instructions 1000000 --timeout 30
# threading: waits
import threading
lock = threading.Lock()
lock.acquire()
def spin():
    while True:
        pass
    lock.release()
threading.Thread(target=spin).start()
lock.acquire()
