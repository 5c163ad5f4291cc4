# A syntax error in an imported module: CPython's report with the module's file and line.
import fine
print(fine.OK)
import broken
