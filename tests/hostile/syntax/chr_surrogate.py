# expect: ok|error ValueError
print(len(chr(0xd800)))
