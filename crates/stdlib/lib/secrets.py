"""secrets: tokens and random numbers from the operating system (os.urandom), CPython 3.11's
functions and messages.

gilvm's `random` has no `SystemRandom`, so this module carries a small one of its own
(`getrandbits`, `randbelow`, `randbytes`, `choice`, `random`) over os.urandom.
"""

__all__ = ['choice', 'randbelow', 'randbits', 'SystemRandom',
           'token_bytes', 'token_hex', 'token_urlsafe',
           'compare_digest',
           ]

import base64
import binascii
import os as _os
from hmac import compare_digest


class SystemRandom:
    """Random numbers from os.urandom (no state, so no seed)."""

    def getrandbits(self, k):
        k = k.__index__()
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        n = (k + 7) // 8
        return int.from_bytes(_os.urandom(n), 'big') >> (n * 8 - k)

    def randbytes(self, n):
        n = n.__index__()
        if n < 0:
            raise ValueError('negative argument not allowed')
        return _os.urandom(n)

    def random(self):
        return (int.from_bytes(_os.urandom(7), 'big') >> 3) * 2.0 ** -53

    def _randbelow(self, n):
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r

    def choice(self, seq):
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def seed(self, *args, **kwds):
        return None


_sysrand = SystemRandom()

randbits = _sysrand.getrandbits
choice = _sysrand.choice


def randbelow(exclusive_upper_bound):
    """Return a random int in the range [0, n)."""
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    return _sysrand._randbelow(exclusive_upper_bound)


DEFAULT_ENTROPY = 32  # number of bytes to return by default


def token_bytes(nbytes=None):
    """Return a random byte string containing *nbytes* bytes."""
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return _sysrand.randbytes(nbytes)


def token_hex(nbytes=None):
    """Return a random text string, in hexadecimal."""
    return binascii.hexlify(token_bytes(nbytes)).decode('ascii')


def token_urlsafe(nbytes=None):
    """Return a random URL-safe text string, in Base64 encoding."""
    tok = token_bytes(nbytes)
    return base64.urlsafe_b64encode(tok).rstrip(b'=').decode('ascii')
