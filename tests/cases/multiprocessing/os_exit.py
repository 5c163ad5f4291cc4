# os._exit(n): ends the process at once (no finally, no flush of buffered output), in a worker
# (its exitcode is n) and in the main process (exit status 3).
import os, sys, multiprocessing as mp
def w():
    print("in worker")
    os._exit(7)
if __name__ == "__main__":
    p = mp.Process(target=w)
    p.start()
    p.join()
    print("exitcode", p.exitcode, flush=True)
    try:
        print("lost")
        os._exit(3)
    finally:
        print("finally not run")
