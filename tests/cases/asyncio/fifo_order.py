import asyncio

async def worker(name, log):
    log.append(name + "0")
    await asyncio.sleep(0)
    log.append(name + "1")
    await asyncio.sleep(0)
    log.append(name + "2")

async def main():
    log = []
    tasks = [asyncio.create_task(worker(n, log)) for n in "abc"]
    await asyncio.gather(*tasks)
    print(log)

asyncio.run(main())
