# Round trips of every code in every byte order, with calcsize.
import struct

VALUES = {
    'b': [-128, -1, 0, 127], 'B': [0, 1, 255], 'h': [-32768, -2, 32767], 'H': [0, 65535],
    'i': [-2**31, 7, 2**31 - 1], 'I': [0, 2**32 - 1], 'l': [-2**31, 2**31 - 1],
    'L': [0, 2**32 - 1], 'q': [-2**63, -5, 2**63 - 1], 'Q': [0, 2**64 - 1, 2**63],
    'n': [-2**63, 2**63 - 1], 'N': [0, 2**64 - 1], 'P': [0, 2**64 - 1],
    '?': [True, False], 'c': [b'a', b'\x00', b'\xff'],
    'f': [0.0, -1.5, 3.25, float('inf')], 'd': [0.1, -2.5e300, float('-inf')],
    'e': [0.0, 1.0, -2.5, 65504.0, 6e-08, 0.333251953125],
}
for order in ['', '@', '=', '<', '>', '!']:
    for code, vals in VALUES.items():
        if order not in ('', '@') and code in 'nNP':
            continue
        fmt = order + code
        for v in vals:
            data = struct.pack(fmt, v)
            back = struct.unpack(fmt, data)
            print(fmt, v, data.hex(), back, struct.calcsize(fmt), len(data))

for order in ['@', '<', '>']:
    for fmt in ['3h', '2i', '10s', '5p', '0s', '0p', 'ci', 'bq', 'hi', 'i?d', 'x', '3x',
                'b2xh', 'e f d', '2e', ' 4B ', 'xc', 'llL', 'qQ']:
        print(order + fmt, struct.calcsize(order + fmt))

print(struct.pack('>3h', 1, 2, 3).hex())
print(struct.unpack('<3h', bytes([1, 0, 2, 0, 3, 0])))
print(struct.pack('10s', b'hello'), struct.pack('3s', b'hello'))
print(struct.unpack('10s', b'hello\x00\x00\x00\x00\x00'))
print(struct.pack('5p', b'hello'), struct.pack('5p', b'hi'), struct.pack('1p', b'x'))
print(struct.unpack('5p', b'\x04hell'), struct.unpack('3p', b'\x09abc'[:3]))
print(struct.pack('?', 5), struct.pack('?', []), struct.pack('?', 'x'))
print(struct.unpack('??', b'\x00\x02'))
print(struct.pack('@bi', 1, 2).hex(), struct.pack('=bi', 1, 2).hex())
print(struct.pack('@hq', 1, 2).hex(), struct.pack('@ch', b'z', 2).hex())
print(struct.pack('i', True), struct.pack('d', 3), struct.pack('f', 2**70))
print(struct.unpack('>e', b'\x7c\x00'), struct.unpack('>e', b'\xfc\x00'))
print(struct.unpack('<e', b'\x01\x00'), struct.unpack('<e', b'\xff\x03'))
print(struct.pack('<e', 65519.99), struct.pack('<e', 1e-8), struct.pack('<e', -0.0))
print(struct.pack('<e', 2049.0), struct.pack('<e', 2051.0), struct.pack('<e', 1.0009765625 + 2**-11))
print(struct.unpack('<e', struct.pack('<e', float('nan')))[0] != 0)
print(struct.unpack('f', struct.pack('f', 0.1)))
print(struct.pack('b', -1) == struct.pack('B', 255))
print(struct.unpack('I', memoryview(b'\x01\x02\x03\x04')), struct.unpack('I', bytearray(b'\x01\x00\x00\x00')))
print(struct.pack(b'<h', 7), struct.calcsize(b'qq'))
print(struct.unpack('>Q', b'\xff' * 8), struct.unpack('>q', b'\xff' * 8))
