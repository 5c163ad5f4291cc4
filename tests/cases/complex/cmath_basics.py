import cmath, math
vals = [0j, 1, -1, 2+0j, -4, 1j, -1j, 3+4j, -3-4j, 1e-320+1e-320j, 1e308+1e308j, 0.5+0.5j, 0.9+0.3j, -0.0+0j, complex(-0.0, -0.0), 1e-10, 123.456-7.89j]
for v in vals:
    print(v, cmath.sqrt(v), cmath.phase(v), cmath.polar(v) if abs(v) < 1e300 else None)
    try: print(cmath.exp(v))
    except Exception as e: print(type(e).__name__, e)
    try: print(cmath.log(v), cmath.log10(v), cmath.log(v, 3))
    except Exception as e: print(type(e).__name__, e)
inf, nan = math.inf, math.nan
for v in [complex(inf, 0), complex(-inf, 0), complex(inf, 1), complex(-inf, 1), complex(nan, 0), complex(0, inf), complex(1, nan), complex(inf, nan), complex(-inf, nan), complex(inf, inf)]:
    print(v, cmath.sqrt(v), cmath.log(v), cmath.isnan(v), cmath.isinf(v), cmath.isfinite(v))
print(cmath.rect(2, math.pi/3), cmath.rect(1, 0), cmath.rect(-1, 0.0), cmath.rect(3, -0.0))
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1, 1.1), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(0, 1e-10, abs_tol=1e-9))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.exp(708.5), cmath.exp(1j*710))
for f in [lambda: cmath.exp(1000), lambda: cmath.log(0), lambda: cmath.sqrt("x"), lambda: cmath.log(1, 1), lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.log(1, 0), lambda: cmath.rect(1, inf), lambda: cmath.polar(complex(1e308, 1e308)), lambda: cmath.sqrt()]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
