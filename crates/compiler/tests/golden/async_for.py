async def loop(src):
    async for x in src:
        if x:
            continue
        break
    else:
        pass
    return [y async for y in src if y]


async def agen(a):
    try:
        yield await a
    finally:
        await a
