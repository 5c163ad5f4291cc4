# CPython's errors for bad names, str data, non-buffers and bad parameters.
import hashlib
import hmac


def attempt(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", r)


attempt(lambda: hashlib.new("foo"))
attempt(lambda: hashlib.new("sha256", "text"))
attempt(lambda: hashlib.md5("text"))
attempt(lambda: hashlib.md5(1))
attempt(lambda: hashlib.sha1().update("x"))
attempt(lambda: hashlib.sha1().update(None))
attempt(lambda: hashlib.new(1))
attempt(lambda: hashlib.blake2b(digest_size=65))
attempt(lambda: hashlib.blake2b(digest_size=0))
attempt(lambda: hashlib.blake2s(digest_size=33))
attempt(lambda: hashlib.blake2b(key=b"x" * 65))
attempt(lambda: hashlib.blake2s(key=b"x" * 33))
attempt(lambda: hashlib.blake2s(salt=b"x" * 9))
attempt(lambda: hashlib.blake2b(salt=b"x" * 17))
attempt(lambda: hashlib.blake2b(person=b"x" * 17))
attempt(lambda: hashlib.blake2b("s"))
attempt(lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s", 0))
attempt(lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s", 1, 0))
attempt(lambda: hashlib.pbkdf2_hmac("sha256", "p", b"s", 1))
attempt(lambda: hashlib.pbkdf2_hmac("foo", b"p", b"s", 1))
attempt(lambda: isinstance(ValueError(), ValueError))
attempt(lambda: hmac.new(b"k", b"m"))
attempt(lambda: hmac.new("k", b"m", "md5"))
attempt(lambda: hmac.compare_digest("é", "é"))
attempt(lambda: hmac.compare_digest("a", b"a"))
