# codecs: lookup/CodecInfo, encode/decode, getencoder/getdecoder, BOMs, incremental coders.
import codecs

for n in ['utf-8', 'UTF8', 'latin-1', 'latin1', 'ascii', 'utf-16', 'utf_16_le', 'utf-32-be']:
    ci = codecs.lookup(n)
    print(n, ci.name, repr(ci).startswith('<codecs.CodecInfo object for encoding ' + ci.name),
          isinstance(ci, tuple), len(ci), ci[0] is ci.encode)
print(codecs.BOM_UTF8, codecs.BOM, codecs.BOM_LE, codecs.BOM_BE, codecs.BOM_UTF16,
      codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32, codecs.BOM_UTF32_LE,
      codecs.BOM_UTF32_BE)
print(codecs.encode('é'), codecs.encode('é', 'latin-1'), codecs.decode(b'\xc3\xa9'),
      codecs.getencoder('utf-8')('é'), codecs.getdecoder('utf-16')(b'\xff\xfea\x00'),
      codecs.encode('é€', 'ascii', 'backslashreplace'), codecs.decode(b'a\xff', 'utf-8', 'replace'))
for f, a in [(codecs.lookup, ('foo',)), (codecs.encode, (b'x',)), (codecs.decode, ('x',)),
             (codecs.encode, ('é', 'ascii')), (codecs.decode, (b'\xff',))]:
    try:
        f(*a)
    except (LookupError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'a\xe2')), d.getstate(), repr(d.decode(b'\x82')),
      repr(d.decode(b'\xac', final=True)), d.getstate())
text = 'héllo wörld €uro \U0001f600!'
raw = text.encode('utf-8')
for size in (1, 2, 3, 5):
    d = codecs.getincrementaldecoder('utf-8')()
    parts = [d.decode(raw[i:i + size]) for i in range(0, len(raw), size)]
    parts.append(d.decode(b'', True))
    print(size, ''.join(parts) == text, parts[:4])
print(''.join(codecs.iterdecode([raw[:2], raw[2:7], raw[7:]], 'utf-8')) == text)
print(b''.join(codecs.iterencode(['ab', 'c'], 'utf-16')))
for enc in ('utf-16', 'utf-32', 'utf-16-be'):
    raw = text.encode(enc)
    d = codecs.getincrementaldecoder(enc)()
    out = ''.join(d.decode(raw[i:i + 3]) for i in range(0, len(raw), 3)) + d.decode(b'', True)
    print(enc, out == text)
d2 = codecs.getincrementaldecoder('utf-8')(errors='replace')
print(repr(d2.decode(b'\xe2\x82')), repr(d2.decode(b'', True)))
e = codecs.getincrementalencoder('utf-16')()
print(e.encode('é'), e.encode('x'))
print(codecs.utf_8_decode(b'a\xe2'), codecs.utf_8_decode(b'a\xe2', 'strict', False),
      codecs.utf_8_encode('é'), codecs.latin_1_encode('é'))
with codecs.open(__file__, encoding='utf-8') as f:
    print(repr(f.readline()))
with codecs.open(__file__, 'rb') as f:
    print(f.read(8))
d = codecs.getincrementaldecoder('utf-8')()
d.decode(b'ok\xe2\x82')
d.decode(b'', final=True)
