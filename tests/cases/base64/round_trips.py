# base64: every codec round-trips over lengths 0..69 and the three buffer kinds.
import base64

data = bytes((i * 73 + 5) % 256 for i in range(100))
codecs = [
    ("b64", base64.b64encode, base64.b64decode),
    ("std", base64.standard_b64encode, base64.standard_b64decode),
    ("url", base64.urlsafe_b64encode, base64.urlsafe_b64decode),
    ("b32", base64.b32encode, base64.b32decode),
    ("b32hex", base64.b32hexencode, base64.b32hexdecode),
    ("b16", base64.b16encode, base64.b16decode),
    ("a85", base64.a85encode, base64.a85decode),
    ("b85", base64.b85encode, base64.b85decode),
    ("bytes", base64.encodebytes, base64.decodebytes),
]
for name, enc, dec in codecs:
    outs = []
    for n in range(70):
        chunk = data[:n]
        e = enc(chunk)
        assert type(e) is bytes, name
        assert dec(e) == chunk, (name, n)
        if name not in ("bytes",):
            assert dec(e.decode("ascii")) == chunk, (name, n)
        assert enc(bytearray(chunk)) == e and enc(memoryview(chunk)) == e, (name, n)
        outs.append(e)
    print(name, outs[0], outs[1], outs[5], outs[17])
    print(name, len(b"".join(outs)), sum(b"".join(outs)))
