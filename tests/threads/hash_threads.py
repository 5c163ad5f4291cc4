# Four threads each hash a 20 MB buffer; hashlib releases the GIL while it works.
import hashlib
import threading

bufs = [bytes([i]) * (20 * 1024 * 1024) for i in range(4)]
out = [None] * 4


def work(i):
    out[i] = hashlib.sha256(bufs[i]).hexdigest()


threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for i in range(4):
    assert out[i] == hashlib.sha256(bufs[i]).hexdigest()
print(len(set(out)), out[0][:16])
