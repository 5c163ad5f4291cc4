# expect: exit 123
# args: --max-instructions 1000000 --timeout 30
# threading: waits
import threading
def spin():
    while True:
        pass
ts = [threading.Thread(target=spin) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
