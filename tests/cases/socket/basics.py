# socket: TCP server/client with threads, socketpair, timeouts, errors, UDP, getaddrinfo.
import socket, threading
srv = socket.create_server(("127.0.0.1", 0))
host, port = srv.getsockname()
print(host, port > 0, srv.family, srv.type, repr(srv.family), srv.gettimeout())
def client(i):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
        c.sendall(b"hello %d" % i)
        c.shutdown(socket.SHUT_WR)
        print("client got", c.recv(100))
t = threading.Thread(target=client, args=(1,))
t.start()
conn, addr = srv.accept()
print(addr[0], conn.gettimeout())
data = b""
while True:
    chunk = conn.recv(4)
    if not chunk:
        break
    data += chunk
conn.sendall(data.upper())
conn.close()
t.join()
srv.close()
print(repr(srv))
a, b = socket.socketpair()
a.sendall(b"pair")
buf = bytearray(10)
print(b.recv_into(buf), buf)
b.settimeout(0.1)
try:
    b.recv(1)
except TimeoutError as e:
    print(type(e).__name__, e)
b.setblocking(False)
try:
    b.recv(1)
except BlockingIOError as e:
    print(type(e).__name__, e)
a.close(); b.close()
s = socket.socket()
try:
    s.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e, e.errno)
s.close()
s = socket.socket()
print(s.connect_ex(("127.0.0.1", port)) == 111)
s.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
v.sendto(b"dgram", u.getsockname())
d, frm = u.recvfrom(100)
print(d, frm == v.getsockname())
u.close(); v.close()
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
try:
    socket.getaddrinfo("no.such.host.invalid", 80)
except socket.gaierror as e:
    print(type(e).__name__, e, e.errno)
print(socket.timeout is TimeoutError, socket.error is OSError, isinstance(socket.gethostname(), str))
