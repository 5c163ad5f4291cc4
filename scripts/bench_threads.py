#!/usr/bin/env python3
"""Thread and GIL benchmarks: gilvm (each GIL policy) against CPython in one go.

Builds gilvm with `cargo build --release` (unless --no-build), then runs each workload N times
(alternating the interpreters) and prints medians and ratios:

  gil-check   single-thread cost of the GIL checks: programs/countdown.py (10M iterations) with
              the defaults against both triggers off (--switch-instructions 0
              --switch-interval 0); CPU time of the whole process. Target: <= 2%.
  handoff     two threads passing a token through two locks, 20_000 round trips: time per
              hand-off (one thread releasing a lock the other waits on, until it runs).
              Target: <= 5 us when the two threads have a core each.
  cpu2, cpu4  two (four) CPU-bound threads against the same work done sequentially (measured
              inside the script): ratio threaded / sequential (1.0 = no loss from switching).
              gilvm runs at its defaults (a switch every 100 instructions or 15 ms) and, as
              "si0", with --switch-instructions 0 (15 ms only, as CPython's 5 ms).
              Targets: cpu2 defaults <= 1.5x; cpu2 and cpu4 si0 <= 1.05x.
  sleep8      8 threads each sleeping 0.1 s against the same sleeps in a row: speed-up.
              Target: >= 7.5x.
  io-wake     how much later than asked a thread wakes from a 2 ms sleep while another thread
              spins on the CPU (median over 100 sleeps). python3 here: about its 5 ms switch
              interval; target for gilvm's io-priority: <= 0.5 ms.

Usage: scripts/bench_threads.py [-n N] [--gilvm PATH] [--python PATH] [--no-build]
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLICIES = ["fifo", "naive", "io-priority"]

HANDOFF = """
import threading, time
N = 20000
a = threading.Lock(); b = threading.Lock()
a.acquire(); b.acquire()
def ponger():
    for _ in range(N):
        a.acquire()
        b.release()
t = threading.Thread(target=ponger)
t.start()
t0 = time.perf_counter()
for _ in range(N):
    a.release()
    b.acquire()
dt = time.perf_counter() - t0
t.join()
print(dt / (2 * N))
"""

CPU2 = """
import threading, time
def work(n):
    x = 0
    for i in range(n):
        x += i % 7
    return x
N = 1_000_000
T = 2
t0 = time.perf_counter()
for _ in range(T): work(N)
seq = time.perf_counter() - t0
ts = [threading.Thread(target=work, args=(N,)) for _ in range(T)]
t0 = time.perf_counter()
for t in ts: t.start()
for t in ts: t.join()
thr = time.perf_counter() - t0
print(thr / seq)
"""

SLEEP8 = """
import threading, time
D = 0.1
t0 = time.perf_counter()
for _ in range(8): time.sleep(D)
seq = time.perf_counter() - t0
ts = [threading.Thread(target=time.sleep, args=(D,)) for _ in range(8)]
t0 = time.perf_counter()
for t in ts: t.start()
for t in ts: t.join()
thr = time.perf_counter() - t0
print(seq / thr)
"""

IOWAKE = """
import threading, time
stop = False
def spin():
    x = 0
    while not stop:
        x += 1
t = threading.Thread(target=spin)
t.start()
time.sleep(0.01)
late = []
for _ in range(100):
    t0 = time.perf_counter()
    time.sleep(0.002)
    late.append(time.perf_counter() - t0 - 0.002)
stop = True
t.join()
late.sort()
print(late[len(late) // 2])
"""


def run_value(cmd, script_path):
    out = subprocess.run(cmd + [script_path], capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} {script_path} failed:\n{out.stderr}")
    return float(out.stdout.strip().splitlines()[-1])


def run_cpu(cmd):
    """CPU time (user + system) of a child process: steadier than wall time on a shared box."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{out.stderr}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def med(xs):
    return statistics.median(xs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=5, help="runs per measurement (default 5)")
    ap.add_argument("--gilvm", default=str(ROOT / "target/release/gilvm"))
    ap.add_argument("--python", default="python3")
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    gilvm = [args.gilvm]
    python = [args.python]
    print(f"load average: {os.getloadavg()[0]:.2f} (the machine may be shared)")

    # 1. The cost of the GIL checks on one thread.
    countdown = str(ROOT / "programs/countdown.py")
    on, off = [], []
    for _ in range(args.n):
        on.append(run_cpu(gilvm + [countdown]))
        off.append(run_cpu(gilvm + ["--switch-instructions", "0", "--switch-interval", "0", countdown]))
    print(f"gil-check  countdown.py 10M (CPU time): defaults {med(on):.3f}s, triggers off {med(off):.3f}s, "
          f"overhead {100 * (med(on) / med(off) - 1):+.1f}%")

    with tempfile.TemporaryDirectory() as tmp:
        scripts = {}
        workloads = [("handoff", HANDOFF), ("cpu2", CPU2), ("cpu4", CPU2.replace("T = 2", "T = 4")),
                     ("sleep8", SLEEP8), ("io-wake", IOWAKE)]
        for name, src in workloads:
            p = Path(tmp) / f"{name}.py"
            p.write_text(src)
            scripts[name] = str(p)
        units = {"handoff": ("us", 1e6), "cpu2": ("x", 1), "cpu4": ("x", 1), "sleep8": ("x", 1),
                 "io-wake": ("ms", 1e3)}
        medians = {}
        for name, path in scripts.items():
            unit, scale = units[name]
            results = {}
            for _ in range(args.n):
                results.setdefault("python3", []).append(run_value(python, path))
                for policy in POLICIES:
                    results.setdefault(f"gilvm {policy}", []).append(
                        run_value(gilvm + ["run", "--gil-policy", policy], path))
                if name.startswith("cpu"):
                    results.setdefault("gilvm fifo si0", []).append(
                        run_value(gilvm + ["run", "--switch-instructions", "0"], path))
            py = med(results["python3"])
            line = [f"{name:<9}"]
            for who, xs in results.items():
                m = med(xs)
                ratio = f" ({m / py:.2f}x py)" if who != "python3" and py else ""
                line.append(f"{who} {m * scale:.3f}{unit}{ratio}")
                medians[(name, who)] = m
            print("  ".join(line))
    targets = [("handoff", "gilvm fifo", 5e-6, "hand-off latency <= 5 us"),
               ("cpu2", "gilvm fifo", 1.5, "cpu2 at the defaults <= 1.5x"),
               ("cpu2", "gilvm fifo si0", 1.05, "cpu2 with --switch-instructions 0 <= 1.05x"),
               ("cpu4", "gilvm fifo si0", 1.05, "cpu4 with --switch-instructions 0 <= 1.05x")]
    print("targets:")
    for name, who, limit, what in targets:
        m = medians[(name, who)]
        shown = f"{m * 1e6:.2f} us" if name == "handoff" else f"{m:.2f}x"
        print(f"  {what:<45} {shown:>9}  {'met' if m <= limit else 'MISSED'}")


if __name__ == "__main__":
    main()
