try:
    import no_such_module_anywhere
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__, "from math import no_such_name failed")
