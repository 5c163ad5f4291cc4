s = "héllo wörld ☃"
print(len(s), s.upper(), s[1], s[-1], s[::-1])
print(s.find("ö"), s.split(" "), "☃" in s)
print("日本語".center(9, "*"), len("日本語"))
print(repr("naïve"), "ß".upper(), "ǅ".lower())
