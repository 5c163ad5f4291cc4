s = "abcdefghij"
print(s[0], s[-1], s[3:6], s[:3], s[7:], s[-3:], s[:-3])
print(s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(s[100:], s[-100:2], s[5:2], repr(s[5:5]))
print(s[:], s[0:len(s)], s[2:-2])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
