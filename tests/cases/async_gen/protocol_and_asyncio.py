import asyncio

async def agen(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        print("agen finally")

class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i

async def main():
    async for x in agen(3):
        print("got", x)
    else:
        print("else ran")
    async for x in Counter(4):
        if x == 2:
            continue
        if x == 4:
            break
        print("counter", x)
    else:
        print("not reached")
    print([x async for x in agen(4)])
    print({x: x * x async for x in Counter(3)})
    print([await asyncio.sleep(0, result=i) for i in range(3)])
    g = agen(2)
    print(type(g).__name__, await g.__anext__(), await anext(g))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("stop")
    print(await anext(g, "dflt"))
    g = agen(5)
    print(await g.asend(None))
    await g.aclose()
    async def echo():
        v = yield 1
        while True:
            v = yield v * 2
    e = echo()
    print(await e.asend(None), await e.asend(5), await e.asend(7))
    try:
        await e.athrow(ValueError("boom"))
    except ValueError as ex:
        print("athrow:", ex)
    q = asyncio.Queue()
    async def producer():
        for i in range(3):
            await q.put(i)
            await asyncio.sleep(0.001)
        await q.put(None)
    async def qiter():
        while True:
            item = await q.get()
            if item is None:
                return
            yield item
    t = asyncio.create_task(producer())
    async for item in qiter():
        print("queue", item)
    await t
    ai = aiter(Counter(2))
    print(await anext(ai), await anext(ai), await anext(ai, "end"))
    ag = (x * 2 async for x in agen(3))
    print(type(ag).__name__, [y async for y in ag])

asyncio.run(main())
