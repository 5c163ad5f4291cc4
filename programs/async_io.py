"""Many tasks sleeping at once: sequential awaits against asyncio.gather.

stdout is deterministic (results and ordering); the timings go to stderr.
"""

import asyncio
import sys
import time


async def fetch(i, delay):
    await asyncio.sleep(delay)
    return i * i


async def main():
    delay = 0.01
    n_seq = 10
    t0 = time.perf_counter()
    seq = []
    for i in range(n_seq):
        seq.append(await fetch(i, delay))
    t1 = time.perf_counter()
    n_par = 1000
    par = await asyncio.gather(*(fetch(i, delay) for i in range(n_par)))
    t2 = time.perf_counter()
    print("sequential results:", seq)
    print("gathered:", len(par), "results, sum", sum(par))
    print("gathered in order:", par == [i * i for i in range(n_par)])
    order = []

    async def stage(name, d):
        await asyncio.sleep(d)
        order.append(name)

    await asyncio.gather(stage("c", 0.03), stage("a", 0.01), stage("b", 0.02))
    print("completion order:", order)
    print(f"sequential: {n_seq} x {delay * 1000:.0f} ms took {(t1 - t0) * 1000:.1f} ms",
          file=sys.stderr)
    print(f"gathered: {n_par} x {delay * 1000:.0f} ms took {(t2 - t1) * 1000:.1f} ms",
          file=sys.stderr)


asyncio.run(main())
