# expect: error KeyError
# cpython: same
{}['x']
