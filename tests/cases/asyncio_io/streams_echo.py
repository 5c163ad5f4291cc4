# asyncio.start_server / open_connection: a line echo server, several clients at once,
# StreamReader.readline/readexactly/readuntil/read, StreamWriter.write/writelines/drain/close/
# wait_closed/is_closing/get_extra_info, Server as an async context manager.
import asyncio

finished = []


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    assert peer[0] == "127.0.0.1"
    while True:
        line = await reader.readline()
        if not line:
            break
        if line == b"exact\n":
            data = await reader.readexactly(5)
            writer.write(b"exact:" + data + b"\n")
        elif line == b"until\n":
            data = await reader.readuntil(b"!!")
            writer.write(b"until:" + data + b"\n")
        else:
            writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.append(peer)


async def client(port, i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    assert writer.get_extra_info("sockname")[0] == "127.0.0.1"
    assert writer.get_extra_info("peername") == ("127.0.0.1", port)
    out = []
    for r in range(3):
        writer.write(b"client %d line %d\n" % (i, r))
        await writer.drain()
        out.append(await reader.readline())
    writer.writelines([b"exact\n", b"ab", b"cde"])
    out.append(await reader.readline())
    writer.write(b"until\nx!y!!")
    out.append(await reader.readline())
    writer.write_eof()
    out.append(await reader.read())
    print("client", i, "at_eof:", reader.at_eof(), "closing:", writer.is_closing())
    writer.close()
    print("client", i, "closing:", writer.is_closing())
    await writer.wait_closed()
    return out


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, limit=2**20)
    async with server:
        port = server.sockets[0].getsockname()[1]
        print("serving:", server.is_serving(), len(server.sockets))
        results = await asyncio.gather(*(client(port, i) for i in range(3)))
        for r in results:
            print(r)
        # A big payload goes through drain() with flow control.
        reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=2**20)
        big = b"z" * 200000 + b"\n"
        writer.write(big)
        await writer.drain()
        line = await reader.readline()
        print("big:", len(line), line == big.upper())
        writer.close()
        await writer.wait_closed()
        while len(finished) < 4:
            await asyncio.sleep(0.01)
    print("serving after close:", server.is_serving(), server.sockets)


asyncio.run(main())
