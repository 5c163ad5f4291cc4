# Several to_thread calls gathered run at the same time: four 0.2 s sleeps take about 0.2 s,
# not 0.8 s, because time.sleep releases the GIL and the loop waits without holding it.
import asyncio
import time


def slow(i):
    time.sleep(0.2)
    return i * i


async def main():
    t0 = time.monotonic()
    results = await asyncio.gather(*[asyncio.to_thread(slow, i) for i in range(4)])
    elapsed = time.monotonic() - t0
    print("results:", results)
    print("overlapped:", elapsed < 0.6)
    print("not instant:", elapsed >= 0.19)


asyncio.run(main())
