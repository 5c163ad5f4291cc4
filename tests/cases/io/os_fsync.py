import os
d = "fsync_scratch_dir"
os.mkdir(d)
try:
    path = os.path.join(d, "f.txt")
    with open(path, "w") as f:
        f.write("hello\n")
        f.flush()
        print(os.fsync(f))
        print(os.fsync(f.fileno()))
    with open(path) as f:
        print(f.read(), end="")
    for bad in ["x", 1.5, None]:
        try:
            os.fsync(bad)
        except TypeError as e:
            print("TypeError:", e)
    try:
        os.fsync(987654)
    except OSError as e:
        print(type(e).__name__, e.errno)
finally:
    os.remove(os.path.join(d, "f.txt"))
    os.rmdir(d)
