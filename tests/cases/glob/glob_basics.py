import glob, os, sys
os.chdir(sys.argv[1])
for d in ["src/pkg/sub", "docs", ".git"]:
    os.makedirs(d)
for f in ["src/a.py", "src/b.py", "src/pkg/__init__.py", "src/pkg/sub/deep.py", "src/pkg/notes.txt",
          "docs/index.md", "README.md", ".git/config", ".env", "weird[1].txt", "q?.txt"]:
    with open(f, "w") as fh:
        fh.write("x")
print(sorted(glob.glob("*")))
print(sorted(glob.glob("*", include_hidden=True)))
print(sorted(glob.glob("src/*.py")))
print(sorted(glob.glob("*/*.py")))
print(sorted(glob.glob("**/*.py", recursive=True)))
print(sorted(glob.glob("src/**", recursive=True)))
print(sorted(glob.glob("src/**/", recursive=True)))
print(sorted(glob.glob("**", recursive=True)))
print(sorted(glob.glob("**/*.py")))
print(sorted(glob.glob("src/?.py")), sorted(glob.glob("src/[a].py")))
print(glob.glob("README.md"), glob.glob("missing.md"), glob.glob("src/"), glob.glob("nope/"))
print(glob.glob(glob.escape("weird[1].txt")), glob.glob("weird[1].txt"), glob.glob(glob.escape("q?.txt")))
print(glob.escape("a*b?c[d]"), glob.has_magic("a*"), glob.has_magic("abc"))
print(sorted(glob.glob("*.py", root_dir="src")))
it = glob.iglob("src/*.py")
print(type(it).__name__ in ("generator", "chain"), sorted(it))
print(glob.glob(""))
