import asyncio

async def sleeper(i, delay, out):
    await asyncio.sleep(delay)
    out.append(i)
    return i * i

async def main():
    out = []
    results = await asyncio.gather(*(sleeper(i, 0.01, out) for i in range(8)))
    print(results)
    print(out)
    out2 = []
    await asyncio.gather(sleeper("slow", 0.03, out2), sleeper("fast", 0.005, out2), sleeper("mid", 0.015, out2))
    print(out2)

asyncio.run(main())
