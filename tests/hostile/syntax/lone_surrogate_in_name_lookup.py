# expect: clean
d = {'\udc80': 1}
print(len(d))
