#!/usr/bin/env python3
"""Time gilvm against CPython on the benchmark programs.

Runs each of programs/{countdown,fib,primes,wordfreq}.py N times under gilvm and under python3,
alternating the two so that both see the same machine conditions, and prints a table of median
wall times and the ratio gilvm / python3, plus whether their stdout matched on every run.
It builds nothing: build the binary first (`cargo build --release`).

Usage:
    scripts/bench_vs_python.py [--gilvm PATH] [--python PATH] [-n N] [PROGRAM ...]

    --gilvm PATH    the gilvm binary (default: target/release/gilvm)
    --python PATH   the CPython to compare with (default: python3)
    -n N            runs per program and interpreter (default: 5)
    PROGRAM         program names to run (default: countdown fib primes wordfreq)

Exit status: 0 when every stdout matched, 1 otherwise, 2 on a usage or setup error.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROGRAMS = ["countdown", "fib", "primes", "wordfreq"]
TIMEOUT = 600


def run_once(cmd, cwd):
    """Run a command; return (wall seconds, exit status, stdout bytes)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT
        )
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, None, b""
    return time.perf_counter() - start, proc.returncode, proc.stdout


def fmt_time(seconds):
    if seconds < 1.0:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gilvm", default=str(ROOT / "target" / "release" / "gilvm"))
    parser.add_argument("--python", default="python3")
    parser.add_argument("-n", type=int, default=5)
    parser.add_argument("programs", nargs="*", default=DEFAULT_PROGRAMS)
    args = parser.parse_args()

    gilvm = Path(args.gilvm)
    if not gilvm.is_file() or not os.access(gilvm, os.X_OK):
        print(f"gilvm binary not found at {gilvm}; build it with `cargo build --release`", file=sys.stderr)
        return 2
    python = shutil.which(args.python)
    if python is None:
        print(f"{args.python} not found; python3 is needed as the reference", file=sys.stderr)
        return 2
    if args.n < 1:
        print("-n must be at least 1", file=sys.stderr)
        return 2

    programs_dir = ROOT / "programs"
    header = f"{'program':<12}{'gilvm':>12}{'python3':>12}{'ratio':>9}  stdout"
    print(header)
    print("-" * len(header))
    all_match = True
    for name in args.programs:
        script = programs_dir / f"{name}.py"
        if not script.is_file():
            print(f"{name:<12}  no such program: {script}")
            all_match = False
            continue
        times = {"gilvm": [], "python3": []}
        outputs = {"gilvm": set(), "python3": set()}
        failures = []
        commands = {
            "gilvm": [str(gilvm), "run", script.name],
            "python3": [python, script.name],
        }
        for i in range(args.n):
            # Alternate which interpreter goes first so neither always runs on a warm cache.
            order = ["gilvm", "python3"] if i % 2 == 0 else ["python3", "gilvm"]
            for which in order:
                elapsed, status, stdout = run_once(commands[which], programs_dir)
                if status != 0:
                    failures.append(f"{which} run {i + 1}: " + ("timed out" if status is None else f"exit status {status}"))
                times[which].append(elapsed)
                outputs[which].add(stdout)
        g = statistics.median(times["gilvm"])
        p = statistics.median(times["python3"])
        same = not failures and len(outputs["gilvm"]) == 1 and outputs["gilvm"] == outputs["python3"]
        all_match = all_match and same
        verdict = "same" if same else "DIFFERENT"
        print(f"{name:<12}{fmt_time(g):>12}{fmt_time(p):>12}{g / p:>8.2f}x  {verdict}")
        for failure in failures:
            print(f"{'':<12}  {failure}")
    print(f"\nmedian of {args.n} runs each; ratio > 1 means gilvm is slower than {Path(python).name}")
    return 0 if all_match else 1


if __name__ == "__main__":
    sys.exit(main())
