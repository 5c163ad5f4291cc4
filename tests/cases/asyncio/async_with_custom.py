import asyncio

class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("open", self.name)
        await asyncio.sleep(0)
        return self
    async def __aexit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError

class Awaitable:
    def __await__(self):
        yield from ()
        return "custom awaited"

async def main():
    async with Resource("a") as r:
        print("using", r.name)
    async with Resource("b"):
        raise KeyError("swallowed")
    print("after b")
    try:
        async with Resource("c"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    for i in range(2):
        async with Resource(f"loop{i}"):
            if i == 0:
                continue
            break
    print(await Awaitable())

asyncio.run(main())
