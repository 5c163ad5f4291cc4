# The coroutine form of mixed.py's job: the computation blocks the event loop, the sleep does not.
import asyncio


async def ajob(i):
    total = crunch(WORK)
    await asyncio.sleep(SLEEP)
    return total
