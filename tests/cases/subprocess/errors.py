# subprocess's errors: CalledProcessError, TimeoutExpired, a missing program, bad arguments.
import subprocess

try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as e:
    print("CPE:", e, e.returncode, e.cmd, e.output, e.stderr)
try:
    subprocess.check_output(["sh", "-c", "echo x; echo y >&2; exit 1"], stderr=subprocess.PIPE)
except subprocess.CalledProcessError as e:
    print(e.output, e.stdout, e.stderr)
try:
    subprocess.check_call(["sh", "-c", "kill -15 $$"])
except subprocess.CalledProcessError as e:
    print(e)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TE:", type(e).__name__, e.cmd, e.timeout <= 0.2)
try:
    subprocess.run(["sh", "-c", "echo early; sleep 5"], timeout=0.3, capture_output=True)
except subprocess.TimeoutExpired as e:
    print(e, e.stdout, e.stderr)
try:
    subprocess.run(["no_such_program_xyz", "arg"])
except FileNotFoundError as e:
    print("FNF:", e, e.errno, e.filename)
try:
    subprocess.run(["cat"], cwd="/nonexistent_dir_q")
except FileNotFoundError as e:
    print(e)
try:
    subprocess.run(["cat"], input=b"", stdin=subprocess.PIPE)
except ValueError as e:
    print(e)
try:
    subprocess.run(["cat"], capture_output=True, stdout=subprocess.PIPE)
except ValueError as e:
    print(e)
try:
    subprocess.check_output(["echo"], stdout=subprocess.PIPE)
except ValueError as e:
    print(e)
try:
    subprocess.Popen(["echo"], stdout=subprocess.STDOUT)
except OSError as e:
    print(e)
print(issubclass(subprocess.CalledProcessError, subprocess.SubprocessError),
      issubclass(subprocess.TimeoutExpired, subprocess.SubprocessError))
subprocess.run(["sh", "-c", "exit 2"], check=True)
