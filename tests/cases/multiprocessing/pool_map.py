import multiprocessing as mp


def square(x):
    return x * x


def add(a, b):
    return a + b


def describe(x):
    return {"value": x, "even": x % 2 == 0, "text": str(x)}


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, range(100), chunksize=7)[-3:])
        print(pool.map(square, []))
        print(pool.starmap(add, [(1, 2), (3, 4), ("a", "b")]))
        print(pool.map(abs, [-1, -2, 3]))
        print(pool.map(str, [1, 2]))
        print(list(pool.imap(square, [3, 4, 5])))
        print(sorted(pool.imap_unordered(square, [3, 4, 5])))
        print(pool.map(describe, [1, 2])[1])
        print(sum(pool.map(square, range(10000))))
