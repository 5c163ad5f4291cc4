# asyncio.timeout / timeout_at (3.11): an expired block raises TimeoutError (chained from the
# CancelledError), expired() tells, reschedule moves the deadline, None never expires, nested
# timeouts: only the one that fired converts, and an outer cancel is not swallowed.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.05) as cm:
            await asyncio.sleep(5)
    except TimeoutError as e:
        print("TimeoutError; expired:", cm.expired(), type(e.__cause__).__name__)

    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.01)
    print("in time; expired:", cm.expired(), repr(cm))

    async with asyncio.timeout(None) as cm:
        print("when:", cm.when())
        await asyncio.sleep(0.01)
        cm.reschedule(loop.time() + 5)
        print("rescheduled:", cm.when() > loop.time())
        await asyncio.sleep(0.01)

    try:
        async with asyncio.timeout_at(loop.time() + 0.05):
            await asyncio.sleep(5)
    except TimeoutError:
        print("timeout_at fired")

    try:
        async with asyncio.timeout(5) as outer:
            try:
                async with asyncio.timeout(0.02) as inner:
                    await asyncio.sleep(5)
            except TimeoutError:
                print("inner expired:", inner.expired(), "outer:", outer.expired())
            await asyncio.sleep(0.01)
    except TimeoutError:
        print("outer should not fire")
    print("task cancelling:", asyncio.current_task().cancelling())

    async def cancelled_from_outside():
        async with asyncio.timeout(5):
            await asyncio.sleep(5)

    t = asyncio.create_task(cancelled_from_outside())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outer cancel went through")

    cm = asyncio.timeout(1)
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with cm:
        pass
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(repr(cm))


asyncio.run(main())
