# Subprocess job for `gilvm compare`: each item runs a short child process (`true`) and waits
# for it. Waiting for a child releases the GIL, so threads overlap the children's lifetimes.
import subprocess


def job(i):
    subprocess.run(["true"], check=True)
    return i
