# While a worker thread blocks, other coroutines keep running on the loop: the thread waits
# (sleeping, GIL released) until the ticker task on the loop has ticked five times.
import asyncio
import time

ticks = 0


async def ticker(stop):
    global ticks
    while not stop.is_set():
        ticks += 1
        await asyncio.sleep(0.01)


def wait_for_ticks():
    start = ticks
    deadline = time.monotonic() + 10
    while ticks < start + 5 and time.monotonic() < deadline:
        time.sleep(0.01)
    return ticks >= start + 5


async def main():
    stop = asyncio.Event()
    task = asyncio.create_task(ticker(stop))
    await asyncio.sleep(0)
    saw = await asyncio.to_thread(wait_for_ticks)
    stop.set()
    await task
    print("ticker ran while the thread waited:", saw)
    print("ticker done:", task.done())


asyncio.run(main())
