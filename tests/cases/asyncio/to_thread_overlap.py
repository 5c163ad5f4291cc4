# Several to_thread calls gathered run at the same time: four 0.25 s sleeps take about 0.25 s,
# not 1 s, because time.sleep releases the GIL and the loop waits without holding it. A
# barrier that only opens when all four workers are inside it proves the overlap without
# depending on timing.
import asyncio
import threading
import time

barrier = threading.Barrier(4)


def slow(i):
    time.sleep(0.25)
    return i * i


def meet(i):
    try:
        barrier.wait(timeout=10)
        return "met"
    except threading.BrokenBarrierError:
        return "alone"


async def main():
    t0 = time.monotonic()
    results = await asyncio.gather(*[asyncio.to_thread(slow, i) for i in range(4)])
    elapsed = time.monotonic() - t0
    print("results:", results)
    print("overlapped:", elapsed < 0.75)
    print("not instant:", elapsed >= 0.24)
    print("barrier:", await asyncio.gather(*[asyncio.to_thread(meet, i) for i in range(4)]))


asyncio.run(main())
