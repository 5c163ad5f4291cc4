# Popen: communicate, wait(timeout), poll, kill/terminate/send_signal, pipes as files, with.
import subprocess

with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
    print(p.pid > 0, p.poll(), p.returncode)
    out, err = p.communicate(b"via popen")
    print(out, err, p.returncode, p.poll())
print(repr(p)[:30])

p = subprocess.Popen(["sleep", "10"])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print(e)
print(p.poll())
p.terminate()
print(p.wait(), p.returncode)
p.kill()  # already reaped: nothing happens

p = subprocess.Popen(["sleep", "10"])
p.send_signal(9)
print(p.wait())

p = subprocess.Popen(["sh", "-c", "echo line1; echo line2"], stdout=subprocess.PIPE, text=True)
for line in p.stdout:
    print("got", repr(line))
p.stdout.close()
print(p.wait())

p = subprocess.Popen(["sh", "-c", "read x; echo got $x; echo err >&2"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
p.stdin.write(b"data\n")
p.stdin.close()
print(p.stdout.read(), p.stderr.read())
p.stdout.close()
p.stderr.close()
print(p.wait())

p = subprocess.Popen(["sh", "-c", "echo partial; sleep 5"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.3)
except subprocess.TimeoutExpired as e:
    print("timeout:", e, e.stdout, e.output)
p.kill()
print(p.communicate())
print(p.returncode)

p = subprocess.Popen(["sh", "-c", "kill -9 $$"])
print(p.wait())
with subprocess.Popen(["sh", "-c", "exit 5"], stdout=subprocess.PIPE) as p:
    pass
print(p.returncode)
