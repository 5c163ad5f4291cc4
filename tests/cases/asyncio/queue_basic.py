import asyncio

async def main():
    q = asyncio.Queue()
    print(q.empty(), q.qsize(), q.maxsize)
    for i in range(3):
        q.put_nowait(i)
    print(q.qsize(), q.empty())
    print(q.get_nowait(), await q.get())
    q.task_done()
    q.task_done()
    try:
        asyncio.Queue().get_nowait()
    except asyncio.QueueEmpty:
        print("empty")
    full = asyncio.Queue(maxsize=1)
    full.put_nowait("x")
    try:
        full.put_nowait("y")
    except asyncio.QueueFull:
        print("full", full.full())
    try:
        for _ in range(5):
            q.task_done()
    except ValueError as e:
        print(e)

asyncio.run(main())
