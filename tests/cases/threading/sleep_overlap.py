# Sleeping threads release the GIL: 5 threads sleeping 0.1 s take far less than 0.5 s.
import threading
import time

def nap():
    time.sleep(0.1)

start = time.monotonic()
threads = [threading.Thread(target=nap) for _ in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
print(elapsed < 0.35)
