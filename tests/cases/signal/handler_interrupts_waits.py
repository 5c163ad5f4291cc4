# A Python signal handler runs while the main thread waits in os.read, select.select and
# Popen.communicate (PEP 475: the wait goes on), and an exception it raises ends the wait.
import os, select, signal, subprocess, sys
r, w = os.pipe()
hits = []
def h(s, f):
    hits.append(s)
    print("handler", s == signal.SIGALRM, flush=True)
    os.write(w, b"x")
signal.signal(signal.SIGALRM, h)
signal.setitimer(signal.ITIMER_REAL, 0.2) if hasattr(signal, "setitimer") else signal.alarm(1)
print(os.read(r, 10))
signal.alarm(1)
print(select.select([r], [], [], 5)[0] == [r], os.read(r, 10))
signal.alarm(1)
p = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(1.5); print('child done')"], stdout=subprocess.PIPE)
print(p.communicate())
print(os.read(r, 10))
def boom(s, f):
    raise TimeoutError("late")
signal.signal(signal.SIGALRM, boom)
signal.alarm(1)
try:
    os.read(r, 10)
except TimeoutError as e:
    print("raised", e)
signal.alarm(1)
p = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(3)"], stdout=subprocess.PIPE)
try:
    p.communicate()
except TimeoutError as e:
    print("communicate raised", e)
p.kill(); p.wait(); p.stdout.close()
signal.alarm(1)
try:
    select.select([r], [], [])
except TimeoutError as e:
    print("select raised", e)
print(len(hits))
