print(ord("a"), ord("A"), ord("é"), ord("€"), chr(97), chr(8364), chr(65) + chr(66))
print([ord(c) for c in "hi"], "".join([chr(c) for c in range(72, 75)]))
