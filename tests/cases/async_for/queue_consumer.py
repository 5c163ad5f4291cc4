# An asyncio.Queue consumer written as an async generator + async for.
import asyncio


async def consume(q):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            return
        yield item


async def produce(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0.001)
    await q.put(None)


async def ticks(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


async def main():
    q = asyncio.Queue(maxsize=2)
    prod = asyncio.create_task(produce(q, 6))
    total = 0
    async for item in consume(q):
        print("consumed", item)
        total += item
    await prod
    print("total", total)
    print([i async for i in ticks(3, 0.001)])
    # two async generators interleaved by the loop
    async def collect(name, n):
        seen = []
        async for i in ticks(n, 0.001):
            seen.append(f"{name}{i}")
        return seen
    a, b = await asyncio.gather(collect("a", 3), collect("b", 2))
    print(a, b)
    print(await asyncio.wait_for(anext(ticks(1, 0)), 5))


asyncio.run(main())
