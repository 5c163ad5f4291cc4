# A worker that dies (os._exit in a task) breaks the pool: the pending futures fail with
# BrokenProcessPool and so does a later submit.
import os
import time
from concurrent.futures import ProcessPoolExecutor, BrokenExecutor
from concurrent.futures.process import BrokenProcessPool


def die(x):
    os._exit(3)


def nap(x):
    time.sleep(0.05)
    return x


if __name__ == "__main__":
    ex = ProcessPoolExecutor(2)
    print(ex.submit(nap, 1).result())
    f = ex.submit(die, 1)
    try:
        f.result(timeout=20)
    except BrokenProcessPool as e:
        print("broken:", e)
        print(isinstance(e, BrokenExecutor), isinstance(e, RuntimeError))
    try:
        ex.submit(nap, 2)
    except BrokenProcessPool as e:
        print("submit:", e)
    ex.shutdown()
    print("end")
