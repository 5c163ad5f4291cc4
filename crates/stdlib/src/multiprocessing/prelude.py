# The Python half of gilvm's multiprocessing module (spawn semantics). The native half is the
# hidden module _gilvm_mp (crates/stdlib/src/multiprocessing/). Everything here must stay
# within the Python subset gilvm runs.

import _gilvm_mp as _mp
import os as _os

__name__ = 'multiprocessing.context'


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


__name__ = '_pickle'


class PicklingError(Exception):
    pass


__name__ = 'multiprocessing.pool'


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


__name__ = 'multiprocessing'

def _Empty():
    # queue is imported when first needed (it costs a few ms at start-up).
    import queue
    return queue.Empty()


def _Full():
    import queue
    return queue.Full()


# ---- processes -------------------------------------------------------------------------------

_children = []
# In a child started for a Process subclass: that object (CPython's current_process()).
_current_obj = None


class Process:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        if group is not None:
            raise AssertionError('group argument must be None for now')
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        # Numbered even when named, as CPython's _process_counter.
        auto = _mp.next_name(type(self).__name__)
        if name is None:
            name = auto
        self._name = str(name)
        self._daemon = bool(daemon) if daemon is not None else False
        self._h = None
        self._closed = False

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._closed:
            raise ValueError('process object is closed')
        if self._h is not None:
            raise AssertionError('cannot start a process twice')
        _check_not_daemonic()
        _cleanup()
        if type(self).run is not Process.run:
            # Spawn semantics: the child recreates this object from its class (found by name
            # in the re-imported main script) and its attributes, then calls run().
            self._h = _mp.process_start(type(self), (), self.__dict__, self._name,
                                        self._daemon, True)
        elif self._target is None:
            # Nothing to run: the child starts and ends at once (exit code 0), as in CPython.
            self._h = _mp.process_start(tuple, (), {}, self._name, self._daemon)
        else:
            self._h = _mp.process_start(self._target, self._args, self._kwargs, self._name,
                                        self._daemon)
        _children.append(self)

    def join(self, timeout=None):
        if self._h is None:
            raise AssertionError('can only join a started process')
        _mp.process_join(self._h, timeout)
        if _mp.process_exitcode(self._h) is not None and self in _children:
            _children.remove(self)

    def is_alive(self):
        if self is _current_obj:
            return True
        if self._h is None:
            return False
        return _mp.process_exitcode(self._h) is None

    def terminate(self):
        if self._h is not None:
            _mp.process_signal(self._h, 'TERM')

    def kill(self):
        if self._h is not None:
            _mp.process_signal(self._h, 'KILL')

    def close(self):
        if self._h is not None and _mp.process_exitcode(self._h) is None:
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True

    @property
    def exitcode(self):
        if self._h is None:
            return None
        return _mp.process_exitcode(self._h)

    @property
    def pid(self):
        if self._h is None:
            if self is _current_obj:
                return _os.getpid()
            return None
        return _mp.process_pid(self._h)

    @property
    def ident(self):
        return self.pid

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    @property
    def daemon(self):
        return self._daemon

    @daemon.setter
    def daemon(self, value):
        if self._h is not None:
            raise AssertionError('process has already started')
        self._daemon = bool(value)

    def __repr__(self):
        if self._h is None:
            status = 'initial'
        else:
            code = _mp.process_exitcode(self._h)
            if code is None:
                status = 'started'
            else:
                status = 'stopped' if code == 0 else 'stopped exitcode=' + str(code)
        return '<Process name=' + repr(self._name) + ' ' + status + '>'


class _CurrentProcess:
    @property
    def name(self):
        return _mp.current_name()

    @property
    def pid(self):
        return _os.getpid()

    @property
    def ident(self):
        return _os.getpid()

    @property
    def daemon(self):
        return False

    @property
    def exitcode(self):
        return None

    def is_alive(self):
        return True

    def __repr__(self):
        return '<_MainProcess name=' + repr(self.name) + ' started>'


_current = _CurrentProcess()


def _check_not_daemonic():
    # CPython: a daemonic process (a Pool's workers are) may not start processes.
    if _mp.is_daemonic():
        raise AssertionError('daemonic processes are not allowed to have children')


def current_process():
    if _current_obj is not None:
        return _current_obj
    return _current


