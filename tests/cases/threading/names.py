import threading

print(threading.current_thread().name)
print(threading.main_thread() is threading.current_thread())
print(threading.main_thread().name)
seen = []

def record():
    seen.append(threading.current_thread().name)
    seen.append(threading.current_thread() is threading.main_thread())

def worker():
    pass

t = threading.Thread(target=record, name="custom")
t.start()
t.join()
print(seen)
a = threading.Thread(target=worker)
b = threading.Thread()
print(a.name.startswith("Thread-"), a.name.endswith("(worker)"))
print(b.name.startswith("Thread-"), "(" in b.name)
a.name = "renamed"
print(a.name, a.getName())
print(isinstance(threading.get_ident(), int))
print(t.ident is not None, a.ident)
