# expect: error FileNotFoundError
# cpython: same
open('')
