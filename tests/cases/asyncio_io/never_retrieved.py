# A task whose exception nobody retrieves is reported on stderr ("Task exception was never
# retrieved", then the traceback); tasks whose exception was retrieved (exception(), result(),
# await, gather) are not.
import asyncio


async def fail(msg):
    raise ValueError(msg)


async def main():
    t1 = asyncio.create_task(fail("retrieved by exception()"))
    t2 = asyncio.create_task(fail("retrieved by await"))
    t3 = asyncio.create_task(fail("retrieved by gather"))
    asyncio.create_task(fail("nobody looked"))
    await asyncio.sleep(0.01)
    print(repr(t1.exception()))
    try:
        await t2
    except ValueError as e:
        print("awaited:", e)
    print(await asyncio.gather(t3, return_exceptions=True))
    print("main done")


asyncio.run(main())
print("after run")
