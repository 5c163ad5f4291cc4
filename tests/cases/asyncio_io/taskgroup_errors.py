import asyncio
async def bad(n):
    await asyncio.sleep(0.01)
    raise ValueError(n)
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(1)); tg.create_task(bad(2))
    except* ValueError as eg:
        print("caught", sorted(str(e) for e in eg.exceptions), type(eg).__name__)
asyncio.run(main())
