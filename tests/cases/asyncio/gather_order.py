import asyncio

async def value_after(v, delay):
    await asyncio.sleep(delay)
    return v

async def main():
    r = await asyncio.gather(value_after("a", 0.03), value_after("b", 0.01), value_after("c", 0.02))
    print(r)
    print(await asyncio.gather())
    t = asyncio.create_task(value_after(5, 0))
    print(await asyncio.gather(t, value_after(6, 0)))

asyncio.run(main())
