# Network job for `gilvm compare`: each item connects to a local TCP echo server and makes
# ROUND_TRIPS round trips of a small message. The server (one thread per connection, on
# 127.0.0.1 with a port the OS picks) starts with the first item in each process. A thread
# blocked in recv releases the GIL, so the round trips of several threads overlap.
import socket
import threading

ROUND_TRIPS = 20
MESSAGE = b"x" * 64
_lab_net = []
_lab_net_lock = threading.Lock()


def _lab_echo(conn):
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                return
            conn.sendall(data)


def _lab_serve(server):
    while True:
        conn, _ = server.accept()
        threading.Thread(target=_lab_echo, args=(conn,), daemon=True).start()


def _lab_address():
    with _lab_net_lock:
        if not _lab_net:
            server = socket.create_server(("127.0.0.1", 0))
            threading.Thread(target=_lab_serve, args=(server,), daemon=True).start()
            _lab_net.append(server.getsockname())
        return _lab_net[0]


def job(i):
    with socket.create_connection(_lab_address()) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for _ in range(ROUND_TRIPS):
            s.sendall(MESSAGE)
            got = 0
            while got < len(MESSAGE):
                data = s.recv(4096)
                if not data:
                    raise ConnectionError("the echo server closed the connection")
                got += len(data)
    return i
