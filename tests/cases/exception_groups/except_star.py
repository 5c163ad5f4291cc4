# except* (PEP 654): matching, splitting, wrapping and re-raising.
import sys


def leaves(e):
    if isinstance(e, BaseExceptionGroup):
        return [x for s in e.exceptions for x in leaves(s)]
    return [e]


def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return f"{type(e).__name__}({e.message!r}, [{', '.join(desc(x) for x in e.exceptions)}])"
    return repr(e)


def run(label, f):
    try:
        f()
        print(label, "-> nothing escaped")
    except BaseException as e:
        print(label, "->", desc(e))


def all_matched():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError as e:
        print("  caught", desc(e), desc(sys.exc_info()[1]))


def partial():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        print("  V", desc(e))
    except* TypeError as e:
        print("  T", desc(e))


def tuples():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* (ValueError, TypeError) as e:
        print("  VT", desc(e))
    except* OSError:
        print("  OS", desc(sys.exc_info()[1]))


def naked():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("  wrapped", desc(e), type(e).__name__, e.exceptions[0].__traceback__ is not None)


def naked_base():
    try:
        raise KeyboardInterrupt("k")
    except* KeyboardInterrupt as e:
        print("  wrapped", desc(e))


def naked_unmatched():
    try:
        raise ValueError("left")
    except* TypeError:
        print("  not reached")


def nested():
    try:
        raise ExceptionGroup("outer", [ExceptionGroup("inner", [ValueError(1), TypeError(2)]), ValueError(3)])
    except* ValueError as e:
        print("  V", desc(e))


def raise_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise KeyError("new")


def raise_new_context():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise KeyError("new")


def bare_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise


def raise_match():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as v:
        raise v


def two_clauses_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("from V")
    except* TypeError:
        raise IndexError("from T")


def naked_raise_in_handler():
    try:
        raise ValueError(1)
    except* ValueError:
        raise TypeError("replacement")


def else_finally():
    try:
        print("  body")
    except* ValueError:
        print("  not reached")
    else:
        print("  else")
    finally:
        print("  finally")


def finally_with_escape():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("  V")
    finally:
        print("  finally runs")


def loops_inside():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        for i in range(5):
            if i == 2:
                break
            print("  i", i)
        n = 0
        while n < 3:
            n += 1
            if n == 1:
                continue
            print("  n", n)


def name_unbound():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as err:
        pass
    try:
        err
    except NameError as e:
        print("  unbound:", e)


def nested_try_inside():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        try:
            raise OSError("inner")
        except OSError as e:
            print("  inner handled", repr(e), desc(e.__context__))
    except* TypeError:
        print("  T")


def with_notes():
    eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    eg.add_note("a note")
    try:
        raise eg
    except* ValueError as e:
        print("  notes", e.__notes__, e.__notes__ is eg.__notes__)


def bad_type():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass


def bad_tuple_type():
    try:
        raise ValueError(1)
    except* (ValueError, BaseExceptionGroup):
        pass


def not_exception_type():
    try:
        raise ValueError(1)
    except* int:
        pass


def nothing_raised_type_not_checked():
    try:
        pass
    except* int:
        pass


for f in [all_matched, partial, tuples, naked, naked_base, naked_unmatched, nested, raise_new,
          raise_new_context, bare_raise, raise_match, two_clauses_raise, naked_raise_in_handler,
          else_finally, finally_with_escape, loops_inside, name_unbound, nested_try_inside,
          with_notes, bad_type, bad_tuple_type, not_exception_type,
          nothing_raised_type_not_checked]:
    run(f.__name__, f)

try:
    raise_new_context()
except KeyError as k:
    print(repr(k), desc(k.__context__), k.__context__.__traceback__ is not None)

try:
    raise_match()
except ExceptionGroup as e:
    print(desc(e), e.exceptions[0].__traceback__ is not None)


def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        yield 2
    except* TypeError:
        yield 3


print(list(gen()))
