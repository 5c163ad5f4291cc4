# asyncio.to_thread: a blocking function runs in a worker thread; its result, or its
# exception, comes back to the awaiting coroutine.
import asyncio
import threading
import time


def blocking_add(a, b):
    time.sleep(0.05)
    return a + b


def where():
    return threading.current_thread() is threading.main_thread()


def fails(n):
    time.sleep(0.01)
    raise ValueError("bad value " + str(n))


async def main():
    print("sum:", await asyncio.to_thread(blocking_add, 2, 3))
    print("in main thread?", await asyncio.to_thread(where))
    print("caller in main thread?", where())
    try:
        await asyncio.to_thread(fails, 7)
    except ValueError as e:
        print("caught:", type(e).__name__, e)
    # KeyError keeps its type and args through the thread hop.
    d = {}
    try:
        await asyncio.to_thread(lambda: d["missing"])
    except KeyError as e:
        print("caught KeyError:", e)
    print("none:", await asyncio.to_thread(lambda: None))
    return "done"


print(asyncio.run(main()))
