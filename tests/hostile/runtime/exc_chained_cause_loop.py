# expect: clean
try:
    try:
        raise ValueError('a')
    except ValueError as e:
        e.__cause__ = e
        raise
except ValueError as e:
    raise KeyError('b') from e
