"""gilvm's asyncio: the Python part (ported from CPython 3.11), on top of the native core."""

from _asyncio import (Future, Task, run, sleep, create_task, ensure_future,
                      current_task, iscoroutine)
from _asyncio import _create_future, _call_soon, _call_later, _cancel_handle, _time, _running
from _asyncio import (_loop_handle, _get_loop, _set_loop, _call_soon_threadsafe,
                      _begin_threadsafe, _finish_threadsafe)
from _asyncio import _add_reader, _add_writer, _remove_reader, _remove_writer


class CancelledError(BaseException):
    pass


class InvalidStateError(Exception):
    pass


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


TimeoutError = TimeoutError


class TimerHandle:
    def __init__(self, h):
        self._h = h

    def cancel(self):
        _cancel_handle(self._h)


class _Loop:
    def __init__(self, handle=None):
        self._handle = handle

    def _door(self):
        if self._handle is None:
            raise RuntimeError("no running event loop")
        return self._handle

    def create_future(self):
        return _create_future()

    def create_task(self, coro, name=None):
        return create_task(coro, name=name)

    def call_soon(self, callback, *args):
        return TimerHandle(_call_soon(callback, *args))

    def call_later(self, delay, callback, *args):
        return TimerHandle(_call_later(delay, callback, *args))

    def call_at(self, when, callback, *args):
        return TimerHandle(_call_later(when - _time(), callback, *args))

    def time(self):
        return _time()

    def call_soon_threadsafe(self, callback, *args):
        return TimerHandle(_call_soon_threadsafe(self._door(), callback, *args))

    def run_in_executor(self, executor, func, *args):
        if executor is not None:
            return _wrap_future(self._door(), executor.submit(func, *args))
        return _run_in_thread(self._door(), func, args, None)

    def is_running(self):
        return _running()

    # Descriptors (CPython's selector_events.BaseSelectorEventLoop).

    def add_reader(self, fd, callback, *args):
        _add_reader(_fileobj_to_fd(fd), callback, *args)

    def remove_reader(self, fd):
        return _remove_reader(_fileobj_to_fd(fd))

    def add_writer(self, fd, callback, *args):
        _add_writer(_fileobj_to_fd(fd), callback, *args)

    def remove_writer(self, fd):
        return _remove_writer(_fileobj_to_fd(fd))

    async def sock_recv(self, sock, n):
        try:
            return sock.recv(n)
        except (BlockingIOError, InterruptedError):
            pass
        return await self._sock_wait(sock, False, _try_recv, n)

    async def sock_recv_into(self, sock, buf):
        try:
            return sock.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            pass
        return await self._sock_wait(sock, False, _try_recv_into, buf)

    async def sock_sendall(self, sock, data):
        try:
            n = sock.send(data)
        except (BlockingIOError, InterruptedError):
            n = 0
        if n == len(data):
            return
        view = memoryview(data)
        return await self._sock_wait(sock, True, _try_sendall, view, [n])

    async def sock_connect(self, sock, address):
        try:
            sock.connect(address)
            return
        except (BlockingIOError, InterruptedError):
            pass
        return await self._sock_wait(sock, True, _try_connect, address)

    async def sock_accept(self, sock):
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
            return conn, address
        except (BlockingIOError, InterruptedError):
            pass
        return await self._sock_wait(sock, False, _try_accept)

    def _sock_wait(self, sock, write, attempt, *args):
        # A future the descriptor's callback finishes: `attempt(fut, sock, *args)` runs each
        # time the socket is ready and returns True once it has set the future's outcome.
        fut = _create_future()
        fd = sock.fileno()
        add = _add_writer if write else _add_reader
        remove = _remove_writer if write else _remove_reader

        def ready():
            if fut.done():
                return
            try:
                attempt(fut, sock, *args)
            except (BlockingIOError, InterruptedError):
                pass
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                fut.set_exception(exc)

        def done(f):
            remove(fd)

        add(fd, ready)
        fut.add_done_callback(done)
        return fut


_the_loop = _Loop()


def _fileobj_to_fd(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f"Invalid file object: {fileobj!r}") from None
    if fd < 0:
        raise ValueError(f"Invalid file descriptor: {fd}")
    return fd


def _try_recv(fut, sock, n):
    fut.set_result(sock.recv(n))


def _try_recv_into(fut, sock, buf):
    fut.set_result(sock.recv_into(buf))


def _try_sendall(fut, sock, view, pos):
    start = pos[0]
    start += sock.send(view[start:])
    if start == len(view):
        fut.set_result(None)
    else:
        pos[0] = start


def _try_connect(fut, sock, address):
    import socket
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err != 0:
        raise OSError(err, f"Connect call failed {address}")
    fut.set_result(None)


def _try_accept(fut, sock):
    conn, address = sock.accept()
    conn.setblocking(False)
    fut.set_result((conn, address))


def get_running_loop():
    if not _running():
        raise RuntimeError("no running event loop")
    loop = _get_loop()
    if loop is None:
        loop = _Loop(_loop_handle())
        _set_loop(loop)
    return loop


def get_event_loop():
    if _running():
        return get_running_loop()
    return _the_loop


_worker_count = 0


