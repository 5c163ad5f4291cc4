# expect: clean
s = '\ud83d\ude00'
print(len(s))
