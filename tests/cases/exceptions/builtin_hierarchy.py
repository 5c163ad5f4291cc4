pairs = [
    (ZeroDivisionError, ArithmeticError),
    (OverflowError, ArithmeticError),
    (KeyError, LookupError),
    (IndexError, LookupError),
    (UnboundLocalError, NameError),
    (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError),
    (FileNotFoundError, OSError),
    (ValueError, Exception),
    (Exception, BaseException),
    (SystemExit, Exception),
    (KeyboardInterrupt, Exception),
    (StopIteration, Exception),
    (AssertionError, Exception),
    (AttributeError, Exception),
    (TypeError, ValueError),
]
for sub, base in pairs:
    print(sub.__name__, "is a", base.__name__, issubclass(sub, base))
try:
    1 // 0
except ArithmeticError as e:
    print("caught via base:", type(e).__name__)
