import threading

ev = threading.Event()
print(ev.is_set())
print(ev.wait(0.01))
order = []

def waiter(i):
    ev.wait()
    with lock:
        order.append(i)

lock = threading.Lock()
threads = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
print("set now")
ev.set()
for t in threads:
    t.join()
print(sorted(order))
print(ev.is_set(), ev.wait())
ev.clear()
print(ev.is_set())
