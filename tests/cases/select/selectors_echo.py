# selectors.DefaultSelector: a single-threaded echo server with register/modify/unregister,
# clients in threads; EVENT_READ/EVENT_WRITE and the selector's mapping.
import selectors
import socket
import threading

sel = selectors.DefaultSelector()
srv = socket.create_server(("127.0.0.1", 0))
srv.setblocking(False)
port = srv.getsockname()[1]
key = sel.register(srv, selectors.EVENT_READ, data="listener")
print(key.fd == srv.fileno(), key.events, key.data, len(sel.get_map()))
try:
    sel.register(srv, selectors.EVENT_READ)
except KeyError as e:
    print("KeyError already registered")
try:
    sel.register(12345, 0)
except ValueError as e:
    print(e)

results = []


def client(i):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
        c.sendall(b"msg%d" % i)
        c.shutdown(socket.SHUT_WR)
        data = b""
        while True:
            chunk = c.recv(100)
            if not chunk:
                break
            data += chunk
        results.append(data)


threads = [threading.Thread(target=client, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
done = 0
pending = {}
while done < 3:
    for key, mask in sel.select(timeout=5):
        if key.data == "listener":
            conn, _ = srv.accept()
            conn.setblocking(False)
            pending[conn.fileno()] = b""
            sel.register(conn, selectors.EVENT_READ, data="conn")
        elif mask & selectors.EVENT_READ:
            conn = key.fileobj
            data = conn.recv(100)
            if data:
                pending[conn.fileno()] += data.upper()
            else:
                sel.modify(conn, selectors.EVENT_WRITE, data="conn")
        elif mask & selectors.EVENT_WRITE:
            conn = key.fileobj
            conn.sendall(pending.pop(conn.fileno()))
            sel.unregister(conn)
            conn.close()
            done += 1
for t in threads:
    t.join()
print(sorted(results))
print(sel.select(timeout=0))
sel.unregister(srv)
print(len(sel.get_map()))
try:
    sel.get_key(srv)
except KeyError:
    print("KeyError not registered")
sel.close()
srv.close()
with selectors.SelectSelector() as s2:
    a, b = socket.socketpair()
    s2.register(a, selectors.EVENT_READ | selectors.EVENT_WRITE)
    print([(k.fd == a.fileno(), m) for k, m in s2.select(0)])
    a.close()
    b.close()
