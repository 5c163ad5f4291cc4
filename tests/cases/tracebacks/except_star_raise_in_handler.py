def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print(repr(e), e.__traceback__ is not None)
        raise KeyError('x')
f()
