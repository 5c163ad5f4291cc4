#!/usr/bin/env python3
"""Time gilvm against CPython on the pyperformance benchmarks of benches/pyperformance/.

Runs every benchmark that benches/pyperformance/MANIFEST marks `runs` or `slow` under gilvm and
under python3, N times each, alternating the two (gilvm, python3, gilvm, python3, ...) so that both
see the same machine conditions, and prints a table of median times and the ratio
gilvm / python3, then the geometric mean of the ratios. The time of a run is what the pyperf
shim reports on stderr (`pyperf-shim: NAME SECONDS LOOPS`, summed over the benchmark's timed
calls): the benchmark body only, without interpreter start-up or imports. A run that fails, or
whose stdout (the benchmark's check value) differs from python3's, is reported and left out of
the geometric mean. It builds nothing: build the binary first (`cargo build --release`).

Usage:
    scripts/bench_pyperformance.py [--gilvm PATH] [--python PATH] [-n N] [--only NAMES]
                                   [--all] [--json]

    --gilvm PATH    the gilvm binary (default: target/release/gilvm)
    --python PATH   the CPython to compare with (default: python3)
    -n N            runs per benchmark and interpreter (default: 3)
    --only NAMES    comma-separated benchmark names (substrings match: --only regex)
    --all           also run the benchmarks the MANIFEST marks `fails`
    --json          print the results as one JSON object instead of the table

Exit status: 0 when every benchmark ran and matched, 1 otherwise, 2 on a usage or setup error.
"""

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "benches" / "pyperformance"
TIMEOUT = 900


def read_manifest():
    """[(name, test args, bench args, status)] from benches/pyperformance/MANIFEST."""
    rows = []
    for line in (BENCH_DIR / "MANIFEST").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, small, big, status = [part.strip() for part in line.split("|")]
        rows.append((name, small.split(), big.split(), status))
    return rows


def run_once(cmd):
    """Run one benchmark; return (timed seconds or None, wall seconds, status, stdout, stderr)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=BENCH_DIR, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - start, None, b"", b"timed out"
    wall = time.perf_counter() - start
    timed = [float(line.split()[2]) for line in proc.stderr.decode(errors="replace").splitlines()
             if line.startswith("pyperf-shim: ")]
    seconds = sum(timed) if timed and proc.returncode == 0 else None
    return seconds, wall, proc.returncode, proc.stdout, proc.stderr


def last_line(data):
    lines = [line for line in data.decode(errors="replace").splitlines() if line.strip()]
    return lines[-1] if lines else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gilvm", default=str(ROOT / "target" / "release" / "gilvm"))
    parser.add_argument("--python", default="python3")
    parser.add_argument("-n", type=int, default=3)
    parser.add_argument("--only", default="")
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    gilvm = Path(args.gilvm)
    if not gilvm.is_file() or not os.access(gilvm, os.X_OK):
        print(f"gilvm binary not found at {gilvm}; build it with `cargo build --release`",
              file=sys.stderr)
        return 2
    python = shutil.which(args.python)
    if python is None:
        print(f"{args.python} not found; python3 is needed as the reference", file=sys.stderr)
        return 2
    if args.n < 1:
        print("-n must be at least 1", file=sys.stderr)
        return 2

    wanted = [w.strip() for w in args.only.split(",") if w.strip()]
    rows = [r for r in read_manifest()
            if (args.all or r[3] in ("runs", "slow")) and (not wanted or any(w in r[0] for w in wanted))]
    if not rows:
        print("no benchmark selected", file=sys.stderr)
        return 2

    results = []
    if not args.json:
        header = f"{'benchmark':<26}{'python3 ms':>12}{'gilvm ms':>12}{'ratio':>8}  note"
        print(header)
        print("-" * len(header))
    for name, _small, big, _status in rows:
        script = f"bm_{name}.py"
        times = {"gilvm": [], "python3": []}
        outs = {"gilvm": set(), "python3": set()}
        failure = None
        for _ in range(args.n):
            for label, cmd in (("gilvm", [str(gilvm), script, *big]),
                               ("python3", [python, "-E", "-s", script, *big])):
                seconds, _wall, status, out, err = run_once(cmd)
                if seconds is None:
                    failure = failure or f"{label} failed ({status}): {last_line(err)}"
                else:
                    times[label].append(seconds)
                    outs[label].add(out)
            if failure:
                break
        row = {"name": name, "args": big, "runs": args.n}
        if not failure and outs["gilvm"] != outs["python3"]:
            failure = "stdout differs from python3's"
        for label in times:
            if times[label]:
                row[label + "_ms"] = statistics.median(times[label]) * 1000
        if failure:
            row["error"] = failure
        else:
            row["ratio"] = row["gilvm_ms"] / row["python3_ms"]
        results.append(row)
        if not args.json:
            py = f"{row['python3_ms']:.1f}" if "python3_ms" in row else "-"
            gv = f"{row['gilvm_ms']:.1f}" if "gilvm_ms" in row else "-"
            ratio = f"{row['ratio']:.2f}x" if "ratio" in row else "-"
            print(f"{name:<26}{py:>12}{gv:>12}{ratio:>8}  {row.get('error', '')}", flush=True)

    ratios = [r["ratio"] for r in results if "ratio" in r]
    geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else None
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    if args.json:
        print(json.dumps({"benchmarks": results, "geomean_ratio": geomean,
                          "compared": len(ratios), "runs": args.n, "loadavg_1min": load},
                         indent=2))
    else:
        print("-" * 64)
        if geomean is not None:
            print(f"geometric mean of {len(ratios)} ratios (gilvm / python3): {geomean:.2f}x")
        print(f"medians of {args.n} alternating runs; 1-minute load average {load:.2f}")
    return 0 if len(ratios) == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
