# hashlib on big buffers, sequentially and in four threads: CPU-bound work that scales with
# threads because hashlib releases the GIL while it hashes (CPython's and gilvm's alike).
# Prints only the digests (deterministic); time it from outside (scripts/bench_vs_python.py).
import hashlib
import sys
import threading

MB = int(sys.argv[1]) if len(sys.argv) > 1 else 20
ROUNDS = 2
bufs = [bytes([i + 1]) * (MB * 1024 * 1024) for i in range(4)]


def digest(buf):
    h = hashlib.sha256()
    for _ in range(ROUNDS):
        h.update(buf)
    return h.hexdigest()


mode = sys.argv[2] if len(sys.argv) > 2 else "both"
if mode in ("seq", "both"):
    seq = [digest(b) for b in bufs]
    print("sequential", [d[:12] for d in seq])
if mode in ("threads", "both"):
    out = [None] * 4

    def work(i):
        out[i] = digest(bufs[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("threads", [d[:12] for d in out])
