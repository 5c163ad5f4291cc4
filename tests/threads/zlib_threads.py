# Two threads each compress and decompress a 9 MB buffer; zlib releases the GIL while it
# works, so the workers spend their time blocked, not running bytecode under the lock, and
# both are blocked at once (the main thread, joining them, is blocked for about as long as
# one of them). The compressed sizes and CRCs printed are CPython's.
import threading
import zlib

bufs = [bytes(range(i, 256)) * (8 * 4096) + bytes([i]) * (1 << 20) for i in (1, 2)]
out = [None] * 2


def work(i):
    c = zlib.compress(bufs[i], 9)
    co = zlib.compressobj(6)
    streamed = co.compress(bufs[i])
    tail = co.flush()
    d = zlib.decompressobj()
    back = d.decompress(c)
    out[i] = (c, streamed, tail, back, zlib.decompress(streamed + tail))


threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for i in range(2):
    c, streamed, tail, back, again = out[i]
    assert back == bufs[i] and again == bufs[i]
print([(len(o[0]), zlib.crc32(o[0])) for o in out])
