# expect: error RecursionError
# cpython: same
import asyncio
async def f():
    await f()
asyncio.run(f())
