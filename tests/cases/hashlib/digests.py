# Known-answer digests of many inputs and lengths, for every guaranteed algorithm.
import hashlib

inputs = [b"", b"a", b"abc", b"message digest", bytes(range(256)),
          b"x" * 55, b"x" * 56, b"x" * 63, b"x" * 64, b"x" * 65, b"y" * 127,
          b"y" * 128, b"y" * 129, b"z" * 1000, b"q" * 2047, b"q" * 2048, b"q" * 5000]
for name in sorted(hashlib.algorithms_guaranteed):
    for data in inputs:
        h = hashlib.new(name, data)
        if name.startswith("shake"):
            print(name, len(data), h.hexdigest(16), h.digest(3).hex(), len(h.digest(100)))
        else:
            print(name, len(data), h.hexdigest())
            assert h.digest().hex() == h.hexdigest()
            assert len(h.digest()) == h.digest_size
    print(name, h.name, h.digest_size, h.block_size)

print(hashlib.md5(b"abc").hexdigest(), hashlib.sha1(b"abc").hexdigest())
print(hashlib.new("sha256", data=b"abc").hexdigest())
print(hashlib.sha512(string=b"abc").hexdigest()[:32])
print(hashlib.sha3_256(b"abc", usedforsecurity=False).hexdigest())
print(hashlib.new("SHA256", b"abc").name, hashlib.new("md5").hexdigest())
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.algorithms_guaranteed <= hashlib.algorithms_available)
