# Two threads take two locks in opposite order; the barrier makes sure each holds its first.
import threading

a = threading.Lock()
b = threading.Lock()
barrier = threading.Barrier(2)


def one():
    with a:
        barrier.wait()
        with b:
            print("one got both")


def two():
    with b:
        barrier.wait()
        with a:
            print("two got both")


t1 = threading.Thread(target=one, name="one")
t2 = threading.Thread(target=two, name="two")
t1.start()
t2.start()
print("started")
t1.join()
t2.join()
print("never printed")
