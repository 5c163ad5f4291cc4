#!/usr/bin/env python3
"""Soak test: run threads, processes and coroutines together in one gilvm process for a set
number of minutes; check that its resident memory stays flat, that its threads, descriptors,
children and shared-memory segments come back to their baseline, and that every round's results
are exact.

Build first (this script builds nothing):

    cargo build --release
    python3 scripts/soak.py --minutes 10
    python3 scripts/soak.py --minutes 5 --malloc-arena-max 1 --python python3 --json soak.json

(short runs: see --malloc-arena-max and docs/soak.md)

The workload is scripts/soak/workload.py (it runs unchanged under python3). Every round prints
`round N ok ...` or `round N FAIL ...`; this script samples the interpreter process from /proc
every --sample-seconds (VmRSS, threads, open descriptors, live children, /dev/shm mappings) and,
in the quiet pause after each round line, counts its threads, descriptors and children again.

Verdict: PASS when all of these hold (thresholds are options below; docs/soak.md):
  - the run ended by itself with exit status 0 and its `done` line, at least one round ran,
    and every round printed `ok` (no FAIL, no missing round)
  - RSS slope (least squares, after the warm-up) of the samples taken between rounds
    <= --max-slope KiB/min; that of the periodic samples not above it by more than 2 standard
    errors (they land anywhere in a round: a few hundred KiB of noise)
  - RSS of the last window <= that of the first post-warm-up window * (1 + --max-growth/100)
    (windows: the samples of the first / last --window seconds after the warm-up)
  - between rounds, at the end: threads, descriptors and /dev/shm mappings no more than at the
    first quiet sample after the warm-up, and no child process alive
  - after exit: no /dev/shm file of gilvm's (gilvm-mp-PID-N) left by the process or its workers,
    and no worker process left running
  - with --python: every round both runtimes ran printed the same line
Exit status: 0 on PASS, 1 on FAIL, 2 on a usage error.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORKLOAD = os.path.join(HERE, "soak", "workload.py")
ROUND_RE = re.compile(r"^round (\d+) (ok|FAIL)\b(.*)$")
DONE_RE = re.compile(r"^done rounds=(\d+) ok=(\d+) failed=(\d+)$")
SHM_RE = re.compile(r"^gilvm-mp-(\d+)-\d+$")
SHM_DIR = "/dev/shm"


# ---------------------------------------------------------------- /proc probes


def read_status(pid):
    """VmRSS in KiB and PPid of a process, or None if it is gone."""
    try:
        with open("/proc/%d/status" % pid) as f:
            text = f.read()
    except OSError:
        return None
    rss = 0
    ppid = None
    for line in text.splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
        elif line.startswith("PPid:"):
            ppid = int(line.split()[1])
    return rss, ppid


def count_dir(path):
    try:
        return len(os.listdir(path))
    except OSError:
        return None


def shm_mappings(pid):
    """Distinct /dev/shm files mapped by the process (deleted ones included)."""
    names = set()
    try:
        with open("/proc/%d/maps" % pid) as f:
            for line in f:
                i = line.find(SHM_DIR + "/")
                if i >= 0:
                    names.add(line[i:].strip())
    except OSError:
        return None
    return len(names)


def start_time(pid):
    """The process's start time in clock ticks (to tell a pid from a reused one)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            text = f.read()
    except OSError:
        return None
    fields = text[text.rfind(")") + 2:].split()
    return int(fields[19])


def children_of(pid):
    """[(child pid, rss KiB)] of the live (non-zombie) children of pid."""
    out = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                text = f.read()
        except OSError:
            continue
        rest = text[text.rfind(")") + 2:].split()
        if len(rest) < 22 or int(rest[1]) != pid or rest[0] == "Z":
            continue
        st = read_status(int(name))
        out.append((int(name), st[0] if st else 0))
    return out


def shm_files():
    try:
        return set(os.listdir(SHM_DIR))
    except OSError:
        return set()


