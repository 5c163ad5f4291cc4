import multiprocessing as mp


def cube(x):
    return x ** 3


def init(base):
    global OFFSET
    OFFSET = base


def offset(x):
    return x + OFFSET


if __name__ == "__main__":
    with mp.Pool(3) as pool:
        print(pool.map(cube, range(6)))
    try:
        pool.map(cube, [1])
    except ValueError as e:
        print("ValueError:", e)
    with mp.Pool(2, initializer=init, initargs=(100,)) as pool:
        print(pool.map(offset, [1, 2, 3]))
    pool = mp.Pool(1)
    print(pool.apply(cube, (3,)))
    pool.close()
    pool.join()
    try:
        mp.Pool(0)
    except ValueError as e:
        print("ValueError:", e)
