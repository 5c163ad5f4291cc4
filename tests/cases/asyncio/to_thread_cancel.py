# Cancelling the task that awaits to_thread does not stop the thread: it runs to the end,
# and asyncio.run waits for it before returning (its result is dropped).
import asyncio
import threading
import time

log = []
go = threading.Event()


def held():
    go.wait(10)
    log.append("thread finished")
    return 1


async def waiter():
    try:
        await asyncio.to_thread(held)
    except asyncio.CancelledError:
        log.append("waiter cancelled")
        raise


async def main():
    task = asyncio.create_task(waiter())
    await asyncio.sleep(0.05)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        log.append("main saw the cancellation")
    log.append("main returns")
    go.set()


asyncio.run(main())
log.append("after run")
for line in log:
    print(line)


# A worker left running when the main coroutine returns is waited for as well.
async def leaves_one():
    go.clear()
    asyncio.create_task(asyncio.to_thread(held))
    await asyncio.sleep(0)
    def release():
        time.sleep(0.1)
        go.set()

    threading.Thread(target=release).start()
    return "main done"

log.clear()
print(asyncio.run(leaves_one()))
print(log)
