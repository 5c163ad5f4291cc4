import threading

r = threading.RLock()
with r:
    with r:
        print("nested ok")
    print(r.acquire(blocking=False))
    r.release()
try:
    r.release()
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# Another thread cannot take an RLock held by this one.
r.acquire()
got = []
t = threading.Thread(target=lambda: got.append(r.acquire(timeout=0.05)))
t.start()
t.join()
print(got)
r.release()
