# Ported for gilvm by scripts/port_pyperformance.py from pyperformance 1.14.0
# (https://github.com/python/pyperformance, MIT licence, see LICENSE-pyperformance beside this
# file), pyperformance/data-files/benchmarks/bm_pprint/run_benchmark.py. The benchmark's own
# notices follow unchanged. `import pyperf` is the shim pyperf.py beside this file.
# Run: python3 bm_pprint.py [LOOPS] [options]. Changes from the original:
#   - --n option for the 100_000 items
#   - prints a deterministic check value at the end (a checksum of pformat's text)
"""Test the performance of pprint.PrettyPrinter.

This benchmark was available as `python -m pprint` until Python 3.12.

Authors: Fred Drake (original), Oleg Iarygin (pyperformance port).
"""

import pyperf
from pprint import PrettyPrinter


printable = [('string', (1, 2), [3, 4], {5: 6, 7: 8})] * 100_000
p = PrettyPrinter()


if __name__ == '__main__':
    runner = pyperf.Runner()
    runner.metadata['description'] = 'pprint benchmark'
    runner.argparser.add_argument("--n", type=int, default=len(printable))
    printable = printable[:runner.parse_args().n]

    if hasattr(p, '_safe_repr'):
        runner.bench_func('pprint_safe_repr', p._safe_repr,
                          printable, {}, None, 0)
    print("pformat", pyperf.checksum(runner.bench_func('pprint_pformat', p.pformat, printable)))
