try:
    raise ExceptionGroup("first", [ValueError(1)])
except ExceptionGroup as e:
    raise BaseExceptionGroup("second", [KeyboardInterrupt(), e]) from e
