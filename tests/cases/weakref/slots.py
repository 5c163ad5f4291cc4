import weakref
class S: __slots__=('a',)
class W: __slots__=('a','__weakref__')
class D(S): pass
class S2(S): __slots__=('b',)
for c in (S,W,D,S2):
    try: weakref.ref(c()); print(c.__name__,'ok')
    except TypeError as e: print(e)