def _bootstrap_child(obj, state):
    # The child's half of starting a Process subclass (see Process.start).
    global _current_obj
    d = obj.__dict__
    for k, v in state:
        d[k] = v
    _current_obj = obj
    obj.run()


class _ParentProcess:
    def __init__(self, pid):
        self.pid = pid
        self.ident = pid
        self.name = 'MainProcess'


def parent_process():
    pid = _mp.parent_pid()
    if pid is None:
        return None
    return _ParentProcess(pid)


def _cleanup():
    # Forget the children that have ended (CPython's multiprocessing.process._cleanup), so
    # that a finished Process, its arguments and its handle are freed with the last reference.
    _children[:] = [p for p in _children if p.is_alive()]


def active_children():
    _cleanup()
    return list(_children)


def cpu_count():
    return _mp.cpu_count()


def Manager():
    """A started SyncManager (its server is a new process), as CPython's."""
    from multiprocessing.managers import SyncManager
    m = SyncManager()
    m.start()
    return m


def freeze_support():
    pass


def get_start_method(allow_none=False):
    return 'spawn'


def get_all_start_methods():
    return ['spawn']


def set_start_method(method, force=False):
    # Every start method behaves as spawn in gilvm.
    if method not in ('spawn', 'fork', 'forkserver', None):
        raise ValueError('cannot find context for ' + repr(method))


def get_context(method=None):
    import multiprocessing
    return multiprocessing


# ---- queues and pipes ------------------------------------------------------------------------

class Queue:
    def __init__(self, maxsize=0, *, _h=None):
        if _h is None:
            _h = _mp.queue_new(maxsize)
        self._h = _h
        self._maxsize = maxsize

    def put(self, obj, block=True, timeout=None):
        if not _mp.queue_put(self._h, obj, block, timeout):
            raise _Full()

    def get(self, block=True, timeout=None):
        ok, obj = _mp.queue_get(self._h, block, timeout)
        if not ok:
            raise _Empty()
        return obj

    def put_nowait(self, obj):
        self.put(obj, False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return _mp.queue_qsize(self._h)

    def empty(self):
        return _mp.queue_qsize(self._h) == 0

    def full(self):
        return self._maxsize > 0 and _mp.queue_qsize(self._h) >= self._maxsize

    def close(self):
        pass

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):
    # Every put counts an unfinished task (in the process owning the queue); task_done() and
    # join() work from every process the queue is passed to.
    def task_done(self):
        _mp.queue_task_done(self._h)

    def join(self):
        _mp.queue_join(self._h)


class SimpleQueue(Queue):
    def __init__(self, *, _h=None):
        Queue.__init__(self, 0, _h=_h)


class Connection:
    def __init__(self, _h):
        self._h = _h

    def send(self, obj):
        _mp.conn_send(self._h, obj)

    def recv(self):
        return _mp.conn_recv(self._h)

    def send_bytes(self, buf):
        _mp.conn_send_bytes(self._h, buf)

    def recv_bytes(self):
        data = _mp.conn_recv(self._h)
        if not isinstance(data, bytes):
            raise OSError('recv_bytes() got an object, not bytes (use recv())')
        return data

    def poll(self, *timeout):
        return _mp.conn_poll(self._h, *timeout)

    def close(self):
        _mp.conn_close(self._h)

    @property
    def closed(self):
        return _mp.conn_closed(self._h)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def Pipe(duplex=True):
    a, b = _mp.pipe_new(duplex)
    return Connection(a), Connection(b)


# ---- synchronisation and shared memory -------------------------------------------------------

class Lock:
    _kind = 'lock'

    def __init__(self, *, _h=None):
        if _h is None:
            _h = _mp.sync_new(self._kind)
        self._h = _h

    def acquire(self, block=True, timeout=None):
        return _mp.lock_acquire(self._h, block, timeout)

    def release(self):
        _mp.lock_release(self._h)

    def __enter__(self):
        return _mp.lock_acquire(self._h, True, None)

    def __exit__(self, *exc):
        _mp.lock_release(self._h)
        return False


class RLock(Lock):
    _kind = 'rlock'


class Semaphore(Lock):
    _bounded = False

    def __init__(self, value=1, *, _h=None):
        if _h is None:
            if value < 0:
                raise ValueError('semaphore initial value must be >= 0')
            _h = _mp.sync_new('semaphore', value, self._bounded)
        self._h = _h

    def get_value(self):
        return _mp.sem_value(self._h)


