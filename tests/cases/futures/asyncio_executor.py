# asyncio over executors: loop.run_in_executor with a ThreadPoolExecutor, a ProcessPool-free
# default (None), wrap_future, to_thread, an exception and a cancelled concurrent future.
import asyncio
import time
import concurrent.futures as cf


def work(x):
    time.sleep(0.005)
    return x * 2


def bad():
    raise KeyError("k")


async def main():
    loop = asyncio.get_running_loop()
    with cf.ThreadPoolExecutor(2) as ex:
        r = await asyncio.gather(*(loop.run_in_executor(ex, work, i) for i in range(4)))
        print(r)
        try:
            await loop.run_in_executor(ex, bad)
        except KeyError as e:
            print("KeyError", e)
        f = ex.submit(work, 21)
        print(await asyncio.wrap_future(f))
    print(await loop.run_in_executor(None, work, 5))
    print(await asyncio.to_thread(work, 6))
    c = cf.Future()
    c.cancel()
    try:
        await asyncio.wrap_future(c)
    except asyncio.CancelledError:
        print("wrapped future cancelled")
    af = loop.create_future()
    print(asyncio.wrap_future(af) is af)
    try:
        asyncio.wrap_future(5)
    except AssertionError as e:
        print("AssertionError:", e)


asyncio.run(main())
