# expect: error KeyError
# cpython: same
{1}.remove(2)
