# expect: error ValueError
a = ValueError('a')
b = KeyError('b')
try:
    try:
        raise a
    except ValueError:
        raise b
except KeyError:
    try:
        raise a
    except ValueError as e:
        raise e
