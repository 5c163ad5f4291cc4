import tempfile, os
t = tempfile.TemporaryDirectory()
p = t.name
print(os.path.isdir(p))
del t
print(os.path.isdir(p))
with tempfile.TemporaryDirectory() as d:
    q = d
print(os.path.isdir(q))
t2 = tempfile.TemporaryDirectory()
keep = t2.name
