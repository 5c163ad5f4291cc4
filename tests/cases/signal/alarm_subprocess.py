# A SIGALRM handler that raises ends subprocess.run's wait on the main thread (the child is killed and reaped).
import signal, subprocess, time
class T(Exception): pass
def h(s, f): raise T("alarm")
signal.signal(signal.SIGALRM, h)
signal.alarm(1)
t0 = time.monotonic()
try:
    subprocess.run(["sleep", "5"])
except T as e:
    print("interrupted", e, time.monotonic() - t0 < 3)
print(subprocess.run(["true"]).returncode)
