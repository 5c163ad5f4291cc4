# binascii: b2a_base64/a2b_base64 round trips, newline, strict_mode and CPython's messages.
import binascii

data = bytes((i * 37 + 11) % 256 for i in range(200))
for n in range(0, 70):
    chunk = data[:n]
    enc = binascii.b2a_base64(chunk)
    assert enc.endswith(b"\n")
    assert binascii.b2a_base64(chunk, newline=False) == enc[:-1]
    assert binascii.a2b_base64(enc) == chunk
    assert binascii.a2b_base64(enc.decode()) == chunk
    assert binascii.a2b_base64(enc[:-1], strict_mode=True) == chunk
    print(n, enc[:-1].decode())

for kind in (bytes, bytearray, lambda b: memoryview(b)):
    print(binascii.b2a_base64(kind(b"hello")), binascii.a2b_base64(kind(b"aGVsbG8=")))

# Non-alphabet characters are skipped, data after padding is ignored.
print(binascii.a2b_base64(b"aGV s\nbG8=\n"), binascii.a2b_base64(b"aGVsbG8=ignored"))
print(binascii.a2b_base64(b"aGVsbA=="), binascii.a2b_base64(b"aGVsbA=x="), binascii.a2b_base64(b""))
print(binascii.a2b_base64(b"===="), binascii.a2b_base64(b"aGVs=bG8="))


def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)


for bad in (b"a", b"abcde", b"aGVsbG8", b"aGVsbA=", b"abcdefghi", b"ab=c"):
    attempt(binascii.a2b_base64, bad)
for bad in (b"=abc", b"ab==c", b"ab==\n", b"ab!c", b"abcd====", b"ab=c=", b"abcd="):
    attempt(binascii.a2b_base64, bad, strict_mode=True)
attempt(binascii.a2b_base64, "aGVsbG8é")
attempt(binascii.a2b_base64, 3)
attempt(binascii.b2a_base64, "abc")
attempt(binascii.b2a_base64, b"abc", True)
