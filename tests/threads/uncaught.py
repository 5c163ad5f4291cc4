import threading
def f():
    raise ValueError("boom")
t = threading.Thread(target=f)
t.start(); t.join()
print("done")
