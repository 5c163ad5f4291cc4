import multiprocessing as mp
import queue


def producer(q, start, n):
    for i in range(start, start + n):
        q.put(i * i)
    q.put(None)


def consumer(inq, outq):
    total = 0
    while True:
        item = inq.get()
        if item is None:
            break
        total += item
    outq.put(("total", total))


if __name__ == "__main__":
    q = mp.Queue()
    ps = [mp.Process(target=producer, args=(q, k * 100, 50)) for k in range(3)]
    for p in ps:
        p.start()
    done = 0
    values = []
    while done < 3:
        v = q.get(timeout=10)
        if v is None:
            done += 1
        else:
            values.append(v)
    for p in ps:
        p.join()
    print(len(values), sum(values), sorted(values)[:5])

    inq = mp.Queue()
    outq = mp.Queue()
    c = mp.Process(target=consumer, args=(inq, outq))
    c.start()
    for i in range(1000):
        inq.put(i)
    inq.put(None)
    print(outq.get(timeout=10))
    c.join()

    print(q.empty(), q.qsize())
    q.put_nowait("x")
    q.put([1, (2, 3)])
    print(q.qsize())
    print(q.get(timeout=5), q.get(timeout=5))
    try:
        q.get(timeout=0.05)
    except Exception as e:
        print(type(e).__name__, "raised")
    try:
        q.get(block=False)
    except Exception as e:
        print(type(e).__name__, "raised again")
    b = mp.Queue(maxsize=1)
    b.put(1)
    try:
        b.put(2, timeout=0.05)
    except Exception as e:
        print(type(e).__name__, "raised")
    print(b.full(), b.get(timeout=5))
    try:
        b.get(timeout=0.01)
    except queue.Empty:
        print("queue.Empty")
    b.put("y")
    try:
        b.put_nowait("z")
    except queue.Full:
        print("queue.Full")
