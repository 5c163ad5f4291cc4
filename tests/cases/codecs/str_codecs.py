# str.encode / bytes.decode: UTF-8/16/32, ASCII, Latin-1 with CPython's error handlers,
# error ranges and messages.
tests = [(b'a', 'utf-16'), (b'a', 'utf-16-le'), (b'\x00\xd8a\x00', 'utf-16-le'),
         (b'\x00\xdc', 'utf-16-le'), (b'\x00\xd8', 'utf-16-le'), (b'\xd8\x00\x00\x41', 'utf-16-be'),
         (b'ab', 'utf-32'), (b'\x00\x00\x11\x00', 'utf-32-le'), (b'\x00\xd8\x00\x00', 'utf-32-le'),
         (b'\xff\xfe\x00\x00\x00\x00\x11\x00', 'utf-32'), (b'\xe2\x82', 'utf-8'),
         (b'\xe2\x82a', 'utf-8'), (b'\xe2a', 'utf-8'), (b'\xed\xa0\x80', 'utf-8'),
         (b'\xf0\x9f\x98', 'utf-8'), (b'\xc0\x80', 'utf-8'), (b'\x80', 'ascii'),
         (b'a\xff\xfeb', 'utf-8'), (b'\xef\xbf\xbd\xff', 'utf-8'), (b'\xf4\x90\x80\x80', 'utf-8'),
         (b'\xe9t\xe9', 'latin-1'), (b'\xfe\xff\x00a\xd8=\xde\x00', 'utf-16'),
         (b'\x00\x00\xfe\xff\x00\x00\x00a', 'utf-32'), (b'a\x00=\xd8\x00\xde', 'utf_16_le')]
for b, enc in tests:
    for err in ('strict', 'replace', 'backslashreplace', 'ignore'):
        try:
            print(enc, err, repr(b.decode(enc, err)))
        except UnicodeDecodeError as e:
            print(enc, err, type(e).__name__, e)
for s, enc in [('éé€x', 'ascii'), ('é€x€', 'latin-1'), ('a\U0001f600', 'ascii')]:
    for err in ('strict', 'replace', 'backslashreplace', 'ignore', 'xmlcharrefreplace', 'foo'):
        try:
            print(enc, err, repr(s.encode(enc, err)))
        except (UnicodeEncodeError, LookupError) as e:
            print(enc, err, type(e).__name__, e)
for enc in ('utf-16', 'utf-16-le', 'UTF-16BE', 'utf-32', 'utf_32_le', 'utf-32-be', 'utf8',
            'U8', 'latin1', 'iso-8859-1', 'L1', 'us-ascii'):
    s = 'aé€\U0001f600' if 'asc' not in enc and '1' not in enc[-2:] else 'ab'
    raw = s.encode(enc)
    print(enc, raw.hex(), raw.decode(enc) == s)
print(str(b'\xff\xfeh\x00i\x00', 'utf-16'), bytes('hi', 'utf-32-be'))
for bad in ('x'.encode, b'x'.decode):
    try:
        bad('foo')
    except LookupError as e:
        print(type(e).__name__, e)
b'\xff'.decode('utf-8', 'foo')
