import multiprocessing as mp
import queue


def work(d, l, q, v, lock, ns, i):
    with lock:
        v.value += i
    d[i] = i * i
    l.append(i)
    q.put(('done', i))
    ns.last = i


if __name__ == '__main__':
    with mp.Manager() as m:
        print(type(m).__name__)
        d = m.dict()
        l = m.list([0])
        q = m.Queue()
        v = m.Value('i', 0)
        lock = m.Lock()
        ns = m.Namespace(a=1)
        ps = [mp.Process(target=work, args=(d, l, q, v, lock, ns, i)) for i in range(1, 4)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(d.items()), sorted(l), v.value)
        print(sorted(q.get(timeout=5) for _ in range(3)))
        print(ns.a, ns.last in (1, 2, 3))
        ns.last = 0
        print(ns)
        print(len(d), 2 in d, d.get(9, 'no'))
        print(repr(d).startswith("<DictProxy object, typeid 'dict' at 0x"))
        print(repr(q).startswith("<AutoProxy[Queue] object, typeid 'Queue' at 0x"))
        print(repr(ns).startswith("<NamespaceProxy object, typeid 'Namespace' at 0x"))
        print(v, repr(v).startswith("<ValueProxy object, typeid 'Value'"))
        try:
            d['missing']
        except KeyError as e:
            print('KeyError', repr(e))
        try:
            ns.nothere
        except AttributeError as e:
            print('AttributeError', e)
        try:
            q.get(timeout=0.05)
        except queue.Empty:
            print('Empty')
        try:
            l[10]
        except IndexError as e:
            print('IndexError', e)
        l += [7]
        l.sort()
        print(l, list(l), l[-1], len(l))
        del d[1]
        print(sorted(d.keys()), sorted(d.values()), dict(sorted(d.copy().items())))
        e = m.Event()
        print(e.is_set(), e.wait(0.01))
        e.set()
        print(e.is_set(), e.wait(1))
        print(lock.acquire(), lock.acquire(False))
        lock.release()
