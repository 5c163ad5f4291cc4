# The coroutine form of net.py's job: the round trips go through asyncio's streams, so one
# event loop overlaps the waits of all the connections (the echo server is net.py's threads).


async def ajob(i):
    reader, writer = await asyncio.open_connection(*_lab_address())
    try:
        for _ in range(ROUND_TRIPS):
            writer.write(MESSAGE)
            await writer.drain()
            await reader.readexactly(len(MESSAGE))
    finally:
        writer.close()
        await writer.wait_closed()
    return i
