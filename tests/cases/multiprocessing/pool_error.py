import multiprocessing as mp


class CustomError(Exception):
    pass


def check(x):
    if x == 13:
        raise ValueError("unlucky " + str(x))
    return x


def custom(x):
    raise CustomError("custom", x)


def divide(a, b):
    return a // b


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        try:
            pool.map(check, range(20))
        except ValueError as e:
            print("ValueError:", e)
        print(pool.map(check, range(5)))
        try:
            pool.apply(custom, (1,))
        except CustomError as e:
            print("CustomError:", e.args)
        r = pool.apply_async(divide, (1, 0))
        r.wait()
        print(r.ready(), r.successful())
        try:
            r.get()
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
        try:
            pool.starmap(divide, [(4, 2), (1, 0)])
        except ZeroDivisionError as e:
            print("again:", e)
        print(pool.starmap(divide, [(9, 3)]))
        pool.map(check, [13])
