"""Audit a small project tree: the everyday file-handling modules working together.

Builds a scratch project (pathlib) inside a tempfile.TemporaryDirectory, walks it with
os.walk and Path.rglob, counts files and lines per suffix, finds the largest files and the
empty directories, backs the tree up with shutil.copytree (skipping caches), checks the copy
against the original (os.stat sizes, filecmp-style byte comparison), archives a manifest with
tempfile.NamedTemporaryFile, prunes with shutil.rmtree, and prints a deterministic report
(relative names only, sorted). Optional argument: how many modules the generated package has.
"""

import os
import shutil
import stat
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

MODULES = int(sys.argv[1]) if len(sys.argv) > 1 else 12


def build(root):
    """Write a deterministic project under `root`."""
    (root / "src" / "app").mkdir(parents=True)
    (root / "tests").mkdir()
    (root / "docs" / "guide").mkdir(parents=True)
    (root / "build" / "cache").mkdir(parents=True)
    (root / "empty" / "nested").mkdir(parents=True)
    (root / "README.md").write_text("# Project\n\nA demo.\n")
    (root / "setup.cfg").write_text("[metadata]\nname = app\n")
    (root / "src" / "app" / "__init__.py").write_text("")
    for i in range(MODULES):
        body = "".join("def f{0}_{1}(x):\n    return x * {1}\n\n".format(i, j) for j in range(i % 5 + 1))
        (root / "src" / "app" / "mod{:02d}.py".format(i)).write_text(body)
        (root / "tests" / "test_mod{:02d}.py".format(i)).write_text(
            "from app import mod{0:02d}\n\n\ndef test():\n    assert mod{0:02d}.f{0}_0(1) == 0\n".format(i))
    for name in ("intro", "usage", "faq"):
        (root / "docs" / "guide" / (name + ".md")).write_text(
            "## {}\n\n".format(name.title()) + "text line\n" * len(name))
    for i in range(3):
        (root / "build" / "cache" / "blob{}.bin".format(i)).write_bytes(bytes(range(256)) * (i + 1))
    os.symlink("README.md", root / "README.link")


def count_lines(path):
    with open(path, "rb") as f:
        return f.read().count(b"\n")


def audit(root):
    per_suffix = defaultdict(lambda: [0, 0])
    sizes = []
    empty_dirs = []
    links = []
    for top, dirs, files in os.walk(root):
        dirs.sort()
        rel_top = os.path.relpath(top, root)
        if not dirs and not files:
            empty_dirs.append(rel_top)
        for name in sorted(files):
            full = os.path.join(top, name)
            rel = os.path.relpath(full, root)
            st = os.lstat(full)
            if stat.S_ISLNK(st.st_mode):
                links.append((rel, os.readlink(full)))
                continue
            suffix = os.path.splitext(name)[1] or "(none)"
            per_suffix[suffix][0] += 1
            per_suffix[suffix][1] += count_lines(full)
            sizes.append((st.st_size, rel))
    return per_suffix, sizes, empty_dirs, links


def same_tree(a, b):
    """Every regular file under `a` exists under `b` with the same bytes."""
    differing = []
    for p in sorted(a.rglob("*")):
        if p.is_file() and not p.is_symlink():
            q = b / p.relative_to(a)
            if not q.is_file() or q.stat().st_size != p.stat().st_size or q.read_bytes() != p.read_bytes():
                differing.append(p.relative_to(a).as_posix())
    return differing


def main():
    with tempfile.TemporaryDirectory(prefix="audit_") as tmp:
        tmp = Path(tmp)
        root = tmp / "project"
        build(root)

        per_suffix, sizes, empty_dirs, links = audit(root)
        print("== files and lines per suffix")
        for suffix in sorted(per_suffix):
            files, lines = per_suffix[suffix]
            print("{:8} {:3} files {:5} lines".format(suffix, files, lines))
        total_files = sum(v[0] for v in per_suffix.values())
        total_lines = sum(v[1] for v in per_suffix.values())
        print("{:8} {:3} files {:5} lines".format("total", total_files, total_lines))

        print("== largest files")
        for size, rel in sorted(sizes, key=lambda t: (-t[0], t[1]))[:4]:
            print("{:6} {}".format(size, rel))
        print("== empty directories:", empty_dirs)
        print("== symbolic links:", links)

        py_files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.py"))
        print("== python files:", len(py_files), "first", py_files[0], "last", py_files[-1])
        print("== docs:", sorted(p.name for p in (root / "docs").glob("**/*.md")))

        backup = tmp / "backup"
        shutil.copytree(root, backup, symlinks=True, ignore=shutil.ignore_patterns("build", "*.bin"))
        print("== backup has build:", (backup / "build").exists(),
              "link kept:", (backup / "README.link").is_symlink())
        print("== backup differs in:", same_tree(root, backup))
        (backup / "setup.cfg").write_text("[metadata]\nname = changed\n")
        print("== after an edit, backup differs in:", same_tree(root, backup))

        with tempfile.NamedTemporaryFile("w+", dir=tmp, suffix=".manifest", delete=False) as mf:
            for rel in py_files:
                mf.write(rel + "\n")
            manifest = Path(mf.name)
        print("== manifest lines:", len(manifest.read_text().splitlines()), "suffix", manifest.suffix)
        archive = tmp / "archive"
        archive.mkdir()
        moved = shutil.move(str(manifest), str(archive))
        print("== manifest moved into:", Path(moved).parent.name, "exists at old place:", manifest.exists())

        shutil.rmtree(root / "build")
        for d in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
            if not any(d.iterdir()):
                d.rmdir()
        print("== after pruning:", sorted(p.name for p in root.iterdir()))
        usage = shutil.disk_usage(tmp)
        print("== disk usage sane:", usage.total >= usage.used and usage.free > 0)
        kept = tmp
    print("== scratch removed:", not kept.exists())


if __name__ == "__main__":
    main()
