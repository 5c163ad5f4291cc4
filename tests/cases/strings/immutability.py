s = "frozen"
try:
    s[0] = "F"
except TypeError as e:
    print("TypeError:", e)
t = s.upper()
print(s, t, s is not t)
u = s
u += "!"
print(s, u)
