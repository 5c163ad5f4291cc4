# `from m import x` where m has no x: ImportError with the module's path.
from helper import there
print(there)
from helper import not_there
