import multiprocessing as mp
import time


def sleeper(secs):
    time.sleep(secs)


if __name__ == "__main__":
    p = mp.Process(target=sleeper, args=(30,))
    p.start()
    p.join(timeout=0.1)
    print(p.is_alive(), p.exitcode)
    p.terminate()
    p.join()
    print(p.is_alive(), p.exitcode)
    k = mp.Process(target=sleeper, args=(30,))
    k.start()
    k.kill()
    k.join()
    print(k.exitcode)
    d = mp.Process(target=sleeper, args=(0.05,), daemon=True)
    print(d.daemon)
    d.start()
    d.join()
    print(d.exitcode)
