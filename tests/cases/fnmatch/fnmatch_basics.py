import fnmatch
names = ["a.py", "b.txt", "c.PY", "data1.csv", "data22.csv", ".hidden", "x[1].txt", "dash-", "f!g"]
for pat in ["*.py", "*.txt", "data?.csv", "data*.csv", "[abc].*", "[!a]*", "*[0-9]*", "x[[]1].txt", "*-", "[a-c-]*", "f[!]g", "", "*", "[]", "[!]"]:
    print(repr(pat), fnmatch.filter(names, pat))
print(fnmatch.fnmatch("A.PY", "*.py"), fnmatch.fnmatchcase("A.PY", "*.PY"), fnmatch.fnmatchcase("A.PY", "*.py"))
print(fnmatch.fnmatch("line\nbreak", "line*"))
for pat in ["*.py", "a?b", "[!x]", "[a-z]", "[]]", "[a-]", "x*", "***", "[^a]", "a.b+c", "[z-a]", "[&~|]"]:
    print(repr(pat), fnmatch.translate(pat))
print(fnmatch.fnmatchcase(b"abc.py", b"*.py"))
try:
    fnmatch.fnmatchcase(1, "x")
except TypeError as e:
    print("TypeError")
