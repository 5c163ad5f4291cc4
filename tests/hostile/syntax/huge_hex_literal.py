# expect: ok|error OverflowError|SyntaxError
x = 0xffffffffffffffffffffffffffffffffffffffff
print(x > 0)
