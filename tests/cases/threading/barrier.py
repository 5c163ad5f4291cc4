import threading

barrier = threading.Barrier(3)
lock = threading.Lock()
phases = []
indices = []

def work(i):
    with lock:
        phases.append(("before", i))
    idx = barrier.wait()
    with lock:
        indices.append(idx)
        phases.append(("after", i))

threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
# Every "before" comes ahead of every "after".
kinds = [p[0] for p in phases]
print(kinds)
print(sorted(indices))
print(barrier.parties, barrier.n_waiting, barrier.broken)

b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken", b2.broken)
b2.reset()
print(b2.broken)
