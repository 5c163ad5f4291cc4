# os.environ is a mapping that writes through to the process environment (child processes see
# it); getenv/putenv/unsetenv; the constants; os.path's pure functions; fspath and PathLike.
import os
import subprocess
import sys

os.environ["GILVM_CASE_X"] = "value one"
print(os.environ["GILVM_CASE_X"], os.getenv("GILVM_CASE_X"), "GILVM_CASE_X" in os.environ)
out = subprocess.run([sys.executable, "-c", "import os; print(os.environ.get('GILVM_CASE_X'))"],
                     capture_output=True, text=True)
print(out.stdout.strip())
print(subprocess.run(["sh", "-c", "echo $GILVM_CASE_X"], capture_output=True, text=True).stdout.strip())
del os.environ["GILVM_CASE_X"]
print(os.getenv("GILVM_CASE_X"), os.getenv("GILVM_CASE_X", "dflt"), os.environ.get("GILVM_CASE_X"))
print(subprocess.run(["sh", "-c", "echo [$GILVM_CASE_X]"], capture_output=True, text=True).stdout.strip())
try:
    os.environ["GILVM_CASE_X"]
except KeyError as e:
    print("KeyError", e)
try:
    os.environ["GILVM_CASE_Y"] = 3
except TypeError as e:
    print(e)
os.environ.setdefault("GILVM_CASE_Z", "zed")
os.environ.update({"GILVM_CASE_W": "w"})
print(os.environ.pop("GILVM_CASE_Z"), os.environ.pop("GILVM_CASE_W"), "GILVM_CASE_Z" in os.environ)
os.putenv("GILVM_CASE_P", "put")
print(subprocess.run(["sh", "-c", "echo $GILVM_CASE_P"], capture_output=True, text=True).stdout.strip())
os.unsetenv("GILVM_CASE_P")
print(subprocess.run(["sh", "-c", "echo [$GILVM_CASE_P]"], capture_output=True, text=True).stdout.strip())
print(type(os.environ.copy()).__name__, isinstance(os.environ.keys(), type({}.keys())) or True)
print(sorted(k for k in os.environ if k == "PATH"), len(os.environ) == len(dict(os.environ)))

print(os.sep, os.pathsep, repr(os.linesep), os.devnull, os.curdir, os.pardir, os.extsep, os.name)
print(type(os.getpid()).__name__, os.getpid() > 0, os.getppid() > 0, os.getuid() >= 0)

p = os.path
print(p.join("a", "b", "/c", "d"), p.join("a/", "b"), p.split("/x/y/z.tar.gz"))
print(p.splitext("archive.tar.gz"), p.splitext(".bashrc"), p.splitext("a/b.c/d"))
print(p.basename("/a/b/"), p.dirname("/a/b/c"), p.isabs("/a"), p.isabs("a"))
print(p.normpath("a//b/./c/../d"), p.normpath("/../x"), p.normpath(""))
print(p.relpath("/a/b/c/d", "/a/b"), p.relpath("/a/x", "/a/b/c"), p.relpath("a/b", "a"))
print(p.commonpath(["/usr/lib", "/usr/local/lib"]), p.commonprefix(["interstellar", "internet"]))
try:
    p.commonpath(["/a", "b"])
except ValueError as e:
    print(e)
home = os.environ["HOME"]
print(p.expanduser("~/x") == home + "/x", p.expanduser("x~"), p.expandvars("$HOME/q") == home + "/q")
print(p.abspath("x/../y") == p.join(os.getcwd(), "y"), p.realpath("/") == "/")
print(p.exists("/"), p.isdir("/"), p.isfile("/"), p.exists("/no/such/thing"), p.getsize(os.devnull))
print(p.splitdrive("/a/b"), p.normcase("AbC"), p.ismount("/"))


class Spot:
    def __init__(self, where):
        self.where = where

    def __fspath__(self):
        return self.where


print(os.fspath(Spot("q/r")), os.fspath("s"), os.fspath(b"t"), p.join(Spot("u"), "v"))
print(isinstance(Spot("x"), os.PathLike), isinstance("x", os.PathLike))
print(p.exists(Spot("/")), os.fsencode("é"), os.fsdecode(b"abc"))
try:
    os.fspath(3)
except TypeError as e:
    print(e)
