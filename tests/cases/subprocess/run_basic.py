# subprocess.run: capture_output, text, shell, input, PIPE/DEVNULL/STDOUT, cwd, env.
import subprocess

r = subprocess.run(["echo", "hi"], capture_output=True)
print(r)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
print(r)
print(r.returncode, repr(r.stdout), repr(r.stderr), r.args)
print(subprocess.run("echo $0 shell", shell=True, stdout=subprocess.PIPE).stdout)
print(subprocess.run(["cat"], input=b"fed\n" * 3, stdout=subprocess.PIPE).stdout)
r = subprocess.run(["cat"], input="text in\r\nnext\r", capture_output=True, text=True)
print(repr(r.stdout))
r = subprocess.run(["cat"], input="uni", capture_output=True, universal_newlines=True)
print(repr(r.stdout))
print(subprocess.run(["sh", "-c", "echo a; echo b >&2"], stdout=subprocess.PIPE,
                     stderr=subprocess.STDOUT))
print(subprocess.run(["sh", "-c", "echo a; echo b >&2"], stdout=subprocess.DEVNULL,
                     stderr=subprocess.PIPE))
print(subprocess.run(["true"]))
print(subprocess.run(["pwd"], cwd="/", capture_output=True).stdout)
print(subprocess.run("echo $FOO-$BAR", shell=True, env={"FOO": "x", "BAR": "y"},
                     capture_output=True, text=True).stdout)
# A big input and a big output at once: communicate must not deadlock on full pipes.
data = bytes(range(256)) * 2000
r = subprocess.run(["cat"], input=data, capture_output=True)
print(len(r.stdout), r.stdout == data)
print(subprocess.check_output(["echo", "co"]))
print(subprocess.check_output("printf 'a\\r\\nb'", shell=True, text=True).splitlines())
print(subprocess.call(["sh", "-c", "exit 7"]))
print(subprocess.check_call(["true"]))
print(subprocess.getoutput("echo go"), subprocess.getstatusoutput("echo no; exit 2"))
r = subprocess.run(["sh", "-c", "exit 4"])
print(r.returncode)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print("check_returncode:", e)
