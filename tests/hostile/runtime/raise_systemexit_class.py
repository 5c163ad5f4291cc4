# expect: ok
# cpython: same
raise SystemExit
