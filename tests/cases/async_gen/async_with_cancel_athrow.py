import asyncio

class CM:
    async def __aenter__(self):
        print("enter")
        await asyncio.sleep(0)
        return self
    async def __aexit__(self, *a):
        await asyncio.sleep(0)
        print("exit", a[0].__name__ if a[0] else None)
        return False

async def withgen():
    async with CM():
        yield 1
        yield 2

async def slow():
    try:
        while True:
            await asyncio.sleep(10)
            yield 1
    except asyncio.CancelledError:
        print("agen saw cancel")
        raise
    finally:
        print("slow finally")

async def consumer():
    async for _ in slow():
        pass

async def main():
    async for v in withgen():
        print("v", v)
    g = withgen()
    print(await anext(g))
    await g.aclose()
    t = asyncio.create_task(consumer())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled")
    async def unstarted():
        yield 1
    u = unstarted()
    try:
        await u.athrow(KeyError("k"))
    except KeyError as e:
        print("athrow unstarted", e)
    print(await anext(u, "done"))
    async def catcher():
        try:
            yield 1
        except ZeroDivisionError:
            print("caught in agen")
    c = catcher()
    await anext(c)
    try:
        await c.athrow(ZeroDivisionError)
    except StopAsyncIteration:
        print("athrow -> StopAsyncIteration")
    try:
        async for x in withgen():
            1 / 0
    except ZeroDivisionError:
        print("body error propagated")

asyncio.run(main())
