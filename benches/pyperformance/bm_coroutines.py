# Ported for gilvm by scripts/port_pyperformance.py from pyperformance 1.14.0
# (https://github.com/python/pyperformance, MIT licence, see LICENSE-pyperformance beside this
# file), pyperformance/data-files/benchmarks/bm_coroutines/run_benchmark.py. The benchmark's own
# notices follow unchanged. `import pyperf` is the shim pyperf.py beside this file.
# Run: python3 bm_coroutines.py [LOOPS] [options]. Changes from the original:
#   - --n option for fibonacci(25)
#   - prints a deterministic check value at the end (fibonacci(n))
"""
Benchmark for recursive coroutines.

Author: Kumar Aditya
"""

import pyperf


async def fibonacci(n: int) -> int:
    if n <= 1:
        return n
    return await fibonacci(n - 1) + await fibonacci(n - 2)


def bench_coroutines(loops: int) -> float:
    range_it = range(loops)
    t0 = pyperf.perf_counter()
    for _ in range_it:
        coro = fibonacci(FIB_N)
        try:
            while True:
                coro.send(None)
        except StopIteration:
            pass
    return pyperf.perf_counter() - t0


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata['description'] = "Benchmark coroutines"
    runner.argparser.add_argument("--n", type=int, default=25)
    FIB_N = runner.parse_args().n
    runner.bench_time_func('coroutines', bench_coroutines)
    coro = fibonacci(FIB_N)
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        print("fibonacci", stop.value)
