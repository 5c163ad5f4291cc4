# A native type's __hash__ result is the hash as it is (complex, memoryview), -1 mapped to -2.
print(hash(complex(0.5, -1.5)), hash(1+2j), hash(-1+0j), hash(complex(1e300, 1e300)))
print(hash(memoryview(b"abc")) == hash(b"abc"), {1: "a"}[1+0j], {0.5-1.5j: 1}[complex(0.5, -1.5)])
