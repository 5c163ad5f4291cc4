# expect: error ValueError
# cpython: same
import asyncio
async def bad():
    raise ValueError('x')
async def main():
    await asyncio.gather(bad(), bad())
asyncio.run(main())