class BoundedSemaphore(Semaphore):
    _bounded = True


class Event:
    def __init__(self, *, _h=None):
        if _h is None:
            _h = _mp.sync_new('event')
        self._h = _h

    def set(self):
        _mp.event_op(self._h, 'set')

    def clear(self):
        _mp.event_op(self._h, 'clear')

    def is_set(self):
        return _mp.event_op(self._h, 'is_set')

    def wait(self, timeout=None):
        return _mp.event_op(self._h, 'wait', timeout)


_CTYPES = {'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short', 'H': 'c_ushort', 'i': 'c_int',
           'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong', 'q': 'c_longlong',
           'Q': 'c_ulonglong', 'f': 'c_float', 'd': 'c_double'}


class Synchronized:
    def __init__(self, _h):
        self._h = _h

    @property
    def value(self):
        return _mp.shm_get(self._h, 0)

    @value.setter
    def value(self, v):
        _mp.shm_set(self._h, 0, v)

    def get_lock(self):
        if not _mp.shm_info(self._h)[2]:
            raise AttributeError("'" + self._ctype() + "' object has no attribute 'get_lock'")
        return RLock(_h=_mp.shm_lockview(self._h))

    def get_obj(self):
        return self

    def acquire(self, block=True, timeout=None):
        return self.get_lock().acquire(block, timeout)

    def release(self):
        self.get_lock().release()

    def __enter__(self):
        return self.get_lock().__enter__()

    def __exit__(self, *exc):
        return self.get_lock().__exit__(*exc)

    def _ctype(self):
        return _CTYPES[_mp.shm_info(self._h)[0]]

    def __repr__(self):
        inner = self._ctype() + '(' + repr(self.value) + ')'
        if _mp.shm_info(self._h)[2]:
            return '<Synchronized wrapper for ' + inner + '>'
        return inner


class SynchronizedArray(Synchronized):
    def __len__(self):
        return _mp.shm_info(self._h)[1]

    def __getitem__(self, i):
        if isinstance(i, int):
            return _mp.shm_get(self._h, i)
        return _mp.shm_list(self._h)[i]

    def __setitem__(self, i, v):
        if isinstance(i, int):
            _mp.shm_set(self._h, i, v)
            return
        items = _mp.shm_list(self._h)
        n = len(items)
        items[i] = v
        if len(items) != n:
            raise ValueError("Can only assign sequence of same size")
        for k in range(n):
            _mp.shm_set(self._h, k, items[k])

    def __iter__(self):
        return iter(_mp.shm_list(self._h))

    def tolist(self):
        return _mp.shm_list(self._h)

    def __repr__(self):
        inner = '<' + self._ctype() + '_Array_' + str(len(self)) + '>'
        if _mp.shm_info(self._h)[2]:
            return '<SynchronizedArray wrapper for ' + inner + '>'
        return inner


def Value(typecode_or_type, *args, lock=True):
    if len(args) > 1:
        raise TypeError('Value() takes at most 2 positional arguments')
    if args:
        init = args[0]
    elif typecode_or_type in ('d', 'f'):
        init = 0.0
    else:
        init = 0
    return Synchronized(_mp.shm_new(typecode_or_type, init, lock is not False))


def RawValue(typecode_or_type, *args):
    return Value(typecode_or_type, *args, lock=False)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    if isinstance(size_or_initializer, int):
        zero = 0.0 if typecode_or_type in ('d', 'f') else 0
        init = [zero] * size_or_initializer
    else:
        init = list(size_or_initializer)
    return SynchronizedArray(_mp.shm_new(typecode_or_type, init, lock is not False))


def RawArray(typecode_or_type, size_or_initializer):
    return Array(typecode_or_type, size_or_initializer, lock=False)


# ---- pools -----------------------------------------------------------------------------------

