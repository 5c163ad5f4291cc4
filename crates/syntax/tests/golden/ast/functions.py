@dec
@dec2(1)
def f(a, b=2, /, c=3, *args, d, e=4, **kw) -> int:
    nonlocal_ = 1
    return a
def g(*, k): yield
def h(a: int, *b: str, **c: float): return (yield from a)
async def co():
    async with a as b:
        await x
    async for i in y:
        pass
@decorate
class C(Base, metaclass=Meta):
    '''doc'''
    x = 1
    def m(self): return self.x
lambda a, *b, c=1, **d: 0
