# Ping-pong over a Pipe between the parent and one process: the round-trip latency.
# Usage: pipe_pingpong.py [round_trips]   (default 10_000)
import multiprocessing as mp
import sys
import time


def ponger(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(msg + 1)
    conn.close()


def main():
    n = 10_000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    here, there = mp.Pipe()
    p = mp.Process(target=ponger, args=(there,))
    p.start()
    here.send(0)
    here.recv()
    value = 0
    t0 = time.perf_counter()
    for _ in range(n):
        here.send(value)
        value = here.recv()
    elapsed = time.perf_counter() - t0
    here.send(None)
    p.join()
    print("round trips:", n, "final value:", value, "exit code:", p.exitcode)
    print(f"{elapsed / n * 1e6:.1f} us per round trip", file=sys.stderr)


if __name__ == "__main__":
    main()
