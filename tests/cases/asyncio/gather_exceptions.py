import asyncio

async def ok(v):
    await asyncio.sleep(0)
    return v

async def fail(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)

async def main():
    res = await asyncio.gather(ok(1), fail("x"), ok(3), return_exceptions=True)
    print([type(r).__name__ for r in res], res[0], str(res[1]), res[2])
    try:
        await asyncio.gather(ok(1), fail("first"))
    except ValueError as e:
        print("gather raised", e)

asyncio.run(main())
