# select.select and select.poll on pipes and sockets; timeouts and errors.
import os
import select
import socket

r, w = os.pipe()
names = {r: "r", w: "w"}


def named(x):
    if isinstance(x, tuple) and len(x) == 3:
        return tuple(named(i) for i in x)
    return sorted((names[i[0]], i[1]) if isinstance(i, tuple) else names[i] for i in x)


print(named(select.select([r], [w], [], 0)))
os.write(w, b"x")
print(named(select.select([r], [], [], 1.0)))
print(os.read(r, 1))
print(named(select.select([r], [], [], 0.05)))
p = select.poll()
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print(named(p.poll(0)))
os.write(w, b"yz")
print(named(p.poll(100)))
p.modify(w, select.POLLIN)
print(named(p.poll(10)))
p.unregister(w)
try:
    p.unregister(w)
except KeyError as e:
    print("KeyError", names[e.args[0]])
os.close(w)
print(named(p.poll()), os.read(r, 5), os.read(r, 5))
os.close(r)
a, b = socket.socketpair()
rl, wl, xl = select.select([a, b], [a], [], 0)
print(rl, [s is a for s in wl], xl)
b.send(b"hi")
rl, _, _ = select.select([a, b], [], [], 2)
print([s is a for s in rl])
a.close()
b.close()
try:
    select.select([a], [], [], 0)
except ValueError as e:
    print(e)
try:
    select.select(["x"], [], [])
except TypeError as e:
    print(e)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print(e)
try:
    select.select([], [], [], "1")
except TypeError as e:
    print(e)
