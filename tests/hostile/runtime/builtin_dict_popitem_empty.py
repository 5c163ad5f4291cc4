# expect: error KeyError
# cpython: same
{}.popitem()
