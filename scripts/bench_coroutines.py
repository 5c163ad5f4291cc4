#!/usr/bin/env python3
"""Coroutine benchmarks: gilvm against CPython in one go.

Builds gilvm with `cargo build --release` (unless --no-build), then runs each workload N times
under both interpreters, alternating them, and prints medians and the ratio gilvm / python3:

  memory     peak RSS of a script that parks K tasks in `await asyncio.sleep(0.3)` (gathered),
             run with K = 0 and K = 10_000: (RSS(10_000) - RSS(0)) / 10_000 = bytes per
             suspended coroutine (task + coroutine + sleep future + timer).
  sleep1000  1_000 tasks each sleeping 10 ms, gathered: wall time of the gather (measured inside
             the script, so start-up is not counted). Ideal: 10 ms.
  pingpong   two tasks passing a token over two asyncio.Queues, 20_000 round trips: time per
             switch (one task handing control to the other).
  gensend    a generator driven by `send` 200_000 times: time per send (resume + yield).

Usage: scripts/bench_coroutines.py [-n N] [--gilvm PATH] [--python PATH] [--no-build]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MEMORY = """
import asyncio, sys
K = int(sys.argv[1])
async def sleeper():
    await asyncio.sleep(0.3)
async def main():
    await asyncio.gather(*[sleeper() for _ in range(K)])
asyncio.run(main())
"""

SLEEP1000 = """
import asyncio, time
async def sleeper():
    await asyncio.sleep(0.01)
async def main():
    await asyncio.sleep(0)
    t0 = time.perf_counter()
    await asyncio.gather(*[sleeper() for _ in range(1000)])
    print(time.perf_counter() - t0)
asyncio.run(main())
"""

PINGPONG = """
import asyncio, time
N = 20000
async def pinger(a, b):
    for i in range(N):
        await a.put(i)
        await b.get()
async def ponger(a, b):
    for i in range(N):
        x = await a.get()
        await b.put(x)
async def main():
    a = asyncio.Queue()
    b = asyncio.Queue()
    t0 = time.perf_counter()
    await asyncio.gather(pinger(a, b), ponger(a, b))
    dt = time.perf_counter() - t0
    print(dt / (2 * N))
asyncio.run(main())
"""

GENSEND = """
import time
N = 200000
def echo():
    x = 0
    while True:
        x = yield x
g = echo()
next(g)
t0 = time.perf_counter()
for i in range(N):
    g.send(i)
print((time.perf_counter() - t0) / N)
"""


def run_rss(cmd):
    """Run cmd and return its peak RSS (KiB) via os.wait4."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        raise SystemExit(f"failed ({status}): {' '.join(cmd)}")
    return usage.ru_maxrss


def run_value(cmd):
    out = subprocess.run(cmd, capture_output=True, check=True, timeout=300).stdout
    return float(out.decode().strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=5, help="runs per workload and interpreter")
    ap.add_argument("--gilvm", default=str(ROOT / "target" / "release" / "gilvm"))
    ap.add_argument("--python", default="python3")
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    interps = {"gilvm": args.gilvm, "python3": args.python}
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for name, src in [("memory", MEMORY), ("sleep1000", SLEEP1000),
                          ("pingpong", PINGPONG), ("gensend", GENSEND)]:
            p = Path(tmp) / f"{name}.py"
            p.write_text(src)
            files[name] = str(p)
        res = {k: {"mem0": [], "mem10k": [], "sleep1000": [], "pingpong": [], "gensend": []}
               for k in interps}
        for _ in range(args.n):
            for who, exe in interps.items():
                res[who]["mem0"].append(run_rss([exe, files["memory"], "0"]))
                res[who]["mem10k"].append(run_rss([exe, files["memory"], "10000"]))
                res[who]["sleep1000"].append(run_value([exe, files["sleep1000"]]))
                res[who]["pingpong"].append(run_value([exe, files["pingpong"]]))
                res[who]["gensend"].append(run_value([exe, files["gensend"]]))
    med = {who: {k: statistics.median(v) for k, v in r.items()} for who, r in res.items()}
    rows = []
    for who in interps:
        m = med[who]
        per_task = (m["mem10k"] - m["mem0"]) * 1024 / 10000
        rows.append((who, per_task, m["sleep1000"] * 1e3, m["pingpong"] * 1e9, m["gensend"] * 1e9,
                     m["mem0"], m["mem10k"]))
    print(f"medians of {args.n} runs")
    print(f"{'':8} {'bytes/task':>11} {'1000x10ms':>10} {'switch':>10} {'gen send':>10}"
          f" {'RSS(0)':>9} {'RSS(10k)':>9}")
    for who, per, sl, pp, gs, r0, r10 in rows:
        print(f"{who:8} {per:9.0f} B {sl:7.1f} ms {pp:7.0f} ns {gs:7.0f} ns"
              f" {r0 / 1024:6.1f} MB {r10 / 1024:6.1f} MB")
    g, p = rows[0], rows[1]
    print(f"{'ratio':8} {g[1] / p[1]:11.2f} {g[2] / p[2]:10.2f} {g[3] / p[3]:10.2f}"
          f" {g[4] / p[4]:10.2f}   (gilvm / python3)")


if __name__ == "__main__":
    sys.exit(main())