def sample(pid, t0, seen):
    st = read_status(pid)
    if st is None:
        return None
    kids = children_of(pid)
    for k, _ in kids:
        if k not in seen:
            seen[k] = start_time(k)
    return {
        "t": round(time.monotonic() - t0, 3),
        "rss_kib": st[0],
        "threads": count_dir("/proc/%d/task" % pid),
        "fds": count_dir("/proc/%d/fd" % pid),
        "children": len(kids),
        "children_rss_kib": sum(r for _, r in kids),
        "shm_maps": shm_mappings(pid),
    }


# ---------------------------------------------------------------- statistics


def slope_per_min(points):
    """Least-squares slope of [(t seconds, y)] in y per minute and its standard error;
    (None, None) under 3 points."""
    if len(points) < 3:
        return None, None
    n = len(points)
    mt = sum(t for t, _ in points) / n
    my = sum(y for _, y in points) / n
    den = sum((t - mt) ** 2 for t, _ in points)
    if den == 0:
        return None, None
    b = sum((t - mt) * (y - my) for t, y in points) / den
    a = my - b * mt
    residual = sum((y - a - b * t) ** 2 for t, y in points)
    se = (residual / (n - 2) / den) ** 0.5
    return 60.0 * b, 60.0 * se


def mean(xs):
    return sum(xs) / len(xs) if xs else None


# ---------------------------------------------------------------- one run


def run(label, argv, seconds, args):
    """Run the workload under one interpreter, sampling it; returns a result dict."""
    before = shm_files()
    errf = tempfile.TemporaryFile(mode="w+")
    t0 = time.monotonic()
    env = dict(os.environ)
    if args.malloc_arena_max:
        env["MALLOC_ARENA_MAX"] = str(args.malloc_arena_max)
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=errf, stdin=subprocess.DEVNULL, text=True,
        cwd=os.path.dirname(WORKLOAD), env=env,
    )
    pid = proc.pid
    seen = {}  # child pid -> start time
    samples = []
    quiet = []
    stop = threading.Event()
    lock = threading.Lock()

    def sampler():
        while not stop.is_set():
            s = sample(pid, t0, seen)
            if s is not None and proc.poll() is None:
                with lock:
                    samples.append(s)
            stop.wait(args.sample_seconds)

    th = threading.Thread(target=sampler, daemon=True)
    th.start()

    rounds = {}  # n -> (status, full line)
    order_errors = []
    done = None
    other = []
    expected = 1
    killed = False
    deadline = t0 + seconds + args.grace
    timer = threading.Timer(max(1.0, deadline - time.monotonic()), proc.kill)
    timer.daemon = True
    timer.start()
    last_print = t0
    for line in proc.stdout:
        line = line.rstrip("\n")
        m = ROUND_RE.match(line)
        if m:
            n = int(m.group(1))
            if n != expected:
                order_errors.append("round %d after round %d" % (n, expected - 1))
            expected = n + 1
            rounds[n] = (m.group(2), line)
            if m.group(2) == "FAIL":
                print("  [%s] %s" % (label, line), flush=True)
            # the workload pauses after each round line: count its resources in that window
            time.sleep(args.pause / 3)
            s = sample(pid, t0, seen)
            if s is not None:
                s["round"] = n
                quiet.append(s)
            now = time.monotonic()
            if args.progress and now - last_print >= args.progress:
                last_print = now
                with lock:
                    rss = samples[-1]["rss_kib"] if samples else 0
                print("  [%s] %5.0f s  round %d  rss %d KiB" % (label, now - t0, n, rss),
                      flush=True)
            continue
        m = DONE_RE.match(line)
        if m:
            done = tuple(int(x) for x in m.groups())
            s = sample(pid, t0, seen)
            if s is not None:
                s["round"] = "done"
                quiet.append(s)
            continue
        other.append(line)
    status = proc.wait()
    timer.cancel()
    if status == -9 and time.monotonic() >= deadline - 0.5:
        killed = True
    stop.set()
    th.join()
    wall = time.monotonic() - t0
    errf.seek(0)
    stderr = errf.read()
    errf.close()

    # after exit: leftover workers (given a few seconds to go) and shared-memory files
    give_up = time.monotonic() + 5.0
    while True:
        leftover = [k for k, st in seen.items() if st is not None and start_time(k) == st]
        if not leftover or time.monotonic() >= give_up:
            break
        time.sleep(0.1)
    after = shm_files()
    tree = set(seen) | {pid}
    leaked_shm = sorted(n for n in after
                        if SHM_RE.match(n) and int(SHM_RE.match(n).group(1)) in tree)
    new_shm = sorted(after - before)

    return analyse(label, {
        "label": label,
        "argv": argv,
        "pid": pid,
        "exit_status": status,
        "killed_at_deadline": killed,
        "wall_s": round(wall, 1),
        "rounds": rounds,
        "round_order_errors": order_errors,
        "done": done,
        "other_stdout": other[-20:],
        "stderr_tail": stderr.splitlines()[-20:],
        "samples": samples,
        "quiet": quiet,
        "children_seen": len(seen),
        "leftover_processes": leftover,
        "leaked_shm": leaked_shm,
        "new_shm_any_process": new_shm,
    }, args)


