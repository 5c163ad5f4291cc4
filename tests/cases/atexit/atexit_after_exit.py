import atexit, sys
atexit.register(lambda: print("cleanup after sys.exit"))
print("exiting")
sys.exit(3)
