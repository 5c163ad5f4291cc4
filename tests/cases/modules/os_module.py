import os

pid = os.getpid()
print(type(pid).__name__, pid > 0, os.getpid() == pid)
n = os.cpu_count()
print(type(n).__name__, n >= 1)
