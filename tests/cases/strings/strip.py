s = "  \t padded \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "--a-b--".lstrip("-"), "path///".rstrip("/"))
print("abcXYZcba".strip("abc"))
print(repr("".strip()), repr("   ".strip()))
