# Ported for gilvm by scripts/port_pyperformance.py from pyperformance 1.14.0
# (https://github.com/python/pyperformance, MIT licence, see LICENSE-pyperformance beside this
# file), pyperformance/data-files/benchmarks/bm_float/run_benchmark.py. The benchmark's own
# notices follow unchanged. `import pyperf` is the shim pyperf.py beside this file.
# Run: python3 bm_float.py [LOOPS] [options]. Changes from the original:
#   - --points option for the hard-coded POINTS
#   - prints a deterministic check value at the end (the maximum Point)
"""
Artificial, floating point-heavy benchmark originally used by Factor.
"""
import pyperf

from math import sin, cos, sqrt


POINTS = 100000


class Point(object):
    __slots__ = ('x', 'y', 'z')

    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%s, y=%s, z=%s>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    next = points[0]
    for p in points[1:]:
        next = next.maximize(p)
    return next


def benchmark(n):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i)
    for p in points:
        p.normalize()
    return maximize(points)


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata['description'] = "Float benchmark"

    runner.argparser.add_argument("--points", type=int, default=POINTS)
    points = runner.parse_args().points
    print(runner.bench_func('float', benchmark, points))
