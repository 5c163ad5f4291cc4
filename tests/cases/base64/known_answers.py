# base64: known answers, options (altchars, validate, casefold, map01, a85/b85 flags),
# file encode/decode and CPython's error messages.
import base64
import binascii
import io

print(base64.b64encode(b"hello world"), base64.b64decode("aGVsbG8gd29ybGQ="))
print(base64.b64encode(b"\xfb\xff\xfe", altchars=b"-_"), base64.b64decode(b"-__-", altchars=b"-_"))
print(base64.urlsafe_b64encode(b"\xfb\xff\xfe"), base64.urlsafe_b64decode("-__-"))
print(base64.b64decode(b"aGV sbG8=\n"), base64.b64decode(b"aGVsbG8=", validate=True))
print(base64.b32encode(b"hello"), base64.b32decode(b"NBSWY3DP"), base64.b32decode(b"nbswy3dp", casefold=True))
print(base64.b32decode(b"MZXW6===", map01=b"L"), base64.b32decode(b"0O======", map01=b"I"))
print(base64.b32hexencode(b"hello"), base64.b32hexdecode(b"d1imor3f", casefold=True))
print(base64.b16encode(b"\x01\xab\xff"), base64.b16decode(b"01ABFF"), base64.b16decode(b"01abff", casefold=True))
print(base64.a85encode(b"hello world"), base64.a85encode(b"\0\0\0\0    ", foldspaces=True))
print(base64.a85encode(b"hello world" * 4, wrapcol=20, adobe=True))
print(base64.a85decode(b"<~BOu!rD]j7BEbo7~>", adobe=True), base64.a85decode(b"z"), base64.a85decode(b"y", foldspaces=True))
print(base64.b85encode(b"hello world"), base64.b85encode(b"ab", pad=True), base64.b85decode(b"Xk~0{Zy<MXa%^M"))
print(base64.encodebytes(b"x" * 120))
print(base64.decodebytes(b"eHh4\neHh4\n"))

src = io.BytesIO(b"\x00\x01" * 50)
dst = io.BytesIO()
base64.encode(src, dst)
print(dst.getvalue())
back = io.BytesIO()
base64.decode(io.BytesIO(dst.getvalue()), back)
print(back.getvalue() == b"\x00\x01" * 50)


def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)


attempt(base64.b64decode, b"abcde")
attempt(base64.b64decode, b"ab")
attempt(base64.b64decode, b"ab!c==", validate=True)
attempt(base64.b64decode, "é")
attempt(base64.b64encode, "text")
attempt(base64.b32decode, b"NBSWY3D")
attempt(base64.b32decode, b"NBSWY3D!")
attempt(base64.b32decode, b"nbswy3dp")
attempt(base64.b16decode, b"0")
attempt(base64.b16decode, b"0g")
attempt(base64.b16decode, b"ab")
attempt(base64.a85decode, b"abc~")
attempt(base64.a85decode, b"s8W-\"")
attempt(base64.b85decode, b"|NsC0")
attempt(base64.b85decode, b"|NsC1")
attempt(base64.b85decode, b"ab\x00cd")
attempt(base64.encodebytes, "str")
attempt(base64.decodebytes, "str")
print(isinstance(binascii.Error("x"), ValueError))
