# os: makedirs/removedirs/rmdir/rename/replace, scandir/DirEntry, walk (topdown, onerror),
# stat/lstat as os.stat_result, chmod, utime, symlink/readlink/link, access, and the errors.
import os
import stat
import sys

base = os.path.join(sys.argv[1], "osfiles")
os.mkdir(base)
os.chdir(base)

os.makedirs("a/b/c")
os.makedirs("a/b/c", exist_ok=True)
try:
    os.makedirs("a/b")
except FileExistsError as e:
    print(type(e).__name__, e, e.errno, e.filename)
for name, text in [("a/one.txt", "1\n"), ("a/b/two.py", "x = 2\n"), ("a/b/c/three.md", "# 3\n"),
                   ("top.txt", "hello world\n")]:
    with open(name, "w") as f:
        f.write(text)

with os.scandir("a") as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(e.name, e.path, e.is_file(), e.is_dir(), e.is_symlink(), os.fspath(e) == e.path)
print(repr(entries[0]))
print(entries[1].stat().st_size, entries[1].stat(follow_symlinks=False).st_size)
print(sorted(e.name for e in os.scandir()))

for top, dirs, files in os.walk("a"):
    dirs.sort()
    print(top, dirs, sorted(files))
print([t for t, d, f in os.walk("a", topdown=False)])
for top, dirs, files in os.walk("a"):
    if "b" in dirs:
        dirs.remove("b")
    print("pruned", top, dirs)
errors = []
print(list(os.walk("missing", onerror=errors.append)))
print(type(errors[0]).__name__, errors[0].filename)

st = os.stat("top.txt")
print(type(st).__name__, st.st_size, st[stat.ST_SIZE], len(st), stat.S_ISREG(st.st_mode),
      stat.S_ISDIR(os.stat("a").st_mode), isinstance(st, tuple))
print(type(st.st_mtime).__name__, type(st[stat.ST_MTIME]).__name__, st.st_mtime_ns > 0)
os.utime("top.txt", (1000000000, 1500000000.25))
st = os.stat("top.txt")
print(st.st_atime, st.st_mtime, st[8], st.st_mtime_ns)
os.utime("top.txt", ns=(5 * 10**9, 7 * 10**9 + 5))
print(os.stat("top.txt").st_mtime_ns, os.path.getmtime("top.txt"))
os.chmod("top.txt", 0o640)
print(oct(stat.S_IMODE(os.stat("top.txt").st_mode)), stat.filemode(os.stat("top.txt").st_mode))
print(os.access("top.txt", os.R_OK), os.access("nope", os.F_OK))

os.symlink("top.txt", "link.txt")
print(os.readlink("link.txt"), os.path.islink("link.txt"), os.path.islink("top.txt"))
print(stat.S_ISLNK(os.lstat("link.txt").st_mode), stat.S_ISREG(os.stat("link.txt").st_mode))
print(os.stat("link.txt", follow_symlinks=False).st_mode == os.lstat("link.txt").st_mode)
link = [e for e in os.scandir(".") if e.name == "link.txt"][0]
print(link.is_symlink(), link.is_file(), link.is_file(follow_symlinks=False))
os.link("top.txt", "hard.txt")
print(os.stat("hard.txt").st_nlink, os.path.samefile("top.txt", "hard.txt"),
      os.stat("top.txt").st_ino == os.stat("hard.txt").st_ino)

os.rename("hard.txt", "renamed.txt")
os.replace("renamed.txt", "a/one.txt")
with open("a/one.txt") as f:
    print(f.read().strip())
os.renames("a/b/c/three.md", "x/y/three.md")
print(os.path.exists("a/b/c"), os.path.isfile("x/y/three.md"))

for call in [lambda: os.stat("nope"), lambda: os.rmdir("a"), lambda: os.mkdir("a"),
             lambda: os.listdir("top.txt"), lambda: open("a"), lambda: os.remove("nope"),
             lambda: os.rename("nope", "other"), lambda: os.readlink("top.txt"),
             lambda: os.symlink("top.txt", "link.txt"), lambda: os.link("nope", "z")]:
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e, e.errno, e.filename, getattr(e, "filename2", None))
try:
    os.stat(3.5)
except TypeError as e:
    print(e)

for root, dirs, files in os.walk(".", topdown=False):
    for f in files:
        os.remove(os.path.join(root, f))
    for d in dirs:
        os.rmdir(os.path.join(root, d))
os.chdir("..")
os.rmdir("osfiles")
os.makedirs("p/q/r")
os.removedirs("p/q/r")
print(os.listdir("."))
