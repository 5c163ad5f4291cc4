import multiprocessing as mp


def ident(x):
    return x


def gen():
    yield 1


def outer():
    def inner(x):
        return x
    return inner


if __name__ == "__main__":
    inner = outer()

    with mp.Pool(1) as pool:
        try:
            pool.map(lambda x: x, [1])
        except Exception as e:
            print(type(e).__name__)
        try:
            pool.map(inner, [1])
        except AttributeError as e:
            print("AttributeError:", e)
        try:
            pool.map(ident, [gen()])
        except TypeError as e:
            print("TypeError")
        print(pool.map(ident, [1]))
    a, b = mp.Pipe()
    try:
        a.send(gen())
    except TypeError:
        print("TypeError on send")
    a.send("ok")
    print(b.recv())
