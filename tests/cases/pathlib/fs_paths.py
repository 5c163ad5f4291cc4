# pathlib's concrete paths on a scratch tree: mkdir(parents, exist_ok), write/read text and
# bytes, open, iterdir, glob/rglob, exists/is_file/is_dir/is_symlink, stat, touch, rename,
# replace, unlink(missing_ok), rmdir, resolve, absolute, samefile, cwd/home, and the errors.
import os
import sys
from pathlib import Path

base = Path(sys.argv[1]) / "plcase"
base.mkdir()
os.chdir(base)
root = Path("tree")
(root / "src" / "pkg").mkdir(parents=True)
(root / "src" / "pkg").mkdir(parents=True, exist_ok=True)
try:
    (root / "src").mkdir()
except FileExistsError as e:
    print(type(e).__name__, e)
try:
    Path("no/such/dir").mkdir()
except FileNotFoundError as e:
    print(type(e).__name__, e)

print((root / "README.md").write_text("# readme\nline two\n"))
print((root / "src" / "main.py").write_text("print('hi')\n"))
print((root / "src" / "pkg" / "__init__.py").write_text(""))
print((root / "src" / "pkg" / "util.py").write_text("def f():\n    return 1\n"))
print((root / "data.bin").write_bytes(b"\x00\x01\x02"))
print((root / "README.md").read_text().splitlines(), (root / "data.bin").read_bytes())
with (root / "notes.txt").open("w") as f:
    f.write("a\nb\n")
with (root / "notes.txt").open() as f:
    print(f.readlines())
with (root / "notes.txt").open("a") as f:
    f.write("c\n")
print((root / "notes.txt").read_text().count("\n"))

print(sorted(p.name for p in root.iterdir()))
print(sorted(str(p) for p in root.glob("*.md")), sorted(str(p) for p in root.glob("src/*")))
print(sorted(str(p) for p in root.rglob("*.py")))
print(sorted(str(p) for p in root.glob("**/*.py")))
print(sorted(str(p) for p in root.glob("**")))
print(sorted(p.relative_to(root).as_posix() for p in root.rglob("*")))

print(root.exists(), root.is_dir(), root.is_file(), (root / "README.md").is_file(), Path("nope").exists())
print((root / "data.bin").stat().st_size, (root / "README.md").stat().st_size)
(root / "link.md").symlink_to("README.md")
print((root / "link.md").is_symlink(), (root / "link.md").is_file(), (root / "link.md").readlink())
print((root / "link.md").lstat().st_size != (root / "link.md").stat().st_size)
print((root / "link.md").resolve() == (root / "README.md").resolve(), (root / "link.md").samefile(root / "README.md"))
print(root.resolve() == Path.cwd() / "tree", root.absolute() == Path(os.getcwd()) / "tree", root.resolve().is_absolute())
print(Path.home() == Path(os.path.expanduser("~")), Path("~/x").expanduser() == Path.home() / "x")

(root / "empty.txt").touch()
(root / "empty.txt").touch()
print((root / "empty.txt").stat().st_size)
try:
    (root / "empty.txt").touch(exist_ok=False)
except FileExistsError as e:
    print(type(e).__name__, e)
moved = (root / "empty.txt").rename(root / "moved.txt")
print(repr(moved), moved.exists(), (root / "empty.txt").exists())
print(repr((root / "notes.txt").replace(root / "moved.txt")), (root / "moved.txt").read_text().split())
(root / "moved.txt").chmod(0o600)
print(oct((root / "moved.txt").stat().st_mode & 0o777))
(root / "moved.txt").unlink()
(root / "moved.txt").unlink(missing_ok=True)
try:
    (root / "moved.txt").unlink()
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    (root / "src").rmdir()
except OSError as e:
    print(type(e).__name__, e)
try:
    (root / "nothing.txt").read_text()
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    (root / "src").read_text()
except IsADirectoryError as e:
    print(type(e).__name__, e)
print(open(root / "README.md").readline().strip(), os.path.getsize(root / "data.bin"))

for p in sorted(root.rglob("*"), key=lambda p: len(p.parts), reverse=True):
    if p.is_dir() and not p.is_symlink():
        p.rmdir()
    else:
        p.unlink()
root.rmdir()
os.chdir("..")
base.rmdir()
print(os.listdir("."))
