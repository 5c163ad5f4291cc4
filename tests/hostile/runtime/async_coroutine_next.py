# expect: error TypeError
# cpython: same
async def f():
    pass
next(f())
