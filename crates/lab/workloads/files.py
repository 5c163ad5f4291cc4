# File job for `gilvm compare`: each item writes a scratch file of SIZE bytes, forces it to
# the disk (fsync), reads it back and removes it. Writes, fsync and reads release the GIL.
import os

SIZE = 256 * 1024
_LAB_DATA = bytes(range(256)) * (SIZE // 256)
_LAB_DIR = os.environ.get("TMPDIR", "/tmp")


def job(i):
    path = os.path.join(_LAB_DIR, "gilvm-lab-files-%d-%d" % (os.getpid(), i))
    try:
        with open(path, "wb") as f:
            f.write(_LAB_DATA)
            f.flush()
            os.fsync(f.fileno())
        with open(path, "rb") as f:
            if f.read() != _LAB_DATA:
                raise RuntimeError("the scratch file read back differs from what was written")
    finally:
        os.remove(path)
    return i
