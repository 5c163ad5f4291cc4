import multiprocessing as mp


def echo(conn):
    while True:
        msg = conn.recv()
        if msg == "stop":
            break
        conn.send(("echo", msg))
    conn.send("bye")
    conn.close()


if __name__ == "__main__":
    parent, child = mp.Pipe()
    p = mp.Process(target=echo, args=(child,))
    p.start()
    child.close()
    for msg in [1, 2.5, "three", [4, 5], {"six": 6}, (7,), None, True, b"bytes"]:
        parent.send(msg)
        print(parent.recv())
    print(parent.poll(0.01))
    parent.send("stop")
    print(parent.recv())
    p.join()
    print(parent.poll(1))
    try:
        parent.recv()
    except EOFError:
        print("EOFError after the other end closed")
    parent.close()
    print(parent.closed)
    try:
        parent.send(1)
    except OSError as e:
        print("OSError:", e)
