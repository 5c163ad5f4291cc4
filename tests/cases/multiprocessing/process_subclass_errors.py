import multiprocessing as mp
import threading


class Holder(mp.Process):
    def __init__(self, thing):
        super().__init__()
        self.thing = thing

    def run(self):
        print("never runs")


def make_local():
    class Local(mp.Process):
        def run(self):
            pass
    return Local()


if __name__ == "__main__":
    # CPython's default on Linux is fork, which would find the class; gilvm always spawns.
    mp.set_start_method("spawn")

    class Guarded(mp.Process):
        def run(self):
            print("never runs either")

    # Under spawn the child cannot find a class defined under the guard: it fails while
    # recreating the object (AttributeError on its stderr) and exits with 1.
    g = Guarded()
    g.start()
    g.join()
    print("guarded exitcode", g.exitcode)

    try:
        make_local().start()
    except AttributeError as e:
        print("AttributeError", e)

    h = Holder(threading.Lock())
    try:
        h.start()
    except TypeError:
        print("TypeError for an unsendable attribute; started:", h.pid is not None)
    print(mp.active_children())
