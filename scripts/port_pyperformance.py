#!/usr/bin/env python3
"""Port pyperformance's pure-Python benchmarks to plain scripts under benches/pyperformance/.

Usage:
    pip download pyperformance==1.14.0 --no-deps --no-binary :all: -d /tmp/pyperf
    tar xzf /tmp/pyperf/pyperformance-1.14.0.tar.gz -C /tmp/pyperf
    scripts/port_pyperformance.py /tmp/pyperf/pyperformance-1.14.0

For each benchmark in EDITS it copies pyperformance/data-files/benchmarks/bm_NAME/run_benchmark.py
to benches/pyperformance/bm_NAME.py with a header naming the source, the licence and the changes,
and applies that benchmark's (old, new) text replacements — each must match exactly once, so a
new pyperformance release that moved the code fails loudly instead of porting it wrongly. The
benchmark code itself is left as it is: the replacements only expose a size option where the
original hard-codes one, and print a deterministic check value (a result, a checksum) so that
tests/pyperformance.rs can compare gilvm's stdout with python3's. `import pyperf` finds the shim
benches/pyperformance/pyperf.py.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benches" / "pyperformance"
VERSION = "1.14.0"

HEADER = """\
# Ported for gilvm by scripts/port_pyperformance.py from pyperformance {version}
# (https://github.com/python/pyperformance, MIT licence, see LICENSE-pyperformance beside this
# file), pyperformance/data-files/benchmarks/bm_{name}/run_benchmark.py. The benchmark's own
# notices follow unchanged. `import pyperf` is the shim pyperf.py beside this file.
# Run: python3 bm_{name}.py [LOOPS] [options]. Changes from the original:
{changes}
"""

# name -> (list of changes as prose, list of (old, new) replacements)
EDITS = {}


def edit(name, changes, *pairs):
    EDITS[name] = (changes, list(pairs))


CHECK = "prints a deterministic check value at the end"

edit("nbody", [CHECK + " (the final energy)"],
     ("""    runner.bench_time_func('nbody', bench_nbody,
                           args.reference, args.iterations)""",
      """    runner.bench_time_func('nbody', bench_nbody,
                           args.reference, args.iterations)
    print("energy %.9f" % report_energy())"""))

edit("fannkuch", ["--n option for the hard-coded DEFAULT_ARG", CHECK + " (max flips)"],
     ("""    arg = DEFAULT_ARG
    runner.bench_func('fannkuch', fannkuch, arg)""",
      """    runner.argparser.add_argument("--n", type=int, default=DEFAULT_ARG)
    arg = runner.parse_args().n
    print("max_flips", runner.bench_func('fannkuch', fannkuch, arg))"""))

edit("float", ["--points option for the hard-coded POINTS", CHECK + " (the maximum Point)"],
     ("""    points = POINTS
    runner.bench_func('float', benchmark, points)""",
      """    runner.argparser.add_argument("--points", type=int, default=POINTS)
    points = runner.parse_args().points
    print(runner.bench_func('float', benchmark, points))"""))

edit("spectral_norm", ["--n option for DEFAULT_N",
                       CHECK + " (the norm, printed after the clock stops)"],
     ("""    return pyperf.perf_counter() - t0


if __name__""",
      """    dt = pyperf.perf_counter() - t0
    print("%.9f" % (vBv / vv) ** 0.5)
    return dt


if __name__"""),
     ("""    runner.bench_time_func('spectral_norm', bench_spectral_norm)""",
      """    runner.argparser.add_argument("--n", type=int, default=DEFAULT_N)
    DEFAULT_N = runner.parse_args().n
    runner.bench_time_func('spectral_norm', bench_spectral_norm)"""))

for _name in ("richards", "richards_super"):
    edit(_name, ["--iterations option for the hard-coded 1", CHECK + " (run()'s self-check)"],
         ("""    runner.bench_func('%s', richard.run, 1)""" % _name,
          """    runner.argparser.add_argument("--iterations", type=int, default=1)
    iterations = runner.parse_args().iterations
    print("ok", runner.bench_func('%s', richard.run, iterations))""" % _name))

edit("chaos", ["create_image_chaos returns its image",
               CHECK + " (the number of points set in the image)"],
     ("""        if filename:
            write_ppm(im, filename)
