import warnings
print("before")
warnings.warn("a warning on stderr")
print("after")
