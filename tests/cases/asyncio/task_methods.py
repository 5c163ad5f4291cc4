import asyncio

async def compute(x):
    await asyncio.sleep(0)
    return x * 2

async def broken():
    raise KeyError("missing")

async def main():
    t = asyncio.create_task(compute(21))
    print(t.done())
    print(await t)
    print(t.done(), t.result(), t.cancelled(), t.exception())
    b = asyncio.create_task(broken())
    await asyncio.sleep(0)
    print(b.done(), type(b.exception()).__name__)
    try:
        b.result()
    except KeyError as e:
        print("result raised KeyError", e)
    p = asyncio.create_task(compute(1))
    try:
        p.result()
    except asyncio.InvalidStateError:
        print("not ready")
    await p
    named = asyncio.create_task(compute(2), name="worker-1")
    print(named.get_name())
    await named
    print(asyncio.current_task() is not None)

asyncio.run(main())
