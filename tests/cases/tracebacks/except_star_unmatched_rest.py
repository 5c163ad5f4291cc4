def work():
    raise ExceptionGroup("jobs", [ValueError("bad value"), TypeError("bad type"), OSError("io")])


def main():
    try:
        work()
    except* ValueError as e:
        print("handled", repr(e))
    except* OSError:
        raise


main()
