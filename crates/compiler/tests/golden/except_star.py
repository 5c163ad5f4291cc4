try:
    work()
except* ValueError as e:
    handle(e)
except* (TypeError, OSError):
    pass
else:
    done()
