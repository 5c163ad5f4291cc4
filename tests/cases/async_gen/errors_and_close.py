import asyncio

async def main():
    for v in [1, None]:
        try:
            async for x in v:
                pass
        except TypeError as e:
            print("TE", e)
    class NoNext:
        def __aiter__(self):
            return 5
    try:
        async for x in NoNext():
            pass
    except TypeError as e:
        print("TE", e)
    class BadNext:
        def __aiter__(self):
            return self
        def __anext__(self):
            return 3
    try:
        async for x in BadNext():
            pass
    except TypeError as e:
        print("TE", e)
    for f in (lambda: aiter(3), lambda: anext(3)):
        try:
            f()
        except TypeError as e:
            print("TE", e)
    async def g():
        yield 1
        raise StopAsyncIteration
    try:
        async for x in g():
            print(x)
    except RuntimeError as e:
        print("RE", e, type(e.__cause__).__name__)
    async def ign():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    a = ign()
    await anext(a)
    try:
        await a.aclose()
    except RuntimeError as e:
        print("RE", e)
    async def noarg():
        yield 1
    b = noarg()
    try:
        await b.asend(3)
    except TypeError as e:
        print("TE", e)
    c = noarg()
    op = c.__anext__()
    print(await op)
    try:
        await op
    except RuntimeError as e:
        print("RE", e)
    print(repr(noarg())[:35])
    try:
        for x in noarg():
            pass
    except TypeError as e:
        print("TE", e)
    try:
        await noarg()
    except TypeError as e:
        print("TE", e)
    async def cleanup():
        try:
            yield 1
            yield 2
        finally:
            await asyncio.sleep(0)
            print("cleanup awaited")
    d = cleanup()
    async for x in d:
        print(x)
        break
    await d.aclose()
    async def thrower():
        try:
            yield 1
        except KeyError:
            yield "caught"
    t = thrower()
    await anext(t)
    print(await t.athrow(KeyError))

asyncio.run(main())
