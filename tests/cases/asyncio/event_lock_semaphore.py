import asyncio

async def main():
    ev = asyncio.Event()
    order = []
    async def waiter(i):
        order.append(f"wait{i}")
        await ev.wait()
        order.append(f"woke{i}")
    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(ev.is_set())
    ev.set()
    await asyncio.gather(*tasks)
    print(order, ev.is_set())
    ev.clear()
    print(ev.is_set())

    lock = asyncio.Lock()
    trace = []
    async def critical(i):
        async with lock:
            trace.append(f"enter{i}")
            await asyncio.sleep(0)
            trace.append(f"exit{i}")
    await asyncio.gather(*(critical(i) for i in range(3)))
    print(trace, lock.locked())
    await lock.acquire()
    print(lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print(e)

    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0
    async def limited(i):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.001)
            active -= 1
        return i
    print(await asyncio.gather(*(limited(i) for i in range(6))), peak)

asyncio.run(main())
