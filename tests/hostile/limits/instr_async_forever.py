# expect: exit 123
# args: --max-instructions 1000000 --timeout 30
import asyncio
async def spin():
    while True:
        try:
            await asyncio.sleep(0)
        except BaseException:
            pass
async def main():
    await asyncio.gather(spin(), spin())
asyncio.run(main())
