# expect: error ImportError
# cpython: same
from sys import no_such_name
