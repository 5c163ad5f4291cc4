# A signal sent from another thread runs its handler in the main thread, while the main
# thread waits in join; signal.signal outside the main thread is a ValueError.
import os
import signal
import threading
import time

seen = []


def handler(signum, frame):
    seen.append((signal.Signals(signum).name, threading.current_thread().name))


signal.signal(signal.SIGUSR2, handler)


def worker():
    try:
        signal.signal(signal.SIGUSR1, handler)
    except ValueError as e:
        print("in a thread:", e)
    os.kill(os.getpid(), signal.SIGUSR2)
    time.sleep(0.2)


t = threading.Thread(target=worker, name="worker")
t.start()
t.join()
print(seen)
print(signal.getsignal(signal.SIGUSR2) is handler)
