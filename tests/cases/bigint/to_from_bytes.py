# int.to_bytes / int.from_bytes for ints of any size (3.11 defaults: length=1, 'big').
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'), (0).to_bytes(0, 'big'))
print((5).to_bytes(), (255).to_bytes(1), (-1).to_bytes(2, 'big', signed=True))
print((-129).to_bytes(2, 'little', signed=True), (127).to_bytes(1, signed=True))
print((2**100).to_bytes(13, 'big').hex(), (-(2**100)).to_bytes(14, 'big', signed=True).hex())
print(int.from_bytes(b'\x00\x10', 'big'), int.from_bytes(b'\x00\x10', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\xff\xff'))
print(int.from_bytes([1, 2, 3], 'big'), int.from_bytes(bytearray(b'\x01\x00'), byteorder='little'))
big = 3**200
print(int.from_bytes(big.to_bytes(40, 'little'), 'little') == big, int.from_bytes(b''))
print(True.to_bytes(1, 'big'), (-5).to_bytes(1, 'big', signed=True))
for f in [lambda: (256).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'),
          lambda: (1).to_bytes(1, 'middle'), lambda: (1).to_bytes(-1, 'big'),
          lambda: (128).to_bytes(1, 'big', signed=True), lambda: int.from_bytes(5),
          lambda: int.from_bytes('ab', 'big'), lambda: (1).to_bytes(1, 5),
          lambda: int.from_bytes([256])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class I(int):
    pass
r = I.from_bytes(b'\x01', 'big')
print(type(r).__name__, r)
