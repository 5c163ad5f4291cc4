# The coroutine form of io.py's job: the sleep is awaited, so one event loop overlaps them.
import asyncio


async def ajob(i):
    await asyncio.sleep(SLEEP)
    return i
