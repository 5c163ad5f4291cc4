import os

path = "/tmp/gilvm_files_test_" + str(os.getpid()) + ".txt"

def t(f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ": " + str(e).replace(path, "PATH")
    print(repr(r))

f = open(path, "w")
print(f.write("line one\n"), f.write("línea dos\n"), f.closed, f.mode, f.name == path)
f.writelines(["third\n", "fourth"])
f.close()
print(f.closed)
t(lambda: f.write("x"))
with open(path) as f:
    print(repr(f.readline()), repr(f.read(5)), repr(f.readline()), f.readlines())
print(f.closed)
with open(path, encoding="utf-8") as f:
    for line in f:
        print(repr(line))
print(open(path).read().splitlines())
with open(path, "a") as f:
    f.write("\nappended")
print(repr(open(path).read()))
with open(path, "r+") as f:
    print(repr(f.read(4)))
with open(path, "w+") as f:
    f.write("fresh\r\nmac\rend")
    f.seek(0)
    print(repr(f.read()))
with open(path, "rb") as f:
    print(f.read())
with open(path, "wb") as f:
    f.write(b"bin\x00ary")
print(open(path, "rb").read(), len(open(path, "rb").read()))
t(lambda: open(path, "x"))
t(lambda: open(path, "q"))
t(lambda: open(path, "rw"))
t(lambda: open("/nonexistent_dir/x.txt"))
t(lambda: open(path, encoding="klingon"))
t(lambda: open(path).write("x"))
t(lambda: open(path, "w").read())
t(lambda: open(42.5))
try:
    open("/nonexistent_dir/x.txt")
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename)
except OSError:
    print("wrong class")
print(os.path.exists(path), os.path.isfile(path), os.path.isdir("/tmp"), os.path.basename(path) == "gilvm_files_test_" + str(os.getpid()) + ".txt")
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/abs"), os.path.dirname("/a/b/c"), os.path.splitext("x/y.tar.gz"), os.path.split("/a/b"))
os.remove(path)
print(os.path.exists(path))
t(lambda: os.remove(path))
