# expect: exit 124
# args: --timeout 1
# threading: waits
import threading
def spin():
    while True:
        pass
threading.Thread(target=spin).start()
print('started')
