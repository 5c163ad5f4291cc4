"""multiprocessing.pool: the process Pool (gilvm's native one, from `multiprocessing`) and
ThreadPool — the same interface over threads, on concurrent.futures.ThreadPoolExecutor."""

import os
import threading

import multiprocessing
from multiprocessing import Pool, TimeoutError
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_EXCEPTION

AsyncResult = multiprocessing.AsyncResult

__all__ = ['Pool', 'ThreadPool']


class _ThreadResult:
    """The AsyncResult of a ThreadPool call: its futures (one per chunk)."""

    def __init__(self, futures, single, callback, error_callback):
        self._futures = futures
        self._single = single
        self._callback = callback
        self._error_callback = error_callback
        self._lock = threading.Lock()
        self._reported = False
        for f in futures:
            f.add_done_callback(self._one_done)

    def _one_done(self, _f):
        if not all(f.done() for f in self._futures):
            exc = _f.exception()
            if exc is None:
                return
        with self._lock:
            if self._reported:
                return
            self._reported = True
        exc = self._first_exception()
        if exc is not None:
            if self._error_callback is not None:
                self._error_callback(exc)
        elif self._callback is not None:
            self._callback(self._value())

    def _first_exception(self):
        for f in self._futures:
            if f.done():
                exc = f.exception()
                if exc is not None:
                    return exc
        return None

    def _value(self):
        if self._single:
            return self._futures[0].result()
        out = []
        for f in self._futures:
            out.extend(f.result())
        return out

    def ready(self):
        return all(f.done() for f in self._futures) or self._first_exception() is not None

    def wait(self, timeout=None):
        wait(self._futures, timeout, FIRST_EXCEPTION)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        exc = self._first_exception()
        if exc is not None:
            raise exc
        return self._value()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._first_exception() is None


def _run_chunk(func, chunk, star):
    if star:
        return [func(*args) for args in chunk]
    return [func(x) for x in chunk]


class ThreadPool:
    """A pool of worker threads with multiprocessing.Pool's interface."""

    def __init__(self, processes=None, initializer=None, initargs=()):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._ex = ThreadPoolExecutor(processes, thread_name_prefix='ThreadPool',
                                      initializer=initializer, initargs=initargs)
        self._state = 'RUN'

    def _check_running(self):
        if self._state != 'RUN':
            raise ValueError("Pool not running")

    def _chunks(self, func, iterable, chunksize, star):
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), self._processes * 4)
            if extra:
                chunksize += 1
        if chunksize < 1:
            chunksize = 1
        return [self._ex.submit(_run_chunk, func, items[i:i + chunksize], star)
                for i in range(0, len(items), chunksize)]

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        f = self._ex.submit(func, *args, **kwds)
        return _ThreadResult([f], True, callback, error_callback)

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        return _ThreadResult(self._chunks(func, iterable, chunksize, False), False,
                             callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        self._check_running()
        return _ThreadResult(self._chunks(func, iterable, chunksize, True), False,
                             callback, error_callback)

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        fs = self._chunks(func, iterable, chunksize, False)

        def results():
            for f in fs:
                yield from f.result()
        return results()

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        from concurrent.futures import as_completed
        fs = self._chunks(func, iterable, chunksize, False)

        def results():
            for f in as_completed(fs):
                yield from f.result()
        return results()

    def close(self):
        self._state = 'CLOSE'
        self._ex.shutdown(wait=False)

    def terminate(self):
        self._state = 'TERMINATE'
        self._ex.shutdown(wait=False, cancel_futures=True)

    def join(self):
        if self._state == 'RUN':
            raise ValueError("Pool is still running")
        self._ex.shutdown(wait=True)

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()

    def __repr__(self):
        return '<multiprocessing.pool.ThreadPool state=%s pool_size=%d>' % (
            self._state, self._processes)
