# update in chunks, copy(), buffer kinds, blake2 parameters, pbkdf2_hmac, hmac.
import hashlib
import hmac

data = bytes(range(256)) * 40
for name in ["md5", "sha1", "sha256", "sha512", "sha3_384", "blake2b", "blake2s"]:
    whole = hashlib.new(name, data).hexdigest()
    for step in [1, 7, 64, 100, 3000]:
        h = hashlib.new(name)
        for i in range(0, len(data), step):
            h.update(data[i:i + step])
        assert h.hexdigest() == whole, (name, step)
    h = hashlib.new(name, data[:100])
    c = h.copy()
    c.update(b"more")
    print(name, whole[:16], h.hexdigest()[:16], c.hexdigest()[:16])
    assert h.hexdigest() == hashlib.new(name, data[:100]).hexdigest()

ba = bytearray(b"hello world" * 300)
print(hashlib.sha256(ba).hexdigest())
print(hashlib.sha256(memoryview(ba)[5:20]).hexdigest())
h = hashlib.md5()
h.update(bytearray(b"ab"))
h.update(memoryview(b"cd"))
h.update(b"ef")
print(h.hexdigest(), h.digest())

s = hashlib.shake_256(b"seed")
print(s.hexdigest(0), s.hexdigest(1), s.hexdigest(64))
print(s.copy().digest(10) == s.digest(10))

print(hashlib.blake2b(b"x", digest_size=20, key=b"k", salt=b"s", person=b"p").hexdigest())
print(hashlib.blake2s(b"x", digest_size=8, key=b"key" * 10, salt=b"12345678",
                      person=b"abcdefgh").hexdigest())
print(hashlib.blake2b(b"tree", fanout=2, depth=3, leaf_size=4096, node_offset=1,
                      node_depth=1, inner_size=32, last_node=True).hexdigest())
b = hashlib.blake2b(digest_size=33)
print(b.digest_size, b.block_size, b.name, len(b.digest()))
print(hashlib.blake2b.SALT_SIZE, hashlib.blake2s.PERSON_SIZE, hashlib.blake2b.MAX_DIGEST_SIZE)

print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2, 20).hex())
print(hashlib.pbkdf2_hmac("sha512", bytearray(b"pw"), b"NaCl", 10, 100).hex())
print(hashlib.pbkdf2_hmac("md5", b"p", b"s", 3, 5).hex())

m = hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", "sha256")
print(m.hexdigest(), m.digest_size, m.block_size, m.name)
m2 = m.copy()
m2.update(b"!")
print(m.hexdigest()[:16], m2.hexdigest()[:16])
print(hmac.new(b"k" * 200, digestmod=hashlib.sha1).hexdigest())
print(hmac.new(b"", b"", hashlib.md5).hexdigest())
print(hmac.digest(b"key", b"msg", "sha512").hex()[:32])
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest(b"abc", b"abd"),
      hmac.compare_digest(b"abc", b"ab"), hmac.compare_digest("abc", "abc"),
      hmac.compare_digest(bytearray(b"x"), b"x"))
