import asyncio

async def level2():
    await asyncio.sleep(0)
    raise RuntimeError("deep failure")

async def level1():
    return await level2()

async def main():
    try:
        await level1()
    except RuntimeError as e:
        print("caught", e)
    t = asyncio.create_task(level1())
    try:
        await t
    except RuntimeError as e:
        print("task raised", e, t.done())
    return "main result"

print(asyncio.run(main()))

async def top():
    raise ZeroDivisionError("from main")

try:
    asyncio.run(top())
except ZeroDivisionError as e:
    print("run raised", e)
