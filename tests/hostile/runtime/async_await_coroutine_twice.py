# expect: error RuntimeError
# cpython: same
import asyncio
async def f():
    return 1
async def main():
    c = f()
    await c
    await c
asyncio.run(main())
