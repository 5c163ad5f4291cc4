# loop.run_in_executor(None, func, *args) returns a future; call_soon_threadsafe hands a
# callback from another thread to the loop.
import asyncio
import threading
import time


def work(x, y):
    time.sleep(0.05)
    return x * y


def boom():
    raise RuntimeError("from the executor")


async def main():
    loop = asyncio.get_running_loop()
    print("same loop object:", loop is asyncio.get_running_loop())
    fut = loop.run_in_executor(None, work, 6, 7)
    print("is a future:", isinstance(fut, asyncio.Future))
    print("result:", await fut)
    try:
        await loop.run_in_executor(None, boom)
    except RuntimeError as e:
        print("caught:", e)
    results = await asyncio.gather(
        loop.run_in_executor(None, work, 1, 2),
        loop.run_in_executor(None, work, 3, 4),
    )
    print("gathered:", results)

    # A plain thread resolves a future through call_soon_threadsafe.
    done = loop.create_future()

    def producer():
        time.sleep(0.05)
        loop.call_soon_threadsafe(done.set_result, "from a thread")

    t = threading.Thread(target=producer)
    t.start()
    print("threadsafe:", await done)
    t.join()

    # From the loop's own thread it runs in call_soon order.
    order = []
    loop.call_soon_threadsafe(order.append, 1)
    loop.call_soon(order.append, 2)
    loop.call_soon_threadsafe(order.append, 3)
    await asyncio.sleep(0)
    print("order:", order)


asyncio.run(main())
