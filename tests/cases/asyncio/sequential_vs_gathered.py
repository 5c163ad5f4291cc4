import asyncio
import time

async def job(i):
    await asyncio.sleep(0.1)
    return i

async def main():
    t0 = time.monotonic()
    seq = []
    for i in range(5):
        seq.append(await job(i))
    t1 = time.monotonic()
    par = await asyncio.gather(*(job(i) for i in range(5)))
    t2 = time.monotonic()
    print(seq, par)
    print("sequential slower:", (t1 - t0) > (t2 - t1))
    # Five 100 ms sleeps gathered overlap: well under the 500 ms they take one after another.
    print("gathered under 400ms:", (t2 - t1) < 0.4)

asyncio.run(main())
