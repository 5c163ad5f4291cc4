# expect: exit 124
# args: --timeout 1
# threading: waits
import threading
def spin():
    while True:
        pass
t = threading.Thread(target=spin)
t.start()
t.join()
