import multiprocessing as mp


def writer(w, n):
    for i in range(n):
        w.send(i * 10)
    w.send_bytes(b"raw")
    w.close()


if __name__ == "__main__":
    r, w = mp.Pipe(duplex=False)
    p = mp.Process(target=writer, args=(w, 5))
    p.start()
    w.close()
    got = [r.recv() for _ in range(5)]
    print(got)
    print(r.recv_bytes())
    p.join()
    try:
        r.recv()
    except EOFError:
        print("EOFError")
    try:
        r.send(1)
    except OSError as e:
        print("OSError:", e)
