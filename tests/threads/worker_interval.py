"""A multiprocessing worker starts with its parent's live switch interval: the --switch-interval
given, then whatever sys.setswitchinterval set before the spawn."""
import multiprocessing
import sys


def show():
    print(sys.getswitchinterval(), flush=True)


if __name__ == "__main__":
    for interval in (None, 0.0123, 1e-7):
        if interval is not None:
            sys.setswitchinterval(interval)
        p = multiprocessing.Process(target=show)
        p.start()
        p.join()
