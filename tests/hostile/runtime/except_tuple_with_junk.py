# expect: error TypeError
# cpython: same
try:
    1 / 0
except (ValueError, 5):
    pass
