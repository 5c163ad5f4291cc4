# A second __anext__/asend/athrow/aclose while another is mid-way (the generator suspended
# at an await, or executing) raises RuntimeError and leaves the generator intact.
import asyncio


async def ag():
    print("start")
    await asyncio.sleep(0)
    print("after sleep")
    yield 1
    yield 2


async def main():
    g = ag()
    first = asyncio.ensure_future(g.__anext__())
    await asyncio.sleep(0)
    for make in (g.__anext__, lambda: g.asend(None), lambda: g.athrow(ValueError("x")), g.aclose):
        try:
            print("unexpected", await make())
        except RuntimeError as e:
            print("RuntimeError", e)
    print("first", await first)
    print("next", await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")

    async def self_ref():
        yield 1
        try:
            await me.__anext__()
        except RuntimeError as e:
            print("inner RuntimeError", e)
        yield 2

    me = self_ref()
    print([v async for v in me])

    g2 = ag()
    a = asyncio.ensure_future(g2.__anext__())
    b = asyncio.ensure_future(g2.__anext__())
    res = await asyncio.gather(a, b, return_exceptions=True)
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in res])
    await g2.aclose()


asyncio.run(main())
