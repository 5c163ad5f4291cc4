# asyncio.TaskGroup (3.11): waits for every task; a failing task cancels its siblings and the
# parent body, and the errors come out together (ExceptionGroup: its message and
# sub-exceptions); create_task after the group finished is an error.
import asyncio


async def work(name, delay, log, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError("%s failed" % name)
        log.append(name + " done")
        return name
    except asyncio.CancelledError:
        log.append(name + " cancelled")
        raise


async def main():
    log = []
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work("a", 0.02, log))
        b = tg.create_task(work("b", 0.01, log))
        print(repr(tg))
    print(log, a.result(), b.result())

    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("slow", 5, log))
            tg.create_task(work("bad", 0.01, log, fail=True))
            tg.create_task(work("worse", 0.01, log, fail=True))
            await asyncio.sleep(5)
            log.append("body not reached")
    except BaseException as eg:
        print(str(eg))
        print(sorted(str(e) for e in eg.exceptions))
    print(sorted(log))
    print("cancelling after:", asyncio.current_task().cancelling())

    coro = work("late", 0, log)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()

    async with asyncio.TaskGroup() as tg:
        pass
    tg = asyncio.TaskGroup()
    coro = work("x", 0, log)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()


asyncio.run(main())
