# AF_UNIX stream sockets, makefile, recvfrom on a stream, repr of a closed socket, errors.
import os
import socket
import sys
import threading

path = os.path.join(sys.argv[1], "sock")
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen(1)
print(srv.getsockname() == path, srv.family)


def client():
    c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    c.connect(path)
    w = c.makefile("wb")
    w.write(b"line one\nline two\n")
    w.close()
    c.shutdown(socket.SHUT_WR)
    r = c.makefile("r")
    print("client read", repr(r.read()))
    r.close()
    c.close()


t = threading.Thread(target=client)
t.start()
conn, _ = srv.accept()
f = conn.makefile("rb")
lines = [f.readline(), f.readline(), f.readline()]
print(lines)
f.close()
conn.sendall(b"bye\n")
conn.close()
t.join()
srv.close()
os.remove(path)
print(repr(conn))
try:
    conn.recv(1)
except OSError as e:
    print(type(e).__name__, e)
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try:
    s.connect(os.path.join(sys.argv[1], "missing"))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
s.close()
with socket.socket() as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
    s.settimeout(2.5)
    print(s.gettimeout(), s.getblocking())
    s.setblocking(True)
    print(s.gettimeout(), s.getblocking())
    try:
        s.settimeout(-1)
    except ValueError as e:
        print(e)
    try:
        s.bind(("127.0.0.1", 70000))
    except OverflowError as e:
        print(e)
    try:
        s.bind("127.0.0.1")
    except TypeError as e:
        print(e)
a, b = socket.socketpair()
a.close()
try:
    b.sendall(b"x" * 10)
    b.sendall(b"x" * 10)
except (BrokenPipeError, ConnectionResetError) as e:
    print("peer gone:", type(e).__name__)
b.close()
