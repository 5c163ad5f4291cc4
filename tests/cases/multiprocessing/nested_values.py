import multiprocessing as mp


def roundtrip(x):
    return x


def via_queue(q, x):
    q.put(x)


if __name__ == "__main__":
    values = [
        None, True, False, 0, -1, 2**62, -(2**62) - 2**62, 1.5, -0.0, float("inf"),
        "", "héllo wörld ✓", b"", b"\x00\xff", [], (), {},
        [1, [2, [3, [4]]]], (1, (2, "x")), {"a": [1, 2], 3: (4, 5), (1, 2): {"b": None}},
        [{"k": (1, 2.5, "s", b"b", None, True)}] * 3,
    ]
    with mp.Pool(2) as pool:
        back = pool.map(roundtrip, values)
    print(back == values)
    for v in back:
        print(repr(v), type(v).__name__)
    q = mp.Queue()
    p = mp.Process(target=via_queue, args=(q, values))
    p.start()
    got = q.get(timeout=10)
    p.join()
    print(got == values)
