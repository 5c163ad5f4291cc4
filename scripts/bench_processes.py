#!/usr/bin/env python3
"""Benchmark gilvm's multiprocessing against CPython's, in one run on the same machine.

Measures, under gilvm (spawn semantics) and python3 (its default start method here, fork, and
spawn for the start-up figure):
  spawn+join   start and join one process running an empty function (median of N, ms)
  cpu x2       two CPU-bound processes against the same work done sequentially (speedup)
  pool.map     Pool(2).map of 10_000 small items (ms, pool start excluded)
  pipe rtt     round-trip latency of a Pipe between the parent and one process (us)
It builds nothing: build the release binary first (`cargo build --release`).

Usage:
    scripts/bench_processes.py [--gilvm PATH] [--python PATH] [-n N]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORKLOAD = r'''
import multiprocessing as mp
import sys
import time


def nothing():
    pass


def count(n):
    total = 0
    i = 0
    while i < n:
        total += i % 7
        i += 1
    return total


def small(x):
    return (x * x + 3) % 1009


def ponger(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(msg)


def main():
    what = sys.argv[1]
    n = int(sys.argv[2])
    if len(sys.argv) > 3 and sys.argv[3] != "default":
        mp.set_start_method(sys.argv[3])
    if what == "spawn":
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            p = mp.Process(target=nothing)
            p.start()
            p.join()
            times.append(time.perf_counter() - t0)
        times.sort()
        print(times[len(times) // 2] * 1000)
    elif what == "cpu":
        t0 = time.perf_counter()
        count(n)
        count(n)
        seq = time.perf_counter() - t0
        t0 = time.perf_counter()
        ps = [mp.Process(target=count, args=(n,)) for _ in range(2)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        par = time.perf_counter() - t0
        print(seq / par)
    elif what == "pool":
        with mp.Pool(2) as pool:
            pool.map(small, range(10))
            t0 = time.perf_counter()
            pool.map(small, range(n))
            print((time.perf_counter() - t0) * 1000)
    elif what == "pipe":
        a, b = mp.Pipe()
        p = mp.Process(target=ponger, args=(b,))
        p.start()
        a.send(0)
        a.recv()
        t0 = time.perf_counter()
        for i in range(n):
            a.send(i)
            a.recv()
        el = time.perf_counter() - t0
        a.send(None)
        p.join()
        print(el / n * 1e6)


if __name__ == "__main__":
    main()
'''

CASES = [
    # (label, mode, argument, unit, python start method)
    ("spawn+join (ms)", "spawn", "20", "ms", "spawn"),
    ("spawn+join, python3 fork (ms)", "spawn", "20", "ms", "fork"),
    ("cpu x2 speedup (x)", "cpu", "2000000", "x", "default"),
    ("pool.map 10k items (ms)", "pool", "10000", "ms", "default"),
    ("pipe round trip (us)", "pipe", "5000", "us", "default"),
]


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{out.stderr}")
    return float(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gilvm", default=str(ROOT / "target" / "release" / "gilvm"))
    ap.add_argument("--python", default="python3")
    ap.add_argument("-n", type=int, default=3, help="runs per figure (median)")
    args = ap.parse_args()
    if not os.path.exists(args.gilvm):
        raise SystemExit(f"no gilvm binary at {args.gilvm}: run `cargo build --release` first")
    print("load:", os.getloadavg())
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "mp_bench.py"
        script.write_text(WORKLOAD)
        print(f"{'figure':34} {'gilvm':>10} {'python3':>10} {'gilvm/py':>9}")
        for label, mode, arg, _unit, method in CASES:
            g, p = [], []
            for _ in range(args.n):
                if method != "fork":
                    g.append(run([args.gilvm, str(script), mode, arg]))
                p.append(run([args.python, str(script), mode, arg, method]))
            gm = statistics.median(g) if g else float("nan")
            pm = statistics.median(p)
            print(f"{label:34} {gm:10.2f} {pm:10.2f} {gm / pm:9.2f}")


if __name__ == "__main__":
    sys.exit(main())
