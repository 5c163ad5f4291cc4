import threading

out = {}

def f(a, b, *, c=0):
    out["r"] = (a, b, c)

t = threading.Thread(target=f, args=(1, 2), kwargs={"c": 3})
t.start()
t.join()
print(out)
