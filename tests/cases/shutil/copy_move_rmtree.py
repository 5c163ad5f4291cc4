# shutil: copyfileobj, copyfile, copy/copy2 (mode, times), copymode/copystat, copytree (ignore,
# dirs_exist_ok, symlinks), rmtree (onerror, ignore_errors), move (rename and across names),
# which, disk_usage, ignore_patterns, and the errors (SameFileError, FileNotFoundError...).
import io
import os
import shutil
import stat
import sys

base = os.path.join(sys.argv[1], "shcase")
os.mkdir(base)
os.chdir(base)


def tree(top):
    out = []
    for root, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted(dirs + files):
            p = os.path.join(root, name)
            kind = "L" if os.path.islink(p) else "D" if os.path.isdir(p) else "F"
            out.append(kind + " " + os.path.relpath(p, top))
    return out


src = io.BytesIO(b"abc" * 1000)
dst = io.BytesIO()
shutil.copyfileobj(src, dst, 7)
print(len(dst.getvalue()), dst.getvalue()[:6])

os.makedirs("src/sub/deep")
for name, text in [("src/a.txt", "alpha\n"), ("src/b.py", "print(1)\n"), ("src/sub/c.txt", "gamma\n"),
                   ("src/sub/deep/d.log", "log\n"), ("src/sub/deep/e.pyc", "x")]:
    with open(name, "w") as f:
        f.write(text)
os.symlink("a.txt", "src/link")
os.chmod("src/b.py", 0o755)
os.utime("src/b.py", (1_000_000_000, 1_000_000_000))

print(shutil.copyfile("src/a.txt", "copied.txt"), open("copied.txt").read().strip())
print(shutil.copy("src/b.py", "."), oct(os.stat("b.py").st_mode & 0o777), os.stat("b.py").st_mtime != 1e9)
os.mkdir("dest")
print(shutil.copy2("src/b.py", "dest"), os.stat("dest/b.py").st_mtime, oct(os.stat("dest/b.py").st_mode & 0o777))
shutil.copymode("src/a.txt", "dest/b.py")
print(oct(os.stat("dest/b.py").st_mode & 0o777))
shutil.copystat("src/b.py", "copied.txt")
print(os.stat("copied.txt").st_mtime, oct(stat.S_IMODE(os.stat("copied.txt").st_mode)))

print(shutil.copytree("src", "tree1"))
print(tree("tree1"))
shutil.copytree("src", "tree2", symlinks=True, ignore=shutil.ignore_patterns("*.pyc", "*.log"))
print(tree("tree2"))
shutil.copytree("src/sub", "tree2", dirs_exist_ok=True)
print(tree("tree2"))
try:
    shutil.copytree("src", "tree1")
except FileExistsError as e:
    print(type(e).__name__, e)

print(shutil.move("tree1", "moved"), os.path.exists("tree1"), tree("moved")[:2])
print(shutil.move("copied.txt", "dest"), sorted(os.listdir("dest")))
print(shutil.move("dest/copied.txt", "renamed.txt"), os.path.exists("renamed.txt"))

try:
    shutil.copyfile("renamed.txt", "renamed.txt")
except shutil.SameFileError as e:
    print(type(e).__name__, e, isinstance(e, OSError))
for call in [lambda: shutil.copyfile("missing.txt", "x"), lambda: shutil.copy("src", "x"),
             lambda: shutil.rmtree("missing"), lambda: shutil.rmtree("renamed.txt")]:
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e)

seen = []
shutil.rmtree("missing", onerror=lambda func, path, info: seen.append((func.__name__, path, info[0].__name__)))
print(seen)
shutil.rmtree("missing", ignore_errors=True)
shutil.rmtree("moved")
shutil.rmtree("tree2")
print(sorted(os.listdir(".")))

print(shutil.which("sh") is not None, shutil.which("no-such-program-here"))
os.chmod("b.py", 0o755)
print(shutil.which("b.py", path=os.getcwd()) == os.path.join(os.getcwd(), "b.py"), shutil.which("renamed.txt", path="."))
usage = shutil.disk_usage(".")
print(type(usage).__name__, usage.total >= usage.used >= 0, usage.free > 0, len(usage))

os.chdir("..")
shutil.rmtree("shcase")
print(os.listdir("."))
