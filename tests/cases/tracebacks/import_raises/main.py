# An exception raised while a package's module runs: the traceback names each file and line.
print("start")
import lib.loader
