# secrets: sizes and ranges of tokens (the values are random), CPython's errors.
import secrets
import string

print(len(secrets.token_bytes()), len(secrets.token_bytes(5)), type(secrets.token_bytes(1)).__name__)
h = secrets.token_hex(8)
print(len(h), all(c in string.hexdigits for c in h), len(secrets.token_hex()))
u = secrets.token_urlsafe(6)
print(len(u), all(c.isalnum() or c in '-_' for c in u))
print(all(0 <= secrets.randbelow(7) < 7 for _ in range(200)), secrets.randbelow(1))
print(all(0 <= secrets.randbits(5) < 32 for _ in range(200)), secrets.randbits(0))
print(secrets.choice('abc') in 'abc', secrets.compare_digest(b'ab', b'ab'),
      secrets.compare_digest('ab', 'ac'), secrets.DEFAULT_ENTROPY)
r = secrets.SystemRandom()
print(0.0 <= r.random() < 1.0, len(r.randbytes(3)))
for f, a in [(secrets.randbelow, 0), (secrets.choice, []), (secrets.token_bytes, -1),
             (secrets.randbits, -1)]:
    try:
        f(a)
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
secrets.randbelow(-5)
