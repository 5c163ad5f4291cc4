# A SyntaxError from eval in a function, uncaught.
def parse(text):
    return eval(text)


print(parse("1 + 2"))
parse("1 +* 2")
