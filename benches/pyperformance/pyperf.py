"""A tiny stand-in for pyperf (https://github.com/psf/pyperf), enough to run the pyperformance
benchmarks in this directory under gilvm and python3 without installing anything.

It keeps the part of pyperf's API the benchmarks call — `Runner` with `bench_func`,
`bench_time_func`, `argparser`, `parse_args`, `metadata`, and `perf_counter` — and none of
pyperf's machinery (worker processes, calibration, warm-ups, statistics, JSON files).

Command line of every benchmark: `bm_NAME.py [LOOPS] [benchmark options]`. LOOPS (default 1)
is how many times the benchmark body runs, the pyperf "loops" value; benchmark options are the
original's own (`--iterations`, `--width`, ...). Each timed call writes one line to stderr,

    pyperf-shim: NAME SECONDS LOOPS

(the time of all LOOPS together), which scripts/bench_pyperformance.py reads; stdout is left to
the benchmark's own deterministic check value, which tests/pyperformance.rs compares with
python3's.
"""

import argparse
import sys
import time

perf_counter = time.perf_counter


def python_implementation():
    return sys.implementation.name


def python_has_jit():
    return False


class Runner:
    def __init__(self, values=None, processes=None, loops=0, min_time=0.1, metadata=None,
                 show_name=True, program_args=None, add_cmdline_args=None, warmups=None,
                 **kwargs):
        self.metadata = dict(metadata or {})
        self.argparser = argparse.ArgumentParser(prog=sys.argv[0])
        self.args = None
        self.loops = 1

    def parse_args(self, args=None):
        if self.args is None:
            if args is None:
                args = sys.argv[1:]
            args = list(args)
            if args and args[0].isdigit():
                self.loops = max(1, int(args[0]))
                args = args[1:]
            self.args = self.argparser.parse_args(args)
        return self.args

    def _report(self, name, seconds):
        sys.stderr.write("pyperf-shim: %s %.9f %d\n" % (name, seconds, self.loops))
        sys.stderr.flush()

    def bench_func(self, name, func, *args, inner_loops=None, metadata=None):
        """Call func(*args) LOOPS times; return the last call's result (pyperf returns a
        Benchmark object, which the benchmarks here ignore)."""
        self.parse_args()
        result = None
        start = perf_counter()
        for _ in range(self.loops):
            result = func(*args)
        self._report(name, perf_counter() - start)
        return result

    def bench_time_func(self, name, time_func, *args, inner_loops=None, metadata=None):
        """Call time_func(LOOPS, *args), which times itself and returns the seconds taken."""
        self.parse_args()
        seconds = time_func(self.loops, *args)
        self._report(name, seconds)
        return seconds


def checksum(text):
    """A deterministic checksum of a string (str hashes are randomised per process), for the
    check values the benchmarks print."""
    total = 0
    for ch in str(text):
        total = (total * 31 + ord(ch)) % 4294967291
    return total
