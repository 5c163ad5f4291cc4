"""json.scanner: make_scanner, CPython's c_make_scanner (in _json)."""

import _json

__all__ = ['make_scanner']


def make_scanner(context):
    from json.decoder import JSONDecodeError
    return _json.make_scanner(context, JSONDecodeError)


c_make_scanner = make_scanner
py_make_scanner = make_scanner
