#!/usr/bin/env python3
"""Check that every differential case and program is deterministic under python3.

Runs each tests/cases/**/*.py and programs/*.py (a directory holding a main.py is one case:
its main.py, run with -E -s -B so that its own modules are found) twice with different PYTHONHASHSEED values
(cwd = the file's directory, stdin from NAME.stdin, arguments from NAME.args with {tmp} replaced
by a fresh directory, the way tests/differential.rs runs them) and reports any case whose stdout
or exit status differs between the runs, or that takes suspiciously long.

Usage: scripts/check_cases.py [SUBSTRING]   (only paths containing SUBSTRING)
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(path, seed):
    stdin_file = path.with_suffix(".stdin")
    args_file = path.with_suffix(".args")
    stdin = stdin_file.read_bytes() if stdin_file.exists() else b""
    with tempfile.TemporaryDirectory() as tmp:
        args = args_file.read_text().split() if args_file.exists() else []
        args = [a.replace("{tmp}", tmp) for a in args]
        env = dict(os.environ, PYTHONHASHSEED=str(seed))
        start = time.perf_counter()
        flags = ["-E", "-s", "-B"] if path.name == "main.py" else []
        proc = subprocess.run(
            [sys.executable, *flags, "-X", "utf8", path.name, *args],
            cwd=path.parent,
            input=stdin,
            capture_output=True,
            env=env,
            timeout=60,
        )
        elapsed = time.perf_counter() - start
    return proc.returncode, proc.stdout, elapsed


def main():
    pattern = sys.argv[1] if len(sys.argv) > 1 else ""
    folders = [m.parent for m in (ROOT / "tests" / "cases").rglob("main.py")]
    folders += [m.parent for m in (ROOT / "programs").glob("*/main.py")]

    def in_folder(f):
        return f.name != "main.py" and any(d in f.parents for d in folders)

    files = sorted((ROOT / "tests" / "cases").rglob("*.py")) + sorted((ROOT / "programs").glob("*.py"))
    files += sorted(d / "main.py" for d in folders if d.parent == ROOT / "programs")
    files = [f for f in files if not in_folder(f)]
    files = [f for f in files if pattern in str(f.relative_to(ROOT))]
    bad = 0
    for path in files:
        rel = path.relative_to(ROOT)
        a = run(path, 1)
        b = run(path, 12345)
        if a[:2] != b[:2]:
            bad += 1
            print(f"NONDETERMINISTIC {rel}: status {a[0]} vs {b[0]}")
        elif a[2] > 2.0 and "programs" not in rel.parts:
            print(f"SLOW {rel}: {a[2]:.2f}s")
    print(f"{len(files) - bad} of {len(files)} files are deterministic under {sys.executable}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
