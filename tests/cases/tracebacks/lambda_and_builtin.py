def apply(f, xs):
    return list(map(f, xs))

apply(lambda x: 10 / x, [5, 2, 0])
