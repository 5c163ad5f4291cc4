# expect: ok
# cpython: same
# threading: waits
import threading
out = []
ts = [threading.Thread(target=out.append, args=(i,)) for i in range(200)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(out))
