import asyncio

async def slow(log):
    try:
        await asyncio.sleep(1)
        return "slow done"
    except asyncio.CancelledError:
        log.append("slow cancelled")
        raise

async def quick():
    await asyncio.sleep(0.001)
    return "quick done"

async def main():
    log = []
    try:
        await asyncio.wait_for(slow(log), timeout=0.02)
    except asyncio.TimeoutError:
        print("timed out", log)
    print(asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(quick(), timeout=1))
    print(await asyncio.wait_for(quick(), None))
    try:
        await asyncio.wait_for(slow(log), 0)
    except TimeoutError:
        print("zero timeout", log)

asyncio.run(main())
