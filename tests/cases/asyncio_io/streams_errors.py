# Stream edge cases: readexactly at EOF raises IncompleteReadError (with .partial and
# .expected), readuntil without the separator too, readline past the limit raises ValueError,
# read(n) returns what there is, serve_forever ends with CancelledError when cancelled and
# closes the server, open_connection to a closed port is refused, and an exception in the
# client callback is reported on stderr (the connection is closed).
import asyncio


async def once(reader, writer):
    writer.write(b"abc")
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(once, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError:", e, e.partial, e.expected)
        print(isinstance(e, EOFError))
    print("at_eof:", reader.at_eof(), await reader.read(), await reader.readline())
    writer.close()
    await writer.wait_closed()

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        await reader.readuntil(b"\n")
    except asyncio.IncompleteReadError as e:
        print("readuntil:", e, e.partial, e.expected)
    writer.close()
    await writer.wait_closed()

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("read(2):", await reader.read(2), await reader.read(5), await reader.read(5))
    writer.close()
    await writer.wait_closed()

    r = asyncio.StreamReader(limit=8)
    r.feed_data(b"0123456789abcdef\nrest\n")
    try:
        await r.readline()
    except ValueError as e:
        print("ValueError:", e)
    print(await r.readline())
    r.feed_eof()
    print(await r.readline(), r.at_eof())
    try:
        await r.readexactly(-1)
    except ValueError as e:
        print("ValueError:", e)
    lines = asyncio.StreamReader()
    lines.feed_data(b"one\ntwo\nthree")
    lines.feed_eof()
    print([line async for line in lines])

    forever = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0.01)
    forever.cancel()
    try:
        await forever
    except asyncio.CancelledError:
        print("serve_forever cancelled; serving:", server.is_serving())
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("refused:", e.errno)

    async def boom(reader, writer):
        raise ValueError("boom in the handler")

    server = await asyncio.start_server(boom, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("after boom:", await reader.read())
    writer.close()
    server.close()
    await server.wait_closed()
    await writer.wait_closed()


asyncio.run(main())
