# An exception raised inside an async generator, seen through async for (driven by hand).
async def agen():
    yield 1
    raise ValueError("inside agen")


async def main():
    async for x in agen():
        print(x)


coro = main()
coro.send(None)
