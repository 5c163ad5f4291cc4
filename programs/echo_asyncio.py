"""The asyncio twin of echo_threads.py: a TCP echo server on 127.0.0.1 (port 0: the OS picks
one) with a task per client, and a few client tasks; each client sends some lines and checks
the echoes. One thread: the event loop waits (poll) on every socket at once. Output is sorted
so it is the same on every run."""

import asyncio

CLIENTS = 4
ROUNDS = 5


async def handle(reader, writer):
    while True:
        data = await reader.read(1024)
        if not data:
            break
        writer.write(data)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, i, results):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    ok = 0
    for r in range(ROUNDS):
        msg = ("client %d round %d\n" % (i, r)).encode()
        writer.write(msg)
        await writer.drain()
        got = b""
        while len(got) < len(msg):
            chunk = await reader.read(1024)
            if not chunk:
                break
            got += chunk
        ok += got == msg
    writer.close()
    await writer.wait_closed()
    results.append("client %d: %d/%d echoes" % (i, ok, ROUNDS))


async def main():
    handlers = []

    def connected(reader, writer):
        handlers.append(asyncio.create_task(handle(reader, writer)))

    server = await asyncio.start_server(connected, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    results = []
    await asyncio.wait_for(
        asyncio.gather(*(client(port, i, results) for i in range(CLIENTS))), 10)
    await asyncio.wait_for(asyncio.gather(*handlers), 10)
    server.close()
    await server.wait_closed()
    for line in sorted(results):
        print(line)
    print("all echoed:", len(results) == CLIENTS)


asyncio.run(main())
