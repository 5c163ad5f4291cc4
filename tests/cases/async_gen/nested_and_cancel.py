import asyncio

async def inner(n):
    for i in range(n):
        await asyncio.sleep(0.001)
        yield i

async def outer(n):
    async for i in inner(n):
        yield i * 10
    yield "end"

def make():
    return (x + 1 async for x in inner(3))

async def main():
    print([x async for x in outer(3)])
    print([x async for x in make()])
    mod = (y async for y in outer(2))
    print(await anext(mod), await anext(mod))
    async def deep():
        try:
            async for x in outer(100):
                yield x
        finally:
            print("deep finally")
    async def run():
        async for x in deep():
            pass
    t = asyncio.ensure_future(run())
    await asyncio.sleep(0.02)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")
    g = outer(1)
    print(g.__aiter__() is g, aiter(g) is g)
    async def gen_ret():
        yield 1
        return
    print([x async for x in gen_ret()])

asyncio.run(main())
