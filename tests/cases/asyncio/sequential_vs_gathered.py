import asyncio
import time

async def job(i):
    await asyncio.sleep(0.02)
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
    print("gathered under 80ms:", (t2 - t1) < 0.08)

asyncio.run(main())
