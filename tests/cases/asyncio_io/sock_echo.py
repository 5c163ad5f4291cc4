# loop.sock_accept / sock_connect / sock_recv / sock_recv_into / sock_sendall on non-blocking
# sockets: an echo server task and a client task on one loop, interleaved by readiness.
import asyncio
import socket


async def serve(loop, srv, log):
    conn, _ = await loop.sock_accept(srv)
    log.append("accepted, blocking=%s" % conn.getblocking())
    with conn:
        while True:
            data = await loop.sock_recv(conn, 100)
            if not data:
                log.append("server saw EOF")
                break
            await loop.sock_sendall(conn, data.upper())


async def main():
    loop = asyncio.get_running_loop()
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    srv.setblocking(False)
    log = []
    server = asyncio.create_task(serve(loop, srv, log))
    c = socket.socket()
    c.setblocking(False)
    await loop.sock_connect(c, srv.getsockname())
    log.append("connected")
    for word in [b"hello", b"async", b"world"]:
        await loop.sock_sendall(c, word)
        got = b""
        while len(got) < len(word):
            got += await loop.sock_recv(c, 100)
        log.append(got)
    # A big write goes out in several sends while the server echoes it back.
    big = b"x" * 300000
    send = asyncio.create_task(loop.sock_sendall(c, big))
    buf = bytearray(65536)
    total = 0
    while total < len(big):
        n = await loop.sock_recv_into(c, buf)
        assert bytes(buf[:n]) == b"X" * n
        total += n
    await send
    log.append("big echo %d" % total)
    c.close()
    await server
    srv.close()
    for line in log:
        print(line)


asyncio.run(main())
