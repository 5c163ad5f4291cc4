# Every warning class of CPython 3.11's builtins, UnicodeTranslateError, __debug__ and exit().
names = ["Warning", "UserWarning", "DeprecationWarning", "PendingDeprecationWarning",
         "SyntaxWarning", "RuntimeWarning", "FutureWarning", "ImportWarning", "UnicodeWarning",
         "BytesWarning", "ResourceWarning", "EncodingWarning"]
for n in names:
    cls = eval(n)
    print(n, cls.__mro__[1].__name__, issubclass(cls, Exception))
try:
    raise FutureWarning("later", 2)
except Warning as e:
    print(type(e).__name__, e.args)
print(UnicodeTranslateError.__mro__[1].__name__, issubclass(UnicodeTranslateError, ValueError))
print(__debug__)
try:
    exit(3)
except SystemExit as e:
    print("exit", e.code)
try:
    quit()
except SystemExit as e:
    print("quit", e.code)
exit("bye")
