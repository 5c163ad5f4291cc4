import multiprocessing as mp


def fails(x):
    raise RuntimeError("worker failed with " + str(x))


def fine():
    print("fine")


if __name__ == "__main__":
    p = mp.Process(target=fails, args=(5,))
    p.start()
    p.join()
    print("exitcode", p.exitcode, p.is_alive())
    q = mp.Process(target=fine)
    q.start()
    q.join()
    print("exitcode", q.exitcode)
