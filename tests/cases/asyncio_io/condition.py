# asyncio.Condition: wait/notify/notify_all/wait_for with a shared lock, the RuntimeErrors of
# waiting or notifying without the lock, and a cancelled waiter that still reacquires it.
import asyncio


async def main():
    cond = asyncio.Condition()
    items = []
    log = []

    async def consumer(i):
        async with cond:
            await cond.wait_for(lambda: items)
            log.append("consumer %d got %s" % (i, items.pop(0)))

    consumers = [asyncio.create_task(consumer(i)) for i in range(3)]
    await asyncio.sleep(0)
    for n in range(3):
        async with cond:
            items.append(n)
            cond.notify()
        await asyncio.sleep(0)
    await asyncio.gather(*consumers)
    print(log)

    woken = []

    async def waiter(i):
        async with cond:
            r = await cond.wait()
            woken.append((i, r))

    ws = [asyncio.create_task(waiter(i)) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0)
    print("after notify(2):", sorted(woken))
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ws)
    print("after notify_all:", sorted(woken))

    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

    async def cancelled_waiter():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                print("cancelled, holding the lock:", cond.locked())
                raise

    t = asyncio.create_task(cancelled_waiter())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled; lock free:", not cond.locked())
    lock = asyncio.Lock()
    c2 = asyncio.Condition(lock)
    async with lock:
        print("shared lock:", c2.locked())


asyncio.run(main())
