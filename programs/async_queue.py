"""Producers and consumers on a bounded asyncio.Queue, with a sentinel per consumer."""

import asyncio


async def producer(q, name, items):
    for it in items:
        await q.put((name, it))
    return f"{name} produced {len(items)}"


async def consumer(q, name, results):
    handled = 0
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        src, value = item
        await asyncio.sleep(0)
        results.append((name, src, value * value))
        handled += 1
        q.task_done()
    return handled


async def main():
    q = asyncio.Queue(maxsize=3)
    results = []
    consumers = [asyncio.create_task(consumer(q, f"c{i}", results)) for i in range(3)]
    produced = await asyncio.gather(
        producer(q, "even", list(range(0, 20, 2))),
        producer(q, "odd", list(range(1, 20, 2))),
    )
    for _ in consumers:
        await q.put(None)
    await q.join()
    handled = await asyncio.gather(*consumers)
    print(produced)
    print("handled per consumer:", handled, "total", sum(handled))
    print("queue empty:", q.empty(), "size", q.qsize())
    for r in results[:6]:
        print(r)
    print("sum of squares:", sum(v for _, _, v in results))


asyncio.run(main())
