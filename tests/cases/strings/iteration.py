word = "gilvm"
for ch in word:
    print(ch, end=" ")
print()
print(len(word), list(word), "v" in word)
count = 0
for ch in "mississippi":
    if ch == "s":
        count += 1
print(count)
print(sorted("banana"), max("hello"), min("hello"))
print([c * 2 for c in "abc"])
