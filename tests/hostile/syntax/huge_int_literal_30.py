# expect: ok|error OverflowError|SyntaxError
x = 999999999999999999999999999999
print(x > 0)