def _deliver(fut, ok, value):
    if fut.cancelled():
        return
    if ok:
        fut.set_result(value)
    else:
        fut.set_exception(value)


def _run_in_thread(handle, func, args, kwargs):
    # A worker thread per call (CPython uses a pool of them): it calls func and hands the
    # outcome back to the loop; the loop waits for it with the GIL released.
    global _worker_count
    import threading
    fut = _create_future()

    def work():
        try:
            if kwargs:
                result = func(*args, **kwargs)
            else:
                result = func(*args)
        except BaseException as exc:
            _finish_threadsafe(handle, _deliver, fut, False, exc)
        else:
            _finish_threadsafe(handle, _deliver, fut, True, result)

    thread = threading.Thread(target=work, name="asyncio_" + str(_worker_count))
    _worker_count += 1
    _begin_threadsafe(handle)
    try:
        thread.start()
    except BaseException:
        _finish_threadsafe(handle)
        raise
    return fut


def _copy_outcome(fut, cf):
    # On the loop's thread: the concurrent future's outcome into the asyncio future.
    if fut.cancelled():
        return
    if cf.cancelled():
        fut.cancel()
        return
    exc = cf.exception()
    if exc is not None:
        fut.set_exception(exc)
    else:
        fut.set_result(cf.result())


def _wrap_future(handle, cf):
    # The loop counts the pending hand-over (it waits for it with the GIL released); the
    # concurrent future's done-callback, on whichever thread finishes it, hands it back.
    fut = _create_future()
    _begin_threadsafe(handle)

    def done(cf):
        _finish_threadsafe(handle, _copy_outcome, fut, cf)

    def cancelled(f):
        if f.cancelled():
            cf.cancel()

    fut.add_done_callback(cancelled)
    cf.add_done_callback(done)
    return fut


def wrap_future(future, *, loop=None):
    """Wrap a concurrent.futures.Future object in an asyncio future."""
    if isinstance(future, (Future, Task)):
        return future
    if not hasattr(future, "add_done_callback") or not hasattr(future, "set_running_or_notify_cancel"):
        raise AssertionError(f"concurrent.futures.Future is expected, got {future!r}")
    if loop is None:
        loop = get_event_loop()
    return _wrap_future(loop._door(), future)


async def to_thread(func, /, *args, **kwargs):
    loop = get_running_loop()
    return await _run_in_thread(loop._door(), func, args, kwargs)


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        outer = _create_future()
        outer.set_result([])
        return outer

    nfuts = 0
    nfinished = 0
    children = []
    outer = None

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1

        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return

        if not return_exceptions:
            if fut.cancelled():
                exc = _cancelled_error_of(fut)
                outer.set_exception(exc)
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer.set_exception(exc)
                    return

        if nfinished == nfuts:
            results = []
            for fut in children:
                if fut.cancelled():
                    res = _cancelled_error_of(fut)
                else:
                    res = fut.exception()
                    if res is None:
                        res = fut.result()
                results.append(res)

            if outer._cancel_requested():
                exc = CancelledError()
                outer.set_exception(exc)
            else:
                outer.set_result(results)

    arg_to_fut = {}
    for arg in coros_or_futures:
        key = id(arg)
        if key not in arg_to_fut:
            fut = ensure_future(arg)
            nfuts += 1
            arg_to_fut[key] = (arg, fut)
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[key][1]
        children.append(fut)

    outer = _create_future()
    outer._set_children(children)
    return outer


def _cancelled_error_of(fut):
    msg = fut._cancel_message()
    if msg is None:
        return CancelledError()
    return CancelledError(msg)


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    waiter = _create_future()

    def cb(f):
        _release_waiter(waiter)

    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    if timeout is None:
        return await fut

    if timeout <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc

    waiter = _create_future()
    timeout_handle = _call_later(timeout, _release_waiter, waiter)

    def cb(f):
        _release_waiter(waiter)

    fut = ensure_future(fut)
    fut.add_done_callback(cb)

    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                await _cancel_and_wait(fut)
                raise

        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            try:
                return fut.result()
            except CancelledError as exc:
                raise TimeoutError() from exc
    finally:
        _cancel_handle(timeout_handle)


class Event:
    def __init__(self):
        self._waiters = []
        self._value = False

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = _create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Lock:
    def __init__(self):
        self._waiters = None
        self._locked = False

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and (self._waiters is None or
                                 all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True

        if self._waiters is None:
            self._waiters = []
        fut = _create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise

        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    def __repr__(self):
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.Condition object at {id(self):#x} [{extra}]>'

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = _create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            # Must reacquire lock even if wait is cancelled
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    def locked(self):
        return self._value == 0 or (
            any(not w.cancelled() for w in (self._waiters or ())))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True

        if self._waiters is None:
            self._waiters = []
        fut = _create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise

        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


class Queue:
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._queue = []

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                break

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        else:
            return self.qsize() >= self._maxsize

    async def put(self, item):
        while self.full():
            putter = _create_future()
            self._putters.append(putter)
            try:
                await putter
            except:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._queue.append(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        while self.empty():
            getter = _create_future()
            self._getters.append(getter)
            try:
                await getter
            except:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._queue.pop(0)
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()
