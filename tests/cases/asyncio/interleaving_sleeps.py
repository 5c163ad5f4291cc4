import asyncio

async def ticker(name, delay, n, log):
    for i in range(n):
        await asyncio.sleep(delay)
        log.append(f"{name}{i}")

async def main():
    log = []
    await asyncio.gather(ticker("A", 0.1, 3, log), ticker("B", 0.25, 1, log))
    print(log)
    log = []
    await asyncio.gather(ticker("x", 0, 3, log), ticker("y", 0, 2, log), ticker("z", 0, 1, log))
    print(log)

asyncio.run(main())
