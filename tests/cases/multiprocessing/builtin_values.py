# Big ints, sets, frozensets, complex, bytearray, range, slice, Ellipsis and NotImplemented
# cross processes (Pool, Queue, Pipe) with their types, and shared sets keep their shape.
import multiprocessing as mp


def echo(x):
    return x


def relay(inq, outq):
    outq.put(inq.get())


def show(v):
    for x in v:
        print(type(x).__name__, repr(x) if not isinstance(x, (set, frozenset)) else sorted(x))


if __name__ == "__main__":
    s = {1, 2, 3}
    values = [2 ** 100, -(3 ** 90), 2 ** 63, -(2 ** 63) - 1, s, frozenset({"a", "b"}),
              complex(1.5, -2), 3j, bytearray(b"\x00ab"), range(2, 20, 3), range(0),
              slice(1, None, 2), slice(None), ..., NotImplemented, set(),
              {frozenset({1}): (range(5), 1 + 2j)}, [s, s]]
    with mp.Pool(1) as pool:
        back = pool.apply(echo, (values,))
        show(back)
        print(back[-1][0] is back[-1][1], back[-1][0] is back[4])
        print(pool.map(echo, [2 ** 64, 10 ** 30 + 1]))
    inq, outq = mp.Queue(), mp.Queue()
    p = mp.Process(target=relay, args=(inq, outq))
    p.start()
    inq.put(values)
    got = outq.get()
    p.join()
    print(got == values, got[-1][0] is got[-1][1])
    r, w = mp.Pipe()
    w.send([bytearray(b"x"), {1.5, None}, -(2 ** 70)])
    print(r.recv())
