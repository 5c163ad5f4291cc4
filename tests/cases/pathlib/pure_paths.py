# pathlib's pure paths: parsing, parts, name/stem/suffixes, parents, with_*, joining,
# relative_to, match, comparison and hashing, and the errors CPython raises.
from pathlib import Path, PurePath, PurePosixPath, PosixPath

p = PurePosixPath("/usr/local/lib/archive.tar.gz")
print(p, repr(p), str(p), p.as_posix(), bytes(p))
print(p.parts, p.drive, p.root, p.anchor, p.name, p.stem, p.suffix, p.suffixes)
print(p.parent, p.parent.parent, list(p.parents), len(p.parents), p.parents[0], p.parents[-1])
print(p.with_name("other.zip"), p.with_stem("bundle"), p.with_suffix(".bz2"), p.with_suffix(""))
print(p.relative_to("/usr"), p.relative_to("/usr/local/"), p.is_relative_to("/usr"), p.is_relative_to("/etc"))
print(p.is_absolute(), PurePosixPath("a/b").is_absolute(), p.as_uri(), PurePosixPath("/a b/c%").as_uri())
print(p.match("*.gz"), p.match("lib/*.gz"), p.match("/usr/*/lib/*.gz"), p.match("*.py"), p.match("/lib/*.gz"))
print(PurePath("a", "b/c", "d"), PurePath("a", "/b", "c"), PurePath("a//b/./c/"), PurePath(), PurePath("."))
print(PurePath("a") / "b" / PurePath("c"), "x" / PurePath("y"), PurePath("a").joinpath("b", "c"))
print(PurePath("/a") / "/b", PurePath("..", "x"), PurePath("a/../b"), PurePath("//a"), PurePath("///a"))
print(PurePath(".hidden").suffix, PurePath(".hidden").stem, PurePath("a.").suffix, PurePath("x.tar.gz").stem)
print(PurePath("/").name, PurePath("/").parent, PurePath("a").parent, PurePath("").parts)
print(type(PurePath("a")).__name__, type(Path("a")).__name__, isinstance(Path("a"), PurePath))

print(PurePath("a") == PurePath("a"), PurePath("a") == PurePath("a/"), PurePath("a") == "a",
      PurePath("a") != PurePath("b"), hash(PurePath("x/y")) == hash(PurePath("x//y")))
print(sorted([PurePath("b"), PurePath("a/c"), PurePath("a"), PurePath("a/b")]))
print(PurePath("a") < PurePath("b"), PurePath("b") >= PurePath("a"), {PurePath("a"): 1}[PurePath("a")])
print(Path("a") == PurePosixPath("a"), PosixPath("q"), Path("a", "b").parts)

for call in [lambda: p.relative_to("/etc"), lambda: PurePath("a").with_name(""),
             lambda: PurePath("a").with_suffix("b"), lambda: PurePath("").with_name("x"),
             lambda: PurePath("a/b").with_name("c/d"), lambda: PurePath("a").as_uri(),
             lambda: PurePath("a").match(""), lambda: PurePath(3)]:
    try:
        print(call())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    PurePath("a") < "b"
except TypeError as e:
    print(e)
