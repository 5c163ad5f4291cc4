# expect: error SyntaxError
# cpython: same
try:
    pass
except:
    pass
except ValueError:
    pass
