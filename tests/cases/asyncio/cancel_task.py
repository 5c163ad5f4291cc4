import asyncio

async def long_job(log):
    try:
        log.append("started")
        await asyncio.sleep(10)
        log.append("finished")
    except asyncio.CancelledError:
        log.append("cancelled inside")
        raise
    finally:
        log.append("cleanup")

async def main():
    log = []
    t = asyncio.create_task(long_job(log))
    await asyncio.sleep(0.01)
    print(t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("caught CancelledError")
    print(t.cancelled(), t.done(), log)
    print(t.cancel())
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
    t2 = asyncio.create_task(long_job([]))
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("cancelled before start", t2.cancelled())

asyncio.run(main())
