# A data race: threads increment a shared counter without a lock and with one. `count += 1`
# is several bytecode instructions, and the GIL may switch threads between reading and writing
# the counter, so unlocked updates can be lost; the locked counter is always exact.
# Usage: race.py [threads] [increments]   (default 4 threads x 100_000)
# Only the deterministic facts go to stdout (it is compared with python3); the unlocked total,
# which varies from run to run, goes to stderr.
import sys
import threading

unlocked = 0
locked = 0
lock = threading.Lock()


def bump_unlocked(n):
    global unlocked
    for _ in range(n):
        unlocked += 1


def bump_locked(n):
    global locked
    for _ in range(n):
        with lock:
            locked += 1


def run(target, threads, n):
    pool = [threading.Thread(target=target, args=(n,)) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    expected = threads * n
    run(bump_unlocked, threads, n)
    run(bump_locked, threads, n)
    print("expected:", expected)
    print("locked count:", locked, "exact" if locked == expected else "WRONG")
    print("unlocked count never exceeds the expected total:", unlocked <= expected)
    lost = expected - unlocked
    print(f"unlocked count: {unlocked} ({lost} updates lost)", file=sys.stderr)


if __name__ == "__main__":
    main()
