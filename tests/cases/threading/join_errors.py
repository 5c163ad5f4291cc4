import threading

t = threading.Thread(target=lambda: None)
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError:", e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
t.join()
t.join()
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)

ev = threading.Event()
w = threading.Thread(target=ev.wait)
w.start()
w.join(0.01)
print("after timeout", w.is_alive())
ev.set()
w.join()
print("after set", w.is_alive())
