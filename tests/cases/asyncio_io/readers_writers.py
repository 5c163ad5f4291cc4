# loop.add_reader / remove_reader / add_writer / remove_writer on a socketpair and a pipe:
# callbacks run when the descriptor is ready, with their arguments; remove_* says whether one
# was registered; re-adding replaces the callback.
import asyncio
import os
import socket


async def main():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    log = []
    got = loop.create_future()

    def on_read(tag):
        data = b.recv(100)
        log.append((tag, data))
        if not got.done():
            got.set_result(data)

    loop.add_reader(b, on_read, "first")
    loop.add_reader(b.fileno(), on_read, "second")  # replaces the first
    loop.call_later(0.05, a.send, b"ping")
    print("read:", await got)
    print("remove_reader:", loop.remove_reader(b), loop.remove_reader(b))

    writable = loop.create_future()
    loop.add_writer(a, lambda: writable.done() or writable.set_result("writable"))
    print(await writable)
    print("remove_writer:", loop.remove_writer(a.fileno()), loop.remove_writer(a))

    # A pipe: the reader sees the data, then EOF once the write end is closed.
    r, w = os.pipe()
    os.set_blocking(r, False)
    chunks = []
    eof = loop.create_future()

    def on_pipe():
        data = os.read(r, 10)
        chunks.append(data)
        if not data:
            loop.remove_reader(r)
            eof.set_result(None)

    loop.add_reader(r, on_pipe)
    for i in range(3):
        await asyncio.sleep(0.01)
        os.write(w, b"line%d;" % i)
    await asyncio.sleep(0.02)
    os.close(w)
    await eof
    print(b"".join(chunks), chunks[-1])
    os.close(r)
    a.close()
    b.close()
    print(log)
    try:
        loop.add_reader(-1, print)
    except ValueError as e:
        print("ValueError:", e)
    try:
        loop.add_reader("x", print)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
