"""concurrent.futures.process: ProcessPoolExecutor over gilvm's native multiprocessing pool
(`_gilvm_mp.pool_*`: spawn semantics — the workers re-run the main script as `__mp_main__` —
and the wire format of multiprocessing, so functions must be top-level and arguments plain
data). As in CPython 3.11, at most max_workers + 1 calls are handed to the pool at a time (the
others can still be cancelled); a collector thread marks the futures done as results come back;
a worker that dies breaks the pool (BrokenProcessPool) and fails every pending future. When
the main thread ends, the work already submitted is finished first, as in CPython."""

import collections
import itertools
import os
import threading
import time

import _gilvm_mp as _mp
from concurrent.futures import _base

EXTRA_QUEUED_CALLS = 1

# How long the collector waits on the pool before looking for calls handed over since.
_POLL = 0.05

_shutdown = False
# Executors whose collector runs; at exit they finish the work handed to them and end (the
# collectors are non-daemon threads, joined as CPython joins its executor manager threads).
_live = []


def _python_exit():
    global _shutdown
    _shutdown = True
    for ex in list(_live):
        with ex._cond:
            ex._cond.notify_all()


threading._register_atexit(_python_exit)


class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


class _WorkItem(object):
    def __init__(self, future, fn, items, kwargs, single):
        self.future = future
        self.fn = fn
        self.items = items
        self.kwargs = kwargs
        self.single = single


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        """Initializes a new ProcessPoolExecutor instance."""
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._mp_context = mp_context
        self._max_tasks_per_child = max_tasks_per_child
        self._initializer = initializer
        self._initargs = tuple(initargs)
        self._h = None
        self._collector = None
        self._cond = threading.Condition(threading.RLock())
        self._queue = collections.deque()
        self._inflight = {}
        self._shutdown_thread = False
        self._broken = False

    # ---- handing calls to the pool (with self._cond held) ------------------------------------

    def _start(self):
        self._h = _mp.pool_new(self._max_workers, self._initializer, self._initargs)
        self._collector = threading.Thread(target=self._run_collector,
                                           name='ProcessPoolExecutor-collector')
        _live.append(self)
        self._collector.start()

    def _run_collector(self):
        try:
            self._collect()
        finally:
            if self in _live:
                _live.remove(self)

    def _dispatch(self):
        failed = []
        while self._queue and len(self._inflight) < self._max_workers + EXTRA_QUEUED_CALLS:
            item = self._queue.popleft()
            if not item.future.set_running_or_notify_cancel():
                continue
            try:
                job = _mp.pool_submit(self._h, item.fn, item.items, len(item.items), True,
                                      item.kwargs)
            except BaseException as exc:
                # CPython's queue feeder: a call that cannot be sent fails its future.
                failed.append((item, exc))
                continue
            self._inflight[job] = item
        return failed

    def _submit_items(self, fn, items, kwargs, single):
        with self._cond:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = _base.Future()
            self._queue.append(_WorkItem(f, fn, items, kwargs, single))
            if self._h is None:
                self._start()
            failed = self._dispatch()
            self._cond.notify_all()
        for item, exc in failed:
            item.future.set_exception(exc)
        return f

    # ---- the collector thread ----------------------------------------------------------------

    def _collect(self):
        while True:
            with self._cond:
                failed = self._dispatch()
                while not self._inflight and not failed:
                    if self._shutdown_thread or self._broken or _shutdown:
                        self._finish()
                        return
                    self._cond.wait(1.0)
                    failed = self._dispatch()
                jobs = list(self._inflight)
            for item, exc in failed:
                item.future.set_exception(exc)
            if not jobs:
                continue
            i = _mp.pool_wait_any(self._h, jobs, _POLL)
            if i < 0:
                continue
            job = jobs[i]
            r = _mp.pool_wait(self._h, job, None)
            with self._cond:
                item = self._inflight.pop(job)
            if r[0] == 'ok':
                item.future.set_result(r[1][0] if item.single else r[1])
            elif r[2] is not None:
                exc = r[1]
                exc.__cause__ = _RemoteTraceback('\n"""\n' + r[2] + '"""')
                item.future.set_exception(exc)
            else:
                self._break(item)
                return

    def _finish(self):
        if self._broken:
            _mp.pool_terminate(self._h)
        else:
            _mp.pool_close(self._h)
        _mp.pool_join(self._h)

    def _break(self, item):
        # A worker died: CPython marks the pool broken and fails every call not yet done.
        with self._cond:
            self._broken = ('A child process terminated abruptly, the process pool is not '
                            'usable anymore')
            items = [item] + list(self._inflight.values()) + list(self._queue)
            self._inflight.clear()
            self._queue.clear()
            self._cond.notify_all()
        self._finish()
        for it in items:
            if not it.future.done():
                bpe = BrokenProcessPool("A process in the process pool was terminated "
                                        "abruptly while the future was running or pending.")
                it.future.set_exception(bpe)

    # ---- the Executor interface --------------------------------------------------------------

    def submit(self, fn, /, *args, **kwargs):
        return self._submit_items(fn, [args], kwargs, True)
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter)."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        if timeout is not None:
            end_time = timeout + time.monotonic()
        args = zip(*iterables)
        fs = []
        while True:
            chunk = list(itertools.islice(args, chunksize))
            if not chunk:
                break
            fs.append(self._submit_items(fn, chunk, {}, False))

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        chunk = _base._result_or_cancel(fs.pop())
                    else:
                        chunk = _base._result_or_cancel(fs.pop(),
                                                        end_time - time.monotonic())
                    yield from chunk
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        cancelled = []
        with self._cond:
            self._shutdown_thread = True
            if cancel_futures:
                cancelled = list(self._queue)
                self._queue.clear()
            self._cond.notify_all()
            collector = self._collector
        for item in cancelled:
            if item.future.cancel():
                item.future.set_running_or_notify_cancel()
        if wait and collector is not None:
            collector.join()
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
