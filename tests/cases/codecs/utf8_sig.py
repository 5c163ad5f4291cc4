# utf-8-sig: a BOM written when encoding and skipped (once) when decoding, incrementally too.
import codecs

for b in [b'\xef\xbb\xbfab', b'ab', b'\xef\xbb\xbf', b'\xef\xbb\xbf\xef\xbb\xbfx', b'']:
    print(repr(b.decode('utf-8-sig')), repr(codecs.decode(b, 'utf_8_sig')))
for b in [b'\xef\xbb\xbf\xff', b'a\xff', b'\xef\xbb']:
    for err in ('strict', 'replace'):
        try:
            print(repr(b.decode('utf-8-sig', err)))
        except UnicodeDecodeError as e:
            print('UnicodeDecodeError', e)
print('x'.encode('utf-8-sig'), ''.encode('UTF-8-SIG'), codecs.lookup('Utf_8_Sig').name)
try:
    codecs.lookup('utf8_sig')
except LookupError as e:
    print('LookupError', e)
for chunks in [[b'\xef', b'\xbb', b'\xbfa', b'\xef\xbb\xbfb'], [b'a', b'\xef\xbb\xbf'],
               [b'\xef\xbb\xbf\xe2', b'\x82\xac'], [b'', b'\xef\xbb\xbfq']]:
    d = codecs.getincrementaldecoder('utf-8-sig')()
    print([d.decode(c) for c in chunks], repr(d.decode(b'', True)))
e = codecs.getincrementalencoder('utf-8-sig')()
print(e.encode('a'), e.encode('b'))
d = codecs.getincrementaldecoder('utf-8-sig')()
d.decode(b'\xef\xbb', final=True)
print('partial BOM at the end decodes to nothing')
d = codecs.getincrementaldecoder('utf-8-sig')()
d.decode(b'\xef\xbbx', final=True)
