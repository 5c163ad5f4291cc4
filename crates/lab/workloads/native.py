# Native job for `gilvm compare`: each item hashes a 4 MB buffer with SHA-256. It only
# computes, yet the hashing runs in native code with the GIL released (as CPython's hashlib
# does for buffers of 2 KB or more), so threads scale like processes.
import hashlib

_LAB_BUFFER = bytes(range(256)) * (4 * 1024 * 1024 // 256)


def job(i):
    return hashlib.sha256(_LAB_BUFFER).hexdigest()
