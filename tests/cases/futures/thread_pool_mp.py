# multiprocessing.pool.ThreadPool and multiprocessing.dummy: Pool interface over threads.
from multiprocessing.pool import ThreadPool
import multiprocessing.dummy as md
def sq(x): return x * x
def add(a, b): return a + b
with ThreadPool(3) as p:
    print(p.map(sq, range(10)))
    print(p.starmap(add, [(1, 2), (3, 4)]))
    print(p.apply(add, (5, 6)))
    print(list(p.imap(sq, range(5))), sorted(p.imap_unordered(sq, range(5))))
    r = p.map_async(sq, [1, 2], callback=print)
    r.wait()
    print(r.get(), r.successful())
    try:
        p.map(sq, [1, "a"])
    except TypeError as e:
        print("TypeError", e)
p2 = md.Pool(2)
print(p2.map(sq, [3, 4]))
p2.close(); p2.join()
q = md.Queue()
t = md.Process(target=q.put, args=(7,))
t.start(); t.join(); print(q.get(), t.exitcode)
