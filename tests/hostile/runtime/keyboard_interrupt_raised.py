# expect: exit 130
# cpython: same
raise KeyboardInterrupt
