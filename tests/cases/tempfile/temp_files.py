# tempfile: gettempdir/gettempprefix, mkstemp, mkdtemp, TemporaryDirectory (context manager,
# cleanup), NamedTemporaryFile (delete), TemporaryFile, SpooledTemporaryFile (rollover), all under
# a scratch directory passed as dir= (names printed relative, listings sorted).
import os
import sys
import tempfile

base = os.path.join(sys.argv[1], "tfcase")
os.mkdir(base)
print(os.path.isdir(tempfile.gettempdir()), tempfile.gettempprefix(), type(tempfile.tempdir).__name__)

fd, name = tempfile.mkstemp(suffix=".dat", prefix="pre_", dir=base)
os.write(fd, b"payload")
os.close(fd)
rel = os.path.relpath(name, base)
print(rel.startswith("pre_"), rel.endswith(".dat"), len(rel) > 8, oct(os.stat(name).st_mode & 0o777))
with open(name, "rb") as f:
    print(f.read())
fd, name2 = tempfile.mkstemp(dir=base, text=True)
os.close(fd)
print(name2 != name, os.path.dirname(name2) == base)

d = tempfile.mkdtemp(prefix="dir_", dir=base)
print(os.path.isdir(d), os.path.basename(d).startswith("dir_"), oct(os.stat(d).st_mode & 0o777))
os.rmdir(d)

with tempfile.TemporaryDirectory(dir=base, suffix="_td") as td:
    print(os.path.isdir(td), td.endswith("_td"))
    with open(os.path.join(td, "inner.txt"), "w") as f:
        f.write("x")
    os.makedirs(os.path.join(td, "a", "b"))
print(os.path.exists(td))
t = tempfile.TemporaryDirectory(dir=base)
print(repr(t).startswith("<TemporaryDirectory '"), os.path.isdir(t.name))
t.cleanup()
t.cleanup()
print(os.path.exists(t.name))

with tempfile.NamedTemporaryFile("w+", dir=base, suffix=".txt") as nf:
    nf.write("hello\nworld\n")
    nf.flush()
    nf.seek(0)
    print(nf.readlines(), os.path.exists(nf.name), nf.name.endswith(".txt"))
    with open(nf.name) as again:
        print(again.read().split())
print(os.path.exists(nf.name))
nf = tempfile.NamedTemporaryFile(dir=base, delete=False)
nf.write(b"kept")
nf.close()
with open(nf.name, "rb") as f:
    print(f.read(), os.path.exists(nf.name))
os.remove(nf.name)

with tempfile.TemporaryFile(dir=base) as tf:
    tf.write(b"anonymous")
    tf.seek(0)
    print(tf.read())
with tempfile.TemporaryFile("w+", dir=base) as tf:
    tf.write("text mode")
    tf.seek(0)
    print(tf.read())

with tempfile.SpooledTemporaryFile(max_size=16, dir=base) as sf:
    sf.write(b"0123456789")
    print(sf._rolled, sf.tell())
    sf.write(b"abcdefghij")
    print(sf._rolled, sf.tell())
    sf.seek(0)
    print(sf.read())
with tempfile.SpooledTemporaryFile(mode="w+", dir=base) as sf:
    sf.write("spooled text")
    sf.seek(0)
    print(sf.read(), sf._rolled)
    sf.rollover()
    sf.seek(0)
    print(sf.read(), sf._rolled)

os.remove(name)
os.remove(name2)
print(os.listdir(base))
os.rmdir(base)
