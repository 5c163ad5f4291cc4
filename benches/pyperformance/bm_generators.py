# Ported for gilvm by scripts/port_pyperformance.py from pyperformance 1.14.0
# (https://github.com/python/pyperformance, MIT licence, see LICENSE-pyperformance beside this
# file), pyperformance/data-files/benchmarks/bm_generators/run_benchmark.py. The benchmark's own
# notices follow unchanged. `import pyperf` is the shim pyperf.py beside this file.
# Run: python3 bm_generators.py [LOOPS] [options]. Changes from the original:
#   - --n option for the tree size 100000
#   - prints a deterministic check value at the end (the tree's sum)
"""
Benchmark recursive generators implemented in python
by traversing a binary tree.

Author: Kumar Aditya
"""

from __future__ import annotations

from collections.abc import Iterator

import pyperf


class Tree:
    def __init__(self, left: Tree | None, value: int, right: Tree | None) -> None:
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self) -> Iterator[int]:
        if self.left:
            yield from self.left
        yield self.value
        if self.right:
            yield from self.right


def tree(input: range) -> Tree | None:
    n = len(input)
    if n == 0:
        return None
    i = n // 2
    return Tree(tree(input[:i]), input[i], tree(input[i + 1:]))

def bench_generators(loops: int) -> float:
    assert list(tree(range(10))) == list(range(10))
    range_it = range(loops)
    iterable = tree(range(TREE_SIZE))
    t0 = pyperf.perf_counter()
    for _ in range_it:
        for _ in iterable:
            pass
    return pyperf.perf_counter() - t0

if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata['description'] = "Benchmark generators"
    runner.argparser.add_argument("--n", type=int, default=100000)
    TREE_SIZE = runner.parse_args().n
    runner.bench_time_func('generators', bench_generators)
    print("sum", sum(tree(range(TREE_SIZE))))
