# Timeouts: accept and recv past their timeout raise TimeoutError('timed out'); a default
# timeout; sendall of a big buffer to a reader thread.
import socket
import threading

srv = socket.create_server(("127.0.0.1", 0))
srv.settimeout(0.1)
try:
    srv.accept()
except socket.timeout as e:
    print(type(e).__name__, e, isinstance(e, OSError))
socket.setdefaulttimeout(2.0)
c = socket.socket()
print(c.gettimeout(), socket.getdefaulttimeout())
socket.setdefaulttimeout(None)
c.connect(srv.getsockname())
conn, _ = srv.accept()
print(conn.gettimeout())
big = b"0123456789" * 200000
got = []


def reader():
    n = 0
    while n < len(big):
        chunk = conn.recv(65536)
        if not chunk:
            break
        n += len(chunk)
    got.append(n)


t = threading.Thread(target=reader)
t.start()
c.sendall(big)
t.join()
print(got == [len(big)])
conn.settimeout(0.05)
try:
    conn.recv(10)
except TimeoutError as e:
    print("recv:", e)
c.close()
print(conn.recv(10))
conn.close()
srv.close()
srv.accept()
