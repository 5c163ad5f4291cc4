# Values between processes keep their shape (pickle's memo): a list containing itself, a
# self-referencing dict, shared sub-objects; too-deep nesting is pickle's RecursionError.
import multiprocessing as mp
def echo(x):
    return x
def show(x):
    a = x
    print(a[0] is a, a[1] is a[2], a[1]["me"] is a[1], a[3][0] is a[1])
if __name__ == "__main__":
    a = []
    d = {}
    d["me"] = d
    a.append(a)
    a.append(d)
    a.append(d)
    a.append((d, 1))
    show(a)
    with mp.Pool(1) as pool:
        b = pool.apply(echo, (a,))
        show(b)
        print(pool.map(echo, [[1, [2]], [[]]]))
    p = mp.Process(target=show, args=(a,))
    p.start()
    p.join()
    q = mp.Queue()
    q.put(a)
    show(q.get())
    r, w = mp.Pipe()
    w.send(a)
    show(r.recv())
    x = None
    for i in range(400):
        x = [x]
    with mp.Pool(1) as pool:
        y = pool.apply(echo, (x,))
        n = 0
        while y is not None:
            y = y[0]
            n += 1
        print("depth", n)
        for i in range(5000):
            x = [x]
        try:
            pool.apply(echo, (x,))
        except RecursionError as e:
            print(type(e).__name__, e)
        try:
            r2 = pool.apply(echo, ({0: x},))
        except RecursionError as e:
            print(type(e).__name__, e)
    # A cycle through a tuple: the tuple that arrives is the one its list holds.
    t = ([],)
    t[0].append(t)
    with mp.Pool(1) as pool:
        u = pool.apply(echo, (t,))
        print(u[0][0] is u, len(u), len(u[0]))
