# The workload of `gilvm sweep`: one thread computes flat out while another sleeps in a loop and
# measures how late it wakes up. Under a GIL the sleeper, once its sleep is over, must wait for
# the lock: the switch interval, instruction count and hand-off policy decide how long.
# The driver (workloads.rs) sets SLEEPS and calls main(), which prints one JSON object: the
# CPU thread's operations and time, and how late (ms) every wake-up was.
import threading
import time

SLEEPS = 40
# True for the baseline: the sleeper alone, no CPU thread (the OS's own wake-up latency).
ALONE = False
SLEEP = 0.005
CHUNK = 1000

state = {"stop": False, "ops": 0}
latencies = []


def compute():
    ops = 0
    while not state["stop"]:
        n = CHUNK
        while n > 0:
            n -= 1
        ops += CHUNK
    state["ops"] = ops


def sleeper():
    for _ in range(SLEEPS):
        start = time.perf_counter()
        time.sleep(SLEEP)
        late = time.perf_counter() - start - SLEEP
        latencies.append(late * 1000.0)
    state["stop"] = True


def main():
    cpu = threading.Thread(target=compute, name="cpu")
    io = threading.Thread(target=sleeper, name="io")
    start = time.perf_counter()
    if not ALONE:
        cpu.start()
    io.start()
    io.join()
    if not ALONE:
        cpu.join()
    seconds = time.perf_counter() - start
    parts = []
    for late in latencies:
        parts.append(repr(round(late, 4)))
    print('{"cpu_ops": ' + str(state["ops"]) + ', "seconds": ' + repr(round(seconds, 6))
          + ', "latencies_ms": [' + ", ".join(parts) + "]}")

