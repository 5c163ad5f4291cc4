# expect: error AttributeError
# cpython: same
object().x = 1
