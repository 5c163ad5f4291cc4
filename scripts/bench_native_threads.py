#!/usr/bin/env python3
"""Speedup of four threads over sequential on GIL-free native work (programs/hashlib_threads.py,
or programs/zlib_threads.py with --program zlib), for gilvm and python3 in the same run.

Usage: scripts/bench_native_threads.py [--gilvm PATH] [--program hashlib|zlib] [--mb N]
       [--chunks N] [--repeat N]
Prints, per interpreter, the best wall time of the sequential and the 4-thread run and the
speedup (sequential / threads). Exit 1 if the two modes' digests differ.
"""
import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def best(cmd, repeat):
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True, check=True)
        times.append(time.perf_counter() - t0)
        out = r.stdout.split(None, 1)[1]
    return min(times), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gilvm", default=os.path.join(ROOT, "target", "release", "gilvm"))
    ap.add_argument("--program", choices=("hashlib", "zlib"), default="hashlib")
    ap.add_argument("--mb", type=int, default=20, help="MB per buffer (hashlib), per chunk (zlib)")
    ap.add_argument("--chunks", type=int, default=16, help="chunks to compress (zlib)")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    prog = os.path.join(ROOT, "programs", a.program + "_threads.py")
    if a.program == "zlib":
        size = [str(a.chunks), str(a.mb * 1024)]
    else:
        size = [str(a.mb)]
    ok = True
    print("%-8s %10s %10s %8s" % ("impl", "seq s", "4 thr s", "speedup"))
    for name, exe in (("gilvm", [a.gilvm, "run"]), ("python3", [sys.executable])):
        seq, d1 = best(exe + [prog] + size + ["seq"], a.repeat)
        thr, d2 = best(exe + [prog] + size + ["threads"], a.repeat)
        ok &= d1 == d2
        print("%-8s %10.3f %10.3f %7.2fx" % (name, seq, thr, seq / thr))
    print("cores:", os.cpu_count())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
