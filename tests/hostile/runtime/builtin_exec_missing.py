# expect: error NameError
# cpython: same
exec('x')
