import sys

default = sys.getswitchinterval()
print(type(default).__name__, default > 0)
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
