"""atexit: functions to run at a normal interpreter exit, last registered first. gilvm's VM
calls `_run_exitfuncs` once the main module has finished (see interp/atexit.rs)."""

import sys as _sys

_exithandlers = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func):
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as e:
            _sys.stdout.flush()
            print(f"Exception ignored in atexit callback: {func!r}", file=_sys.stderr)
            try:
                import traceback
                traceback.print_exception(e)
            except Exception:
                print(f"{type(e).__name__}: {e}", file=_sys.stderr)
