import time
import builtins

builtins.slow_loads = getattr(builtins, "slow_loads", 0) + 1
LOADS = builtins.slow_loads
for _ in range(5):
    time.sleep(0.01)
DONE = True
