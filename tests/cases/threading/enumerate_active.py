import threading

ev = threading.Event()
ready = threading.Barrier(4)

def wait():
    ready.wait()
    ev.wait()

threads = [threading.Thread(target=wait, name=f"w{i}") for i in range(3)]
for t in threads:
    t.start()
ready.wait()
print(threading.active_count())
print(sorted([t.name for t in threading.enumerate()]))
ev.set()
for t in threads:
    t.join()
print(threading.active_count())
print([t.name for t in threading.enumerate()])
