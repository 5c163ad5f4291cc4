import sys

# The default differs (gilvm: 15 ms, CPython: 5 ms); a value set is read back.
print(sys.getswitchinterval() > 0)
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
