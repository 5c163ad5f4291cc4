# While a worker thread sleeps, other coroutines keep running on the loop.
import asyncio
import time

ticks = 0


async def ticker(stop):
    global ticks
    while not stop.is_set():
        ticks += 1
        await asyncio.sleep(0.01)


def sleepy():
    time.sleep(0.3)
    return "woke up"


async def main():
    stop = asyncio.Event()
    task = asyncio.create_task(ticker(stop))
    result = await asyncio.to_thread(sleepy)
    seen = ticks
    stop.set()
    await task
    print(result)
    print("ticker ran while the thread slept:", seen >= 5)
    print("ticker done:", task.done())


asyncio.run(main())
