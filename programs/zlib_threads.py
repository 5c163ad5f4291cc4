# zlib on many chunks, sequentially and on four threads: CPU-bound work that scales with threads
# because zlib releases the GIL while it (de)compresses (CPython's and gilvm's alike).
# Prints only sizes and checksums (deterministic); time it from outside:
#   scripts/bench_native_threads.py --program zlib   (arguments: CHUNKS KB [seq|threads])
import sys
import threading
import zlib

CHUNKS = int(sys.argv[1]) if len(sys.argv) > 1 else 16
KB = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
mode = sys.argv[3] if len(sys.argv) > 3 else "both"
THREADS = 4


def text(n):
    # About n bytes of word salad from a fixed LCG: compressible, but deflate has real work.
    words = [b"alpha", b"beta", b"gamma", b"delta", b"epsilon", b"zeta", b"eta", b"theta",
             b"iota", b"kappa", b"lambda", b"mu", b"nu", b"xi", b"omicron", b"pi", b"rho",
             b"sigma", b"tau", b"upsilon", b"phi", b"chi", b"psi", b"omega", b"\n"]
    out, x, size = [], 12345, 0
    while size < n:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        w = words[(x >> 16) % len(words)]
        out.append(w)
        size += len(w) + 1
    return b" ".join(out)[:n]


# 64 KB of text, repeated: the repeats are further apart than deflate's 32 KB window, so
# every byte is compressed for real. Each chunk is the base rotated and re-mapped.
BASE = text(64 * 1024)


def chunk(i):
    k = (i * 4099) % len(BASE)
    row = (BASE[k:] + BASE[:k]).translate(bytes((b + i) & 0xFF for b in range(256)))
    return row * (KB // 64 or 1)


chunks = [chunk(i) for i in range(CHUNKS)]


def work(i):
    c = zlib.compress(chunks[i], 6)
    back = zlib.decompress(c)
    return len(c), zlib.crc32(c), zlib.adler32(back) == zlib.adler32(chunks[i])


def report(label, results):
    sizes = [r[0] for r in results]
    crc = 0
    for r in results:
        crc = zlib.crc32(r[1].to_bytes(4, "little"), crc)
    print(label, len(results), sum(sizes), min(sizes), max(sizes), crc, all(r[2] for r in results))


if mode in ("seq", "both"):
    report("sequential", [work(i) for i in range(CHUNKS)])
if mode in ("threads", "both"):
    out = [None] * CHUNKS

    def worker(t):
        for i in range(t, CHUNKS, THREADS):
            out[i] = work(i)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report("threads", out)
