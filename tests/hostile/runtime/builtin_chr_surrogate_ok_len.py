# expect: ok
# cpython: same
print(len(chr(0xd800)))
