import asyncio

async def producer(q, name, n):
    for i in range(n):
        await q.put(f"{name}{i}")
        print("put", name, i)
    
async def consumer(q, name, out):
    while True:
        item = await q.get()
        out.append((name, item))
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    consumers = [asyncio.create_task(consumer(q, c, out)) for c in ("c1", "c2")]
    await asyncio.gather(producer(q, "p", 5), producer(q, "r", 3))
    await q.join()
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(out)
    print(all(c.cancelled() for c in consumers))

asyncio.run(main())