def analyse(label, r, args):
    samples = r["samples"]
    warm = args.warmup
    post = [s for s in samples if s["t"] >= warm] or samples[len(samples) // 2:]
    rss = [s["rss_kib"] for s in post]
    first_w = [s["rss_kib"] for s in post if s["t"] < post[0]["t"] + args.window] if post else []
    last_w = [s["rss_kib"] for s in post if s["t"] > post[-1]["t"] - args.window] if post else []
    between = [q for q in r["quiet"] if q["round"] != "done"]
    quiet = [q for q in between if q["t"] >= warm] or between
    q0 = quiet[0] if quiet else None
    q1 = quiet[-1] if quiet else None
    statuses = [st for st, _ in r["rounds"].values()]
    n_rounds = len(statuses)
    n_ok = statuses.count("ok")
    a = {
        "rounds": n_rounds,
        "rounds_ok": n_ok,
        "rounds_failed": n_rounds - n_ok,
        "samples_total": len(samples),
        "samples_post_warmup": len(post),
        "rss_start_kib": rss[0] if rss else None,
        "rss_median_kib": statistics.median(rss) if rss else None,
        "rss_max_kib": max(rss) if rss else None,
        "rss_end_kib": rss[-1] if rss else None,
        "rss_first_window_kib": mean(first_w),
        "rss_last_window_kib": mean(last_w),
        "rss_slope_kib_per_min": None,
        "rss_slope_se": None,
        "rss_quiet_slope_kib_per_min": None,
        "rss_quiet_slope_se": None,
        "rss_peak_kib": max((s["rss_kib"] for s in samples), default=None),
        "children_rss_max_kib": max((s["children_rss_kib"] for s in samples), default=None),
        "threads_start": q0["threads"] if q0 else None,
        "threads_end": q1["threads"] if q1 else None,
        "threads_max_sampled": max((s["threads"] for s in samples), default=None),
        "fds_start": q0["fds"] if q0 else None,
        "fds_end": q1["fds"] if q1 else None,
        "fds_max_sampled": max((s["fds"] for s in samples), default=None),
        "children_start": q0["children"] if q0 else None,
        "children_end": q1["children"] if q1 else None,
        "children_max_sampled": max((s["children"] for s in samples), default=None),
        "shm_maps_start": q0["shm_maps"] if q0 else None,
        "shm_maps_end": q1["shm_maps"] if q1 else None,
    }
    a["rss_slope_kib_per_min"], a["rss_slope_se"] = slope_per_min(
        [(s["t"], s["rss_kib"]) for s in post])
    a["rss_quiet_slope_kib_per_min"], a["rss_quiet_slope_se"] = slope_per_min(
        [(q["t"], q["rss_kib"]) for q in quiet])
    growth = None
    if a["rss_first_window_kib"]:
        growth = 100.0 * (a["rss_last_window_kib"] / a["rss_first_window_kib"] - 1.0)
    a["rss_window_growth_pct"] = growth
    r["analysis"] = a
    r["failed_lines"] = [line for st, line in r["rounds"].values() if st == "FAIL"][:50]

    checks = []

    def check(name, ok, detail):
        checks.append({"check": name, "ok": bool(ok), "detail": detail})

    check("exit status 0", r["exit_status"] == 0,
          "status %s%s" % (r["exit_status"], " (killed at the deadline)" if r["killed_at_deadline"] else ""))
    check("done line", r["done"] is not None and r["done"][0] == n_rounds
          and r["done"][2] == n_rounds - n_ok,
          "done=%s, %d round lines" % (r["done"], n_rounds))
    check("rounds ran", n_rounds >= 1, "%d rounds" % n_rounds)
    check("every round ok", n_ok == n_rounds and not r["round_order_errors"],
          "%d failed%s" % (n_rounds - n_ok,
                           "; " + ", ".join(r["round_order_errors"][:3]) if r["round_order_errors"] else ""))
    if args.memory_checks:
        # Between rounds every sample is taken at the same point of a round, so their slope is
        # the precise one; the periodic samples land anywhere in a round (a few hundred KiB of
        # noise), so theirs must only not be significantly (2 standard errors) above the limit.
        ql, qse = a["rss_quiet_slope_kib_per_min"], a["rss_quiet_slope_se"]
        check("rss slope between rounds", ql is not None and ql <= args.max_slope,
              "%s +- %s KiB/min (max %g)" % (fmt(ql, 1), fmt(qse, 1), args.max_slope))
        sl, se = a["rss_slope_kib_per_min"], a["rss_slope_se"]
        check("rss slope of the samples", sl is not None and sl - 2 * se <= args.max_slope,
              "%s +- %s KiB/min (max %g + 2 s.e.)" % (fmt(sl, 1), fmt(se, 1), args.max_slope))
        check("rss end vs first window", growth is not None and growth <= args.max_growth,
              "%s%% (max %g%%)" % (fmt(growth, 2), args.max_growth))
        check("threads back to baseline", q0 is not None and q1["threads"] <= q0["threads"],
              "%s -> %s" % (a["threads_start"], a["threads_end"]))
        check("fds back to baseline", q0 is not None and q1["fds"] <= q0["fds"],
              "%s -> %s" % (a["fds_start"], a["fds_end"]))
        check("no children between rounds", q1 is not None and q1["children"] == 0,
              "%s at the end" % a["children_end"])
        check("shm mappings back to baseline",
              q0 is not None and (q1["shm_maps"] or 0) <= (q0["shm_maps"] or 0),
              "%s -> %s" % (a["shm_maps_start"], a["shm_maps_end"]))
    check("no leaked shm files", not r["leaked_shm"], ", ".join(r["leaked_shm"][:5]) or "none")
    check("no leftover processes", not r["leftover_processes"],
          ", ".join(map(str, r["leftover_processes"][:5])) or "none")
    r["checks"] = checks
    r["pass"] = all(c["ok"] for c in checks)
    return r


def fmt(x, digits=0):
    if x is None:
        return "-"
    if isinstance(x, float):
        return "%.*f" % (digits, x)
    return str(x)


def report(results, compare, args):
    labels = [r["label"] for r in results]
    rows = [
        ("wall s", "wall_s", None),
        ("exit status", "exit_status", None),
        ("rounds run", "rounds", "a"),
        ("rounds ok", "rounds_ok", "a"),
        ("rounds failed", "rounds_failed", "a"),
        ("samples (post warm-up)", "samples_post_warmup", "a"),
        ("rss start KiB", "rss_start_kib", "a"),
        ("rss median KiB", "rss_median_kib", "a"),
        ("rss max KiB", "rss_max_kib", "a"),
        ("rss end KiB", "rss_end_kib", "a"),
        ("rss first window KiB", "rss_first_window_kib", "a"),
        ("rss last window KiB", "rss_last_window_kib", "a"),
        ("rss window growth %", "rss_window_growth_pct", "a"),
        ("rss slope KiB/min", ("rss_slope_kib_per_min", "rss_slope_se"), "a"),
        ("rss slope between rounds", ("rss_quiet_slope_kib_per_min", "rss_quiet_slope_se"), "a"),
        ("children rss max KiB", "children_rss_max_kib", "a"),
        ("threads start -> end", ("threads_start", "threads_end"), "a"),
        ("threads max sampled", "threads_max_sampled", "a"),
        ("fds start -> end", ("fds_start", "fds_end"), "a"),
        ("fds max sampled", "fds_max_sampled", "a"),
        ("children start -> end", ("children_start", "children_end"), "a"),
        ("children max sampled", "children_max_sampled", "a"),
        ("children seen by sampling", "children_seen", None),
        ("shm maps start -> end", ("shm_maps_start", "shm_maps_end"), "a"),
    ]
    w0 = max(len(r[0]) for r in rows) + 2
    w = max(14, max(len(l) for l in labels) + 2)
    print()
    print("".ljust(w0) + "".join(l.rjust(w) for l in labels))
    for name, key, where in rows:
        cells = []
        for r in results:
            src = r["analysis"] if where == "a" else r
            if isinstance(key, tuple) and key[1].endswith("_se"):
                cells.append("%s +- %s" % (fmt(src[key[0]], 1), fmt(src[key[1]], 1)))
            elif isinstance(key, tuple):
                cells.append("%s -> %s" % (fmt(src[key[0]]), fmt(src[key[1]])))
            else:
                v = src[key]
                cells.append(fmt(v, 1 if isinstance(v, float) else 0))
        print(name.ljust(w0) + "".join(c.rjust(w) for c in cells))
    print()
    for r in results:
        print("%s checks:" % r["label"])
        for c in r["checks"]:
            print("  %-4s %-32s %s" % ("ok" if c["ok"] else "FAIL", c["check"], c["detail"]))
        if r["stderr_tail"]:
            print("  stderr (last lines):")
            for line in r["stderr_tail"][-10:]:
                print("    " + line)
        if r["other_stdout"]:
            print("  other stdout (last lines):")
            for line in r["other_stdout"][-5:]:
                print("    " + line)
    if compare is not None:
        print("round lines, %s vs %s: %d rounds compared, %d differ" % (
            labels[0], labels[1], compare["compared"], len(compare["differ"])))
        for n, a, b in compare["differ"][:5]:
            print("  round %d\n    %s\n    %s" % (n, a, b))
    verdict = all(r["pass"] for r in results) and (compare is None or not compare["differ"])
    print()
    print("soak %s: %s" % ("PASS" if verdict else "FAIL", ", ".join(
        "%s %d rounds" % (r["label"], r["analysis"]["rounds"]) for r in results)))
    return verdict


def main():
    ap = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Build gilvm first: `cargo build --release` (this script builds nothing). "
               "Thresholds and what is checked: docs/soak.md.",
    )
    ap.add_argument("--minutes", type=float, default=10.0, help="how long to run (default 10)")
    ap.add_argument("--gilvm", default=os.path.join(ROOT, "target", "release", "gilvm"),
                    help="the gilvm binary (default target/release/gilvm)")
    ap.add_argument("--python", default=None, metavar="PYTHON",
                    help="also run the workload under this CPython afterwards, as a baseline "
                         "(its RSS is shown alongside; its round lines must equal gilvm's)")
    ap.add_argument("--python-minutes", type=float, default=None,
                    help="length of the CPython run (default: --minutes)")
    ap.add_argument("--sample-seconds", type=float, default=5.0,
                    help="sampling period (default 5)")
    ap.add_argument("--warmup", type=float, default=None, metavar="SECONDS",
                    help="samples before this are not judged (default: 20%% of the run, at "
                         "most 60 s)")
    ap.add_argument("--window", type=float, default=None, metavar="SECONDS",
                    help="first/last window compared (default: 10%% of the run, at least "
                         "3 samples, at most 60 s)")
    ap.add_argument("--max-slope", type=float, default=128.0, metavar="KIB_PER_MIN",
                    help="largest RSS slope allowed after the warm-up (default 128 KiB/min)")
    ap.add_argument("--max-growth", type=float, default=10.0, metavar="PCT",
                    help="largest growth of the last window over the first (default 10%%)")
    ap.add_argument("--malloc-arena-max", type=int, default=0, metavar="N",
                    help="run with MALLOC_ARENA_MAX=N (glibc): tells the slow, bounded growth "
                         "of malloc's per-thread arenas from a leak (default: unset)")
    ap.add_argument("--pause", type=float, default=0.2,
                    help="quiet pause after each round, seconds (default 0.2)")
    ap.add_argument("--grace", type=float, default=180.0,
                    help="seconds past the end a run may take before it is killed (default 180)")
    ap.add_argument("--progress", type=float, default=30.0, metavar="SECONDS",
                    help="print a progress line this often (0: never; default 30)")
    ap.add_argument("--json", metavar="FILE", help="write every sample and figure as JSON")
    args = ap.parse_args()

    if args.minutes <= 0 or args.sample_seconds <= 0:
        ap.error("--minutes and --sample-seconds must be positive")
    seconds = args.minutes * 60.0
    if not os.path.exists("/proc/self/status"):
        ap.error("needs Linux /proc")
    gilvm = os.path.abspath(args.gilvm)
    if not os.access(gilvm, os.X_OK):
        ap.error("%s is not an executable: run `cargo build --release` first" % args.gilvm)

    def defaults_for(secs):
        warm = args.warmup if args.warmup is not None else min(60.0, 0.2 * secs)
        win = args.window if args.window is not None else min(
            60.0, max(0.1 * secs, 3 * args.sample_seconds))
        return warm, win

    results = []
    args.warmup, args.window = defaults_for(seconds)
    args.memory_checks = True
    print("soak: %s for %.1f min (samples every %g s, warm-up %g s, window %g s%s)" % (
        args.gilvm, args.minutes, args.sample_seconds, args.warmup, args.window,
        ", MALLOC_ARENA_MAX=%d" % args.malloc_arena_max if args.malloc_arena_max else ""),
        flush=True)
    results.append(run("gilvm", [gilvm, "run", WORKLOAD, "%g" % seconds, "%g" % args.pause],
                       seconds, args))
    compare = None
    if args.python:
        psecs = (args.python_minutes if args.python_minutes is not None else args.minutes) * 60
        args.warmup, args.window = defaults_for(psecs)
        # CPython is a baseline: its figures are shown, its memory is not judged
        args.memory_checks = False
        print("soak: %s for %.1f min (baseline)" % (args.python, psecs / 60), flush=True)
        results.append(run("python", [args.python, WORKLOAD, "%g" % psecs, "%g" % args.pause],
                           psecs, args))
        a, b = results[0]["rounds"], results[1]["rounds"]
        common = sorted(set(a) & set(b))
        compare = {"compared": len(common),
                   "differ": [(n, a[n][1], b[n][1]) for n in common if a[n][1] != b[n][1]]}
    verdict = report(results, compare, args)
    if args.json:
        out = {
            "schema": "gilvm-soak/1",
            "minutes": args.minutes,
            "sample_seconds": args.sample_seconds,
            "thresholds": {"max_slope_kib_per_min": args.max_slope,
                           "max_growth_pct": args.max_growth},
            "malloc_arena_max": args.malloc_arena_max or None,
            "pass": verdict,
            "compare": compare,
            "runs": [],
        }
        for r in results:
            r = dict(r)
            r["rounds"] = {str(n): st for n, (st, _) in r["rounds"].items()}
            out["runs"].append(r)
        with open(args.json, "w") as f:
            json.dump(out, f, indent=1)
        print("wrote %s" % args.json)
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())
