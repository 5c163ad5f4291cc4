# A daemon thread blocked forever does not keep the program alive.
import threading
import time

ev = threading.Event()

def forever():
    ev.wait()

def sleeper():
    while True:
        time.sleep(0.01)

d = threading.Thread(target=sleeper, daemon=True)
d.start()
print(d.daemon, d.is_alive())
t = threading.Thread(target=forever)
print(t.daemon)
t.daemon = True
print(t.isDaemon())
t.start()
try:
    t.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
print("main done")
