import sys

n = sys.stdout.write("written directly\n")
print(n)
sys.stderr.write("this goes to stderr\n")
sys.stdout.write("no newline, ")
print("then print")
sys.stdout.flush()
print("ok", file=sys.stdout)
