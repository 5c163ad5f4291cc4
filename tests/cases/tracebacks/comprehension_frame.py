def parse(text):
    return int(text)

print([parse(t) for t in ["1", "x"]])
