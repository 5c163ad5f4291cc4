import asyncio

async def add(a, b):
    return a + b

c = add(1, 2)
print(repr(c).startswith("<coroutine object add at 0x"))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)

async def chain():
    x = await add(1, 2)
    y = await add(x, 10)
    return y

print(asyncio.run(chain()))

async def nested(n):
    if n == 0:
        return 0
    return n + await nested(n - 1)

print(asyncio.run(nested(50)))
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError")

async def bad_await():
    await 5

try:
    asyncio.run(bad_await())
except TypeError as e:
    print("TypeError:", e)
