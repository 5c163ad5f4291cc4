# os.pipe/read/write/close/fdopen, open(fd), fileno, kill errors.
import os
r, w = os.pipe()
print(os.write(w, b"hello"))
print(os.read(r, 10))
os.close(w)
print(os.read(r, 10))
os.close(r)
try:
    os.close(r)
except OSError as e:
    print(type(e).__name__, e, e.errno)
r, w = os.pipe()
f = os.fdopen(w, "w")
f.write("line1\nline2\n")
f.close()
g = open(r, "r")
print(g.fileno() == r)
print(g.readlines())
g.close()
print(os.get_blocking(0) in (True, False))
print(os.strerror(2))
try:
    os.kill(999999, 0)
except ProcessLookupError as e:
    print(e)
# A FIFO: a writer thread and a reader in the main thread.
import threading
import sys
path = os.path.join(sys.argv[1], "fifo")
os.mkfifo(path)
try:
    os.mkfifo(path)
except FileExistsError as e:
    print(type(e).__name__, e.errno)
def writer():
    with open(path, "w") as f:
        f.write("through the fifo\n")
t = threading.Thread(target=writer)
t.start()
with open(path) as f:
    print(f.read())
t.join()
os.remove(path)
print(os.path.exists(path))
try:
    os.read(-1, 1)
except OSError as e:
    print(e)
