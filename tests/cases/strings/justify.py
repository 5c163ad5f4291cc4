print("[" + "ab".ljust(6) + "]", "[" + "ab".rjust(6) + "]", "[" + "ab".center(7) + "]")
print("ab".ljust(6, "."), "ab".rjust(6, "*"), "ab".center(6, "="))
print("42".zfill(5), "-42".zfill(5), "toolong".ljust(3))