class AsyncResult:
    def __init__(self, pool, job, single, callback, error_callback):
        self._pool = pool
        self._job = job
        self._single = single
        self._callback = callback
        self._error_callback = error_callback
        self._done = False
        self._value = None
        self._exc = None
        self._tb = None

    def _fetch(self, timeout):
        if self._done:
            return True
        r = _mp.pool_wait(self._pool._h, self._job, timeout)
        if r[0] == 'timeout':
            return False
        self._done = True
        if self._pool._pending is not None and self in self._pool._pending:
            self._pool._pending.remove(self)
        if r[0] == 'ok':
            self._value = r[1][0] if self._single else r[1]
            if self._callback is not None:
                self._callback(self._value)
        else:
            self._exc = r[1]
            self._tb = r[2]
            if self._error_callback is not None:
                self._error_callback(self._exc)
        return True

    def get(self, timeout=None):
        if not self._fetch(timeout):
            raise TimeoutError()
        if self._exc is not None:
            if self._tb is not None:
                raise self._exc from RemoteTraceback('\n"""\n' + self._tb + '"""')
            raise self._exc
        return self._value

    def wait(self, timeout=None):
        self._fetch(timeout)

    def ready(self):
        return self._done or _mp.pool_ready(self._pool._h, self._job)

    def successful(self):
        if not self.ready():
            raise ValueError(repr(self) + ' not ready')
        self._fetch(None)
        return self._exc is None


def _imap_results(jobs):
    for job in jobs:
        for value in job.get():
            yield value


def _imap_unordered_results(pool, jobs):
    # Chunks in the order they finish (CPython's imap_unordered).
    jobs = list(jobs)
    while jobs:
        i = _mp.pool_wait_any(pool._h, [job._job for job in jobs])
        job = jobs.pop(i)
        for value in job.get():
            yield value


class Pool:
    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        if processes is not None and processes < 1:
            raise ValueError('Number of processes must be at least 1')
        _check_not_daemonic()
        self._h = _mp.pool_new(processes, initializer, tuple(initargs))
        self._processes = len(_mp.pool_pids(self._h))
        self._pending = []

    def _submit(self, func, items, chunksize, star, kwds, single, callback, error_callback):
        job = _mp.pool_submit(self._h, func, items, chunksize, star, kwds)
        r = AsyncResult(self, job, single, callback, error_callback)
        if callback is not None or error_callback is not None:
            self._pending.append(r)
        return r

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        return self._submit(func, [tuple(args)], 1, True, dict(kwds), True, callback,
                            error_callback)

    def map(self, func, iterable, chunksize=None):
        return self._submit(func, list(iterable), chunksize, False, None, False, None,
                            None).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._submit(func, list(iterable), chunksize, False, None, False, callback,
                            error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self._submit(func, list(iterable), chunksize, True, None, False, None,
                            None).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self._submit(func, list(iterable), chunksize, True, None, False, callback,
                            error_callback)

    def _imap_jobs(self, func, iterable, chunksize):
        # One job per chunk, all submitted now.
        items = list(iterable)
        if chunksize < 1:
            raise ValueError('Chunksize must be 1+, not ' + str(chunksize))
        jobs = []
        for i in range(0, len(items), chunksize):
            jobs.append(self._submit(func, items[i:i + chunksize], chunksize, False, None,
                                     False, None, None))
        return jobs

    def imap(self, func, iterable, chunksize=1):
        return _imap_results(self._imap_jobs(func, iterable, chunksize))

    def imap_unordered(self, func, iterable, chunksize=1):
        return _imap_unordered_results(self, self._imap_jobs(func, iterable, chunksize))

    def close(self):
        _mp.pool_close(self._h)

    def terminate(self):
        _mp.pool_terminate(self._h)

    def join(self):
        for r in list(self._pending):
            r._fetch(None)
        _mp.pool_join(self._h)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.terminate()
        return False

    def __repr__(self):
        return '<multiprocessing.pool.Pool processes=' + str(self._processes) + '>'


def _rebuild(kind, h):
    if kind in ('Connection', 'Synchronized', 'SynchronizedArray'):
        return _KINDS[kind](h)
    return _KINDS[kind](_h=h)


_KINDS = {'Queue': Queue, 'SimpleQueue': SimpleQueue, 'JoinableQueue': JoinableQueue, 'Lock': Lock, 'RLock': RLock,
          'Semaphore': Semaphore, 'BoundedSemaphore': BoundedSemaphore, 'Event': Event,
          'Connection': Connection, 'Synchronized': Synchronized,
          'SynchronizedArray': SynchronizedArray}
