def worker():
    try:
        while True:
            try:
                x = yield "ready"
                print("got", x)
            except KeyError as e:
                print("handled KeyError", e)
                yield "recovered"
    finally:
        print("cleanup")

w = worker()
print(next(w))
print(w.send(1))
print(w.throw(KeyError("k")))
print(next(w))
w.close()
print("closed")
w.close()
try:
    next(w)
except StopIteration:
    print("stopped after close")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def g():
    yield 1
x = g()
try:
    x.throw(ValueError("early"))
except ValueError as e:
    print("thrown before start:", e)
try:
    next(x)
except StopIteration:
    print("dead")
