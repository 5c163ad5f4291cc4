# to_thread passes positional and keyword arguments through; `func` is positional-only, so a
# keyword called func reaches the function.
import asyncio


def describe(name, *rest, sep="-", **extra):
    parts = [name] + [str(r) for r in rest]
    text = sep.join(parts)
    for k in sorted(extra):
        text += " " + k + "=" + str(extra[k])
    return text


def takes_func(func=None):
    return "func kwarg: " + str(func)


async def main():
    print(await asyncio.to_thread(describe, "a", 1, 2))
    print(await asyncio.to_thread(describe, "b", 3, sep="+"))
    print(await asyncio.to_thread(describe, "c", sep="/", color="red", size=4))
    print(await asyncio.to_thread(takes_func, func=42))
    print(await asyncio.to_thread(sorted, [3, 1, 2], reverse=True))


asyncio.run(main())
