def f():
    try:
        pass
    except* ValueError:
        for x in []:
            return 1
