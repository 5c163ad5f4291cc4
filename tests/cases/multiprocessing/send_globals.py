# Functions, classes and built-ins cross processes by reference (module and qualified name), as
# pickle sends them: the receiver looks them up (the main script is `__main__` on both sides).
# Lambdas and nested functions are refused with pickle's errors.
import math
import multiprocessing as mp
import os.path


def double(x):
    return 2 * x


class Box:
    class Inner:
        pass

    def method(self):
        return "method"


def echo(x):
    return x


def apply_all(fs, x):
    return [f(x) for f in fs]


def outer():
    def inner():
        pass
    return inner


def relay(inq, outq):
    f = inq.get()
    outq.put((f, f(3)))


if __name__ == "__main__":
    things = [double, Box, Box.Inner, Box.method, len, abs, int, dict, ValueError, math.sqrt,
              os.path.join]
    with mp.Pool(1) as pool:
        back = pool.apply(echo, (things,))
        print([a is b for a, b in zip(things, back)])
        print(pool.apply(apply_all, ([double, str, abs, float], -4)))
        print(pool.apply(echo, (type(None),)) is type(None))
        b = Box()
        b.tag = "mine"
        m = pool.apply(echo, (b.method,))
        print(m(), type(m.__self__).__name__, m.__self__.tag)
        print(pool.apply(apply_all, ([b.method.__func__], b)))
        try:
            pool.apply(echo, (lambda x: x,))
        except Exception as e:
            print(type(e).__name__)
        try:
            pool.apply(echo, ([outer()],))
        except AttributeError as e:
            print("AttributeError:", e)
    inq, outq = mp.Queue(), mp.Queue()
    p = mp.Process(target=relay, args=(inq, outq))
    p.start()
    inq.put(double)
    f, r = outq.get()
    p.join()
    print(f is double, r)
