import builtins
builtins.loads = getattr(builtins, "loads", 0) + 1
LOADS = builtins.loads
