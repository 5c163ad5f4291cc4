"""hashlib: md5, sha1, sha2, sha3, shake and blake2 over the Rust core `_gilvm_hashlib`.

Hashing 2048 bytes or more releases the GIL (as CPython's does), so threads hashing big
buffers run in parallel.
"""

import _gilvm_hashlib as _h

algorithms_guaranteed = set({
    'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
    'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256',
    'blake2b', 'blake2s',
})
algorithms_available = set(algorithms_guaranteed | {'sha512_224', 'sha512_256'})

# name: (digest_size, block_size)
_INFO = {
    'md5': (16, 64), 'sha1': (20, 64), 'sha224': (28, 64), 'sha256': (32, 64),
    'sha384': (48, 128), 'sha512': (64, 128), 'sha512_224': (28, 128),
    'sha512_256': (32, 128), 'sha3_224': (28, 144), 'sha3_256': (32, 136),
    'sha3_384': (48, 104), 'sha3_512': (64, 72), 'shake_128': (0, 168),
    'shake_256': (0, 136), 'blake2b': (64, 128), 'blake2s': (32, 64),
}

__all__ = ('new', 'algorithms_guaranteed', 'algorithms_available', 'pbkdf2_hmac',
           'file_digest') + tuple(sorted(algorithms_guaranteed))


class UnsupportedDigestmodError(ValueError):
    pass


UnsupportedDigestmodError.__module__ = '_hashlib'


class HASH:
    """A hash object: update(), digest(), hexdigest(), copy()."""

    def __init__(self, name, handle, digest_size, block_size):
        self.name = name
        self._handle = handle
        self.digest_size = digest_size
        self.block_size = block_size

    def update(self, data, /):
        _h.update(self._handle, data)

    def digest(self):
        return _h.digest(self._handle, 0)

    def hexdigest(self):
        return _h.digest(self._handle, 0).hex()

    def copy(self):
        return type(self)(self.name, _h.copy(self._handle), self.digest_size,
                          self.block_size)

    def __repr__(self):
        return '<%s %s object @ %s>' % (self.name, 'HASH', hex(id(self)))


class HASHXOF(HASH):
    """A SHAKE object: digest(length) and hexdigest(length)."""

    def digest(self, length):
        return _h.digest(self._handle, length)

    def hexdigest(self, length):
        return _h.digest(self._handle, length).hex()


def _make(name, data, *params):
    if not isinstance(name, str):
        raise TypeError('name must be a string')
    low = name.lower()
    if low not in _INFO:
        raise ValueError('unsupported hash type ' + name)
    size, block = _INFO[low]
    if params:
        size = params[0]
    handle = _h.new(low, data, *params)
    cls = HASHXOF if low.startswith('shake') else HASH
    return cls(low, handle, size, block)


def new(name, data=b'', *, usedforsecurity=True, string=None):
    """new(name, data=b'') - Return a new hashing object using the named algorithm."""
    if string is not None:
        data = string
    if isinstance(name, str) and name.lower() in ('blake2b', 'blake2s'):
        return (blake2b if name.lower() == 'blake2b' else blake2s)(data)
    return _make(name, data)


def _constructor(algo):
    def construct(string=b'', *, usedforsecurity=True):
        return _make(algo, string)
    construct.__name__ = 'openssl_' + algo
    construct.__qualname__ = 'openssl_' + algo
    return construct


md5 = _constructor('md5')
sha1 = _constructor('sha1')
sha224 = _constructor('sha224')
sha256 = _constructor('sha256')
sha384 = _constructor('sha384')
sha512 = _constructor('sha512')
sha3_224 = _constructor('sha3_224')
sha3_256 = _constructor('sha3_256')
sha3_384 = _constructor('sha3_384')
sha3_512 = _constructor('sha3_512')
shake_128 = _constructor('shake_128')
shake_256 = _constructor('shake_256')


def _blake2(name, max_size, max_key, max_salt, data, digest_size, key, salt, person, fanout,
            depth, leaf_size, node_offset, node_depth, inner_size, last_node):
    if not 1 <= digest_size <= max_size:
        raise ValueError('digest_size must be between 1 and %d bytes' % max_size)
    if len(key) > max_key:
        raise ValueError('maximum key length is %d bytes' % max_key)
    if len(salt) > max_salt:
        raise ValueError('maximum salt length is %d bytes' % max_salt)
    if len(person) > max_salt:
        raise ValueError('maximum person length is %d bytes' % max_salt)
    if not 0 <= fanout <= 255:
        raise ValueError('fanout must be between 0 and 255')
    if not 1 <= depth <= 255:
        raise ValueError('depth must be between 1 and 255')
    if not 0 <= node_depth <= 255:
        raise ValueError('node_depth must be between 0 and 255')
    if not 0 <= inner_size <= max_size:
        raise ValueError('inner_size must be between 0 and is %d' % max_size)
    if leaf_size < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if node_offset < 0:
        raise OverflowError("can't convert negative int to unsigned")
    return _make(name, data, digest_size, key, salt, person, fanout, depth, leaf_size,
                 node_offset, node_depth, inner_size, bool(last_node))


def blake2b(data=b'', *, digest_size=64, key=b'', salt=b'', person=b'', fanout=1, depth=1,
            leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False,
            usedforsecurity=True):
    """Return a new BLAKE2b hash object."""
    return _blake2('blake2b', 64, 64, 16, data, digest_size, key, salt, person, fanout, depth,
                   leaf_size, node_offset, node_depth, inner_size, last_node)


def blake2s(data=b'', *, digest_size=32, key=b'', salt=b'', person=b'', fanout=1, depth=1,
            leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False,
            usedforsecurity=True):
    """Return a new BLAKE2s hash object."""
    return _blake2('blake2s', 32, 32, 8, data, digest_size, key, salt, person, fanout, depth,
                   leaf_size, node_offset, node_depth, inner_size, last_node)


blake2b.SALT_SIZE = 16
blake2b.PERSON_SIZE = 16
blake2b.MAX_KEY_SIZE = 64
blake2b.MAX_DIGEST_SIZE = 64
blake2s.SALT_SIZE = 8
blake2s.PERSON_SIZE = 8
blake2s.MAX_KEY_SIZE = 32
blake2s.MAX_DIGEST_SIZE = 32


def _bytes_like(v):
    if isinstance(v, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return bytes(v)


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as PRF."""
    password = _bytes_like(password)
    salt = _bytes_like(salt)
    if not isinstance(hash_name, str):
        raise TypeError("pbkdf2_hmac() argument 'hash_name' must be str, not %s"
                        % type(hash_name).__name__)
    low = hash_name.lower()
    if low not in _INFO or low.startswith(('shake', 'blake2')):
        raise UnsupportedDigestmodError('[digital envelope routines] unsupported')
    if iterations < 1:
        raise ValueError('iteration value must be greater than 0.')
    if dklen is None:
        dklen = _INFO[low][0]
    if dklen < 1:
        raise ValueError('key length must be greater than 0.')
    return _h.pbkdf2(low, password, salt, iterations, dklen)


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a file-like object opened for reading in binary mode."""
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    while True:
        chunk = fileobj.read(_bufsize)
        if not chunk:
            break
        digestobj.update(chunk)
    return digestobj
