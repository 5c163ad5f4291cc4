# async for: else, break, continue, nesting, user __aiter__/__anext__, targets, comprehensions.
import asyncio


class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i


async def pairs(n):
    for i in range(n):
        yield i, i * i


async def main():
    for n in (0, 3):
        async for t in Ticker(n):
            print("tick", t)
        else:
            print("else after", n)
    async for i, sq in pairs(4):
        if i == 1:
            continue
        if i == 3:
            break
        print("pair", i, sq)
    else:
        print("not printed")
    out = []
    async for a in Ticker(2):
        async for b in pairs(2):
            out.append((a, b[0]))
    print(out)
    # return from inside async for
    async def first_big(limit):
        async for t in Ticker(10):
            if t > limit:
                return t
        return None
    print(await first_big(4), await first_big(20))
    # try/finally around and inside the loop
    try:
        async for t in Ticker(3):
            try:
                if t == 2:
                    raise KeyError(t)
            finally:
                print("inner finally", t)
    except KeyError as e:
        print("caught", e)
    # comprehensions
    print([t async for t in Ticker(3) if t != 2])
    print({t async for t in Ticker(3)})
    print({i: s async for i, s in pairs(3)})
    print([(t, j) async for t in Ticker(2) for j in range(2)])
    print([j for j in range(2)], [await asyncio.sleep(0, i) for i in range(3)])
    gen = (t * 10 async for t in Ticker(3))
    print(type(gen).__name__, [x async for x in gen])
    # StopAsyncIteration only ends the loop when it comes from __anext__
    try:
        async for t in Ticker(2):
            raise StopAsyncIteration("from body")
    except StopAsyncIteration as e:
        print("body raised", e)


asyncio.run(main())