""",
      """        if filename:
            write_ppm(im, filename)
        return im
"""),
     ("""    runner.bench_func('chaos', chaos.create_image_chaos,
                      args.width, args.height, args.iterations,
                      args.filename, args.rng_seed)""",
      """    im = runner.bench_func('chaos', chaos.create_image_chaos,
                           args.width, args.height, args.iterations,
                           args.filename, args.rng_seed)
    print("points set", sum(row.count(0) for row in im))"""))

edit("deltablue", ["--n option for the hard-coded 100",
                   CHECK + " (the tests print only on failure)"],
     ("""    n = 100
    runner.bench_func('deltablue', delta_blue, n)""",
      """    runner.argparser.add_argument("--n", type=int, default=100)
    n = runner.parse_args().n
    runner.bench_func('deltablue', delta_blue, n)
    print("done", n)"""))

edit("go", [CHECK + " (the computer's move)"],
     ("""    runner.bench_func('go', versus_cpu)""",
      """    print("move", runner.bench_func('go', versus_cpu))"""))

edit("hexiom", [CHECK + " (the level solved; main() checks the solution)"],
     ("""    runner.bench_time_func('hexiom', main, args.level)""",
      """    runner.bench_time_func('hexiom', main, args.level)
    print("solved level", args.level)"""))

edit("nqueens", ["--n option for the hard-coded 8", CHECK + " (the number of solutions)"],
     ("""    queen_count = 8
    runner.bench_func('nqueens', bench_n_queens, queen_count)""",
      """    runner.argparser.add_argument("--n", type=int, default=8)
    queen_count = runner.parse_args().n
    runner.bench_func('nqueens', bench_n_queens, queen_count)
    print("solutions", len(list(n_queens(queen_count))))"""))

edit("raytrace", [CHECK + " (a checksum of the canvas, computed after the clock stops)"],
     ("""    if filename:
        canvas.write_ppm(filename)
    return dt""",
      """    if filename:
        canvas.write_ppm(filename)
    print("canvas", pyperf.checksum(bytes(canvas.bytes)))
    return dt"""))

edit("pidigits", [CHECK + " (the last digits)"],
     ("""    runner.bench_func('pidigits', calc_ndigits, args.digits)""",
      """    digits = runner.bench_func('pidigits', calc_ndigits, args.digits)
    print("".join(map(str, digits[-50:])))"""))

edit("json_dumps", ["--scale option dividing the per-case repeat counts",
                    CHECK + " (a checksum of each dumped case)"],
     ("""    args = runner.parse_args()
    if args.cases:""",
      """    runner.argparser.add_argument("--scale", type=int, default=1)
    args = runner.parse_args()
    if args.cases:"""),
     ("""        data.append((obj, range(count)))

    runner.bench_func('json_dumps', bench_json_dumps, data)""",
      """        data.append((obj, range(max(1, count // args.scale))))

    runner.bench_func('json_dumps', bench_json_dumps, data)
    for case in cases:
        print(case, pyperf.checksum(json.dumps(globals()[case][0])))"""))

edit("json_loads", [CHECK + " (a checksum of each loaded object)"],
     ("""    runner.bench_func('json_loads', bench_json_loads, objs, inner_loops=20)""",
      """    runner.bench_func('json_loads', bench_json_loads, objs, inner_loops=20)
    for obj in objs:
        print(pyperf.checksum(repr(json.loads(obj))))"""))

edit("generators", ["--n option for the tree size 100000", CHECK + " (the tree's sum)"],
     ("""    iterable = tree(range(100000))""",
      """    iterable = tree(range(TREE_SIZE))"""),
     ("""    runner.bench_time_func('generators', bench_generators)""",
      """    runner.argparser.add_argument("--n", type=int, default=100000)
    TREE_SIZE = runner.parse_args().n
    runner.bench_time_func('generators', bench_generators)
    print("sum", sum(tree(range(TREE_SIZE))))"""))

edit("coroutines", ["--n option for fibonacci(25)", CHECK + " (fibonacci(n))"],
     ("""        coro = fibonacci(25)""", """        coro = fibonacci(FIB_N)"""),
     ("""    runner.bench_time_func('coroutines', bench_coroutines)""",
      """    runner.argparser.add_argument("--n", type=int, default=25)
    FIB_N = runner.parse_args().n
    runner.bench_time_func('coroutines', bench_coroutines)
    coro = fibonacci(FIB_N)
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        print("fibonacci", stop.value)"""))

edit("comprehensions", [CHECK + " (the sorted widgets' count; the loop asserts it)"],
     ("""    runner.bench_time_func("comprehensions", bench_comprehensions)""",
      """    runner.bench_time_func("comprehensions", bench_comprehensions)
    print("widgets", len(WidgetTray(1, make_some_widgets()).sorted_widgets))"""))

edit("deepcopy", [CHECK + " (a deep copy's repr checksum)"],
     ("""    runner.bench_time_func('deepcopy_memo', benchmark_memo)""",
      """    runner.bench_time_func('deepcopy_memo', benchmark_memo)
    A = [1] * 100
    print("memo", pyperf.checksum(repr(copy.deepcopy({'a': (A, A, A), 'b': [A] * 100}))))"""))

edit("pprint", ["--n option for the 100_000 items", CHECK + " (a checksum of pformat's text)"],
     ("""    runner.metadata['description'] = 'pprint benchmark'
""",
      """    runner.metadata['description'] = 'pprint benchmark'
    runner.argparser.add_argument("--n", type=int, default=len(printable))
    printable = printable[:runner.parse_args().n]
"""),
     ("""    runner.bench_func('pprint_pformat', p.pformat, printable)""",
      """    print("pformat", pyperf.checksum(runner.bench_func('pprint_pformat', p.pformat, printable)))"""))

edit("unpack_sequence", [CHECK + " (the benchmark run)"],
     ("""    runner.bench_time_func(name, func, inner_loops=400)""",
      """    runner.bench_time_func(name, func, inner_loops=400)
    print("done", name)"""))


edit("regex_compile", ["capture_sub passes keyword arguments on (bm_regex_v8 calls re.sub(...,"
                       " count=0), which the original's capture_sub rejects: a TypeError under"
                       " CPython 3.11 too)",
                       CHECK + " (the number of regexes compiled)"],
     ("""    def capture_sub(regex, *args):
        regexes.append((regex, 0))
        return real_sub(regex, *args)""",
      """    def capture_sub(regex, *args, **kwargs):
        regexes.append((regex, 0))
        return real_sub(regex, *args, **kwargs)"""),
     ("""    runner.bench_time_func('regex_compile', bench_regex_compile, regexes)""",
      """    runner.bench_time_func('regex_compile', bench_regex_compile, regexes)
    print("regexes", len(regexes))"""))

edit("regex_dna", [CHECK + " (run_benchmarks()'s result)"],
     ("""    runner.bench_time_func('regex_dna', bench_regex_dna, seq, expected_res)""",
      """    runner.bench_time_func('regex_dna', bench_regex_dna, seq, expected_res)
    print(len(seq), run_benchmarks(seq))"""))

edit("regex_effbot", [CHECK + " (the benchmark run)"],
     ("""    runner.bench_time_func('regex_effbot', bench_regex_effbot,
                           inner_loops=10)""",
      """    runner.bench_time_func('regex_effbot', bench_regex_effbot,
                           inner_loops=10)
    print("done regex_effbot")"""))

edit("regex_v8", [CHECK + " (the benchmark run)"],
     ("""    runner.bench_time_func('regex_v8', bench_regex_v8)""",
      """    runner.bench_time_func('regex_v8', bench_regex_v8)
    print("done regex_v8")"""))

edit("logging", [CHECK + " (the benchmarks run)"],
     ("""        runner.bench_time_func(name, bench_func,
                               logger, stream,
                               inner_loops=10)""",
      """        runner.bench_time_func(name, bench_func,
                               logger, stream,
                               inner_loops=10)
        print("done", name)"""))

edit("mdp", [CHECK + " (bench_mdp checks the result itself)"],
     ("""    runner.bench_time_func('mdp', bench_mdp)""",
      """    runner.bench_time_func('mdp', bench_mdp)
    print("done mdp")"""))

edit("meteor_contest", [CHECK + " (bench_meteor_contest checks the solutions itself)"],
     ("""    runner.bench_time_func('meteor_contest', bench_meteor_contest,
                           board, pieces, solve_arg, fps, se_nh)""",
      """    runner.bench_time_func('meteor_contest', bench_meteor_contest,
                           board, pieces, solve_arg, fps, se_nh)
    print("done meteor_contest", len(SOLUTIONS))"""))

edit("scimark", [CHECK + " (the benchmarks run)"],
     ("""        runner.bench_time_func(name, *args)""",
      """        runner.bench_time_func(name, *args)
        print("done", name)"""))

edit("base64", [CHECK + " (the benchmarks run)"],
     ("""    runner.bench_time_func('base85_large', bench_b85_large)""",
      """    runner.bench_time_func('base85_large', bench_b85_large)
    print("done base64")"""))

edit("gc_collect", [CHECK + " (the benchmark run)"],
     ("""    runner.bench_time_func("create_gc_cycles", benchamark_collection, CYCLES, LINKS)""",
      """    runner.bench_time_func("create_gc_cycles", benchamark_collection, CYCLES, LINKS)
    print("done gc_collect")"""))

edit("typing_runtime_protocols", [CHECK + " (the isinstance() results, protocol by instance)"],
     ("""    runner.bench_time_func("typing_runtime_protocols", bench_protocols)""",
      """    runner.bench_time_func("typing_runtime_protocols", bench_protocols)
    for protocol in (HasX, HasManyAttributes, SupportsInt, SupportsManyMethods, SupportsIntAndX):
        print(protocol.__name__, "".join(
            str(int(isinstance(cls(), protocol))) for cls in (
                Empty, PropertyX, HasIntMethod, HasManyMethods, PropertyXWithInt,
                ClassVarX, ClassVarXWithInt, InstanceVarX, ManyInstanceVars,
                InstanceVarXWithInt, NominalX, NominalSupportsInt, NominalXWithInt)))"""))

edit("bpe_tokeniser", [CHECK + " (the benchmark run)"],
     ("""    runner.bench_time_func("bpe_tokeniser", bench_bpe_tokeniser)""",
      """    runner.bench_time_func("bpe_tokeniser", bench_bpe_tokeniser)
    print("done bpe_tokeniser")"""))

edit("pyflate", [CHECK + " (bench_pyflake checks the MD5 of its output itself)"],
     ("""    runner.bench_time_func('pyflate', bench_pyflake, filename)""",
      """    runner.bench_time_func('pyflate', bench_pyflake, filename)
    print("done pyflate")"""))


def port(src_root, name):
    changes, pairs = EDITS[name]
    src = src_root / "pyperformance" / "data-files" / "benchmarks" / f"bm_{name}" / "run_benchmark.py"
    text = src.read_text()
    for old, new in pairs:
        count = text.count(old)
        if count != 1:
            raise SystemExit(f"bm_{name}: expected one match of {old!r}, found {count}")
        text = text.replace(old, new)
    header = HEADER.format(version=VERSION, name=name,
                           changes="\n".join(f"#   - {c}" for c in changes))
    (OUT / f"bm_{name}.py").write_text(header + text)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    src_root = Path(sys.argv[1])
    for name in sorted(EDITS):
        port(src_root, name)
        print("ported", name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
