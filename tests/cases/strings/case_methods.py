s = "hello World of pyTHON"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("ÉCOLE".lower(), "straße".upper())
