# sock_connect to a port nobody listens on fails with ConnectionRefusedError (the loop sees
# the failure when the socket turns writable); the error propagates out of asyncio.run.
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # the port is free now: nothing listens there
    c = socket.socket()
    c.setblocking(False)
    try:
        await loop.sock_connect(c, ("127.0.0.1", port))
    except ConnectionRefusedError as e:
        print("refused:", e.errno, type(e).__name__)
        print(str(e).replace(str(port), "PORT"))
    finally:
        c.close()
    c = socket.socket()
    c.setblocking(False)
    try:
        await asyncio.wait_for(loop.sock_connect(c, ("127.0.0.1", port)), 5)
    except OSError as e:
        raise ConnectionError("again: errno %d" % e.errno)
    finally:
        c.close()


asyncio.run(main())
