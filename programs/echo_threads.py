"""A thread-per-client TCP echo server on 127.0.0.1 (port 0: the OS picks one) and a few
client threads; each client sends some lines and checks the echoes. Output is sorted so it
is the same on every run: under gilvm every blocked accept/recv lets the other threads run."""

import socket
import threading

CLIENTS = 4
ROUNDS = 5


def handle(conn):
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data)


def serve(srv, n):
    handlers = []
    for _ in range(n):
        conn, _addr = srv.accept()
        t = threading.Thread(target=handle, args=(conn,))
        t.start()
        handlers.append(t)
    for t in handlers:
        t.join()


def client(port, i, results):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as c:
        ok = 0
        for r in range(ROUNDS):
            msg = ("client %d round %d\n" % (i, r)).encode()
            c.sendall(msg)
            got = b""
            while len(got) < len(msg):
                chunk = c.recv(1024)
                if not chunk:
                    break
                got += chunk
            ok += got == msg
        results.append("client %d: %d/%d echoes" % (i, ok, ROUNDS))


def main():
    srv = socket.create_server(("127.0.0.1", 0))
    port = srv.getsockname()[1]
    server = threading.Thread(target=serve, args=(srv, CLIENTS))
    server.start()
    results = []
    clients = [threading.Thread(target=client, args=(port, i, results)) for i in range(CLIENTS)]
    for t in clients:
        t.start()
    for t in clients:
        t.join()
    server.join()
    srv.close()
    for line in sorted(results):
        print(line)
    print("all echoed:", len(results) == CLIENTS)


main()
