# Native functions whose arguments are bound by bind_args! (object/signature.rs): CPython's
# messages for each style of argument parsing.
import cmath, math
for f in [lambda: math.log(), lambda: math.log(1,2,3), lambda: math.log(x=1), lambda: math.prod(), lambda: math.prod([1],2), lambda: math.prod([2,3], start=2), lambda: math.prod(iterable=[1]),
          lambda: math.isclose(1), lambda: math.isclose(a=1,b=1), lambda: math.isclose(1, 2, 3), lambda: math.isclose(1, 1, rel_tol=0.1, x=2), lambda: math.isclose(1, b=1, a=1),
          lambda: cmath.isclose(1,2,3), lambda: cmath.isclose(1), lambda: cmath.isclose(1, 1.0000001, rel_tol=1e-3),
          lambda: math.dist(1), lambda: math.dist([0],[3]), lambda: math.ldexp(1), lambda: math.ldexp(1.5, 3), lambda: cmath.rect(1), lambda: cmath.rect(1, 0)]:
    try: print(f())
    except TypeError as e: print("TypeError:", e)
