
# ---- streams.py: asyncio streams (ported from CPython 3.11's streams.py, with its socket
# transport and StreamReaderProtocol folded into one small class on top of add_reader /
# add_writer). Appended to asyncio.py: it shares its globals.

_DEFAULT_LIMIT = 2 ** 16
_HIGH_WATER = 64 * 1024
_LOW_WATER = 16 * 1024


class IncompleteReadError(EOFError):
    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of '
                         f'{r_expected} expected bytes')
        self.partial = partial
        self.expected = expected

    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)


def _report(message, exc):
    # The default exception handler's output (CPython logs it to stderr).
    import sys
    import traceback
    text = ''.join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    sys.stdout.flush()
    sys.stderr.write(message + '\n' + text)


class _SocketTransport:
    """A connected non-blocking socket: reads feed a StreamReader, writes are buffered and
    flushed when the socket turns writable (flow control for drain())."""

    def __init__(self, sock, reader, server=None, readable=True):
        sock.setblocking(False)
        self._sock = sock
        self._fd = sock.fileno()
        self._reader = reader
        self._server = server
        self._buffer = bytearray()
        self._closing = False
        self._eof = False
        self._conn_lost = 0
        self._paused = False
        self._drain_waiters = []
        self._connection_lost = False
        # A pipe closes at EOF (CPython's _UnixReadPipeTransport); a socket stays open for
        # writing (StreamReaderProtocol.eof_received).
        self._close_on_eof = False
        self._closed = _create_future()
        self._extra = {'socket': sock}
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        try:
            self._extra['peername'] = sock.getpeername()
        except OSError:
            self._extra['peername'] = None
        if server is not None:
            server._attach()
        self._reading = readable
        if reader is not None:
            reader._transport = self
        if readable:
            _add_reader(self._fd, self._read_ready)

    def get_extra_info(self, name, default=None):
        return self._extra.get(name, default)

    def is_closing(self):
        return self._closing

    def get_write_buffer_size(self):
        return len(self._buffer)

    def pause_reading(self):
        if self._closing or not self._reading:
            return
        self._reading = False
        _remove_reader(self._fd)

    def resume_reading(self):
        if self._closing or self._reading:
            return
        self._reading = True
        _add_reader(self._fd, self._read_ready)

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data = self._sock.recv(256 * 1024)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._force_close(exc)
            return
        if not data:
            # StreamReaderProtocol.eof_received keeps the transport open for writing.
            self._reading = False
            _remove_reader(self._fd)
            self._reader.feed_eof()
            if self._close_on_eof:
                self.close()
            return
        self._reader.feed_data(data)

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data:
            return
        if self._conn_lost:
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                pass
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._force_close(exc)
                return
            else:
                data = memoryview(data)[n:]
                if not data:
                    return
            _add_writer(self._fd, self._write_ready)
        self._buffer.extend(data)
        if not self._paused and len(self._buffer) > _HIGH_WATER:
            self._paused = True

    def writelines(self, list_of_data):
        self.write(b''.join(list_of_data))

    def _write_ready(self):
        if self._conn_lost:
            return
        try:
            n = self._sock.send(self._buffer)
        except (BlockingIOError, InterruptedError):
            pass
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            _remove_writer(self._fd)
            self._buffer.clear()
            self._force_close(exc)
        else:
            if n:
                del self._buffer[:n]
            if self._paused and len(self._buffer) <= _LOW_WATER:
                self._paused = False
                self._wake_drainers(None)
            if not self._buffer:
                _remove_writer(self._fd)
                if self._closing:
                    self._call_connection_lost(None)
                elif self._eof:
                    import socket
                    self._sock.shutdown(socket.SHUT_WR)

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        if not self._buffer:
            import socket
            self._sock.shutdown(socket.SHUT_WR)

    def close(self):
        if self._closing:
            return
        self._closing = True
        _remove_reader(self._fd)
        if not self._buffer:
            self._conn_lost += 1
            _call_soon(self._call_connection_lost, None)

    def abort(self):
        self._force_close(None)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer.clear()
            _remove_writer(self._fd)
        if not self._closing:
            self._closing = True
            _remove_reader(self._fd)
        self._conn_lost += 1
        _call_soon(self._call_connection_lost, exc)

    def _wake_drainers(self, exc):
        waiters, self._drain_waiters = self._drain_waiters, []
        for w in waiters:
            if not w.done():
                if exc is None:
                    w.set_result(None)
                else:
                    w.set_exception(exc)

    def _call_connection_lost(self, exc):
        if self._connection_lost:
            return
        self._connection_lost = True
        # StreamReaderProtocol.connection_lost
        if self._reader is None:
            pass
        elif exc is None:
            self._reader.feed_eof()
        else:
            self._reader.set_exception(exc)
        if not self._closed.done():
            if exc is None:
                self._closed.set_result(None)
            else:
                self._closed.set_exception(exc)
        self._paused = False
        self._wake_drainers(exc)
        self._sock.close()
        self._sock = None
        if self._server is not None:
            self._server._detach()
            self._server = None

    async def _drain_helper(self):
        if self._connection_lost:
            raise ConnectionResetError('Connection lost')
        if not self._paused:
            return
        waiter = _create_future()
        self._drain_waiters.append(waiter)
        try:
            await waiter
        finally:
            if waiter in self._drain_waiters:
                self._drain_waiters.remove(waiter)


class StreamReader:

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._buffer = bytearray()
        self._eof = False
        self._waiter = None
        self._exception = None
        self._transport = None
        self._paused = False

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        if self._limit != _DEFAULT_LIMIT:
            info.append(f'limit={self._limit}')
        if self._waiter:
            info.append(f'waiter={self._waiter!r}')
        if self._exception:
            info.append(f'exception={self._exception!r}')
        if self._paused:
            info.append('paused')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_exception(exc)

    def _wakeup_waiter(self):
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_result(None)

    def set_transport(self, transport):
        self._transport = transport

    def _maybe_resume_transport(self):
        if self._paused and len(self._buffer) <= self._limit:
            self._paused = False
            self._transport.resume_reading()

    def feed_eof(self):
        self._eof = True
        self._wakeup_waiter()

    def at_eof(self):
        return self._eof and not self._buffer

    def feed_data(self, data):
        assert not self._eof, 'feed_data after feed_eof'
        if not data:
            return
        self._buffer.extend(data)
        self._wakeup_waiter()
        if (self._transport is not None and
                not self._paused and
                len(self._buffer) > 2 * self._limit):
            self._transport.pause_reading()
            self._paused = True

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError(
                f'{func_name}() called while another coroutine is '
                f'already waiting for incoming data')
        assert not self._eof, '_wait_for_data after EOF'
        if self._paused:
            self._paused = False
            self._transport.resume_reading()
        self._waiter = _create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def readline(self):
        sep = b'\n'
        seplen = len(sep)
        try:
            line = await self.readuntil(sep)
        except IncompleteReadError as e:
            return e.partial
        except LimitOverrunError as e:
            if self._buffer.startswith(sep, e.consumed):
                del self._buffer[:e.consumed + seplen]
            else:
                self._buffer.clear()
            self._maybe_resume_transport()
            raise ValueError(e.args[0])
        return line

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = self._buffer.find(separator, offset)
                if isep != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise LimitOverrunError(
                        'Separator is not found, and chunk exceed the limit',
                        offset)
            if self._eof:
                chunk = bytes(self._buffer)
                self._buffer.clear()
                raise IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')
        if isep > self._limit:
            raise LimitOverrunError(
                'Separator is found, but chunk is longer than limit', isep)
        chunk = bytes(self._buffer[:isep + seplen])
        del self._buffer[:isep + seplen]
        self._maybe_resume_transport()
        return chunk

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._buffer and not self._eof:
            await self._wait_for_data('read')
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._maybe_resume_transport()
        return data

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                incomplete = bytes(self._buffer)
                self._buffer.clear()
                raise IncompleteReadError(incomplete, n)
            await self._wait_for_data('readexactly')
        if len(self._buffer) == n:
            data = bytes(self._buffer)
            self._buffer.clear()
        else:
            data = bytes(self._buffer[:n])
            del self._buffer[:n]
        self._maybe_resume_transport()
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


class StreamWriter:

    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        info = [self.__class__.__name__, f'transport={self._transport!r}']
        if self._reader is not None:
            info.append(f'reader={self._reader!r}')
        return '<{}>'.format(' '.join(info))

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        self._transport.writelines(data)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._transport._closed

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        if self._transport.is_closing():
            await sleep(0)
        await self._transport._drain_helper()


def _resolve(host, port, family, flags):
    import socket
    if host is None or host == '':
        host = '0.0.0.0' if family in (0, socket.AF_INET) else '::'
    infos = socket.getaddrinfo(host, port, family, socket.SOCK_STREAM, 0, flags)
    if not infos:
        raise OSError('getaddrinfo() returned empty list')
    return infos


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, family=0,
                          sock=None, local_addr=None, **kwds):
    import socket
    loop = get_running_loop()
    if sock is None:
        if host is None and port is None:
            raise ValueError('host and port was not specified and no sock specified')
        exceptions = []
        for fam, type_, proto, _, address in _resolve(host, port, family, 0):
            sock = socket.socket(fam, type_, proto)
            try:
                sock.setblocking(False)
                if local_addr is not None:
                    sock.bind(local_addr)
                await loop.sock_connect(sock, address)
                break
            except OSError as exc:
                sock.close()
                sock = None
                exceptions.append(exc)
            except BaseException:
                sock.close()
                raise
        if sock is None:
            if len(exceptions) == 1:
                raise exceptions[0]
            model = str(exceptions[0])
            if all(str(exc) == model for exc in exceptions):
                raise exceptions[0]
            raise OSError('Multiple exceptions: {}'.format(
                ', '.join(str(exc) for exc in exceptions)))
    reader = StreamReader(limit=limit)
    transport = _SocketTransport(sock, reader)
    writer = StreamWriter(transport, transport, reader, loop)
    return reader, writer


class Server:

    def __init__(self, loop, sockets, client_connected_cb, limit, backlog):
        self._loop = loop
        self._sockets = sockets
        self._client_connected_cb = client_connected_cb
        self._limit = limit
        self._backlog = backlog
        self._active_count = 0
        self._waiters = []
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def _attach(self):
        self._active_count += 1

    def _detach(self):
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(waiter)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            _add_reader(sock.fileno(), self._accept, sock)

    def _accept(self, sock):
        for _ in range(self._backlog):
            try:
                conn, addr = sock.accept()
                conn.setblocking(False)
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            self._new_connection(conn)

    def _new_connection(self, conn):
        reader = StreamReader(limit=self._limit)
        transport = _SocketTransport(conn, reader, server=self)
        writer = StreamWriter(transport, transport, reader, self._loop)
        res = self._client_connected_cb(reader, writer)
        if iscoroutine(res):
            def callback(task):
                if task.cancelled():
                    return
                exc = task.exception()
                if exc is not None:
                    _report('Unhandled exception in client_connected_cb', exc)
                    transport.close()

            task = create_task(res)
            task.add_done_callback(callback)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            _remove_reader(sock.fileno())
        self._serving = False
        if (self._serving_forever_fut is not None and
                not self._serving_forever_fut.done()):
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        for sock in sockets:
            sock.close()
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):
        self._start_serving()
        await sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(
                f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = _create_future()
        try:
            await self._serving_forever_fut
        except CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets is None or self._waiters is None:
            return
        waiter = _create_future()
        self._waiters.append(waiter)
        await waiter

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


async def start_server(client_connected_cb, host=None, port=None, *, limit=_DEFAULT_LIMIT,
                       family=0, flags=None, sock=None, backlog=100, reuse_address=None,
                       reuse_port=None, start_serving=True, **kwds):
    import socket
    loop = get_running_loop()
    if sock is not None:
        sockets = [sock]
    else:
        if flags is None:
            flags = socket.AI_PASSIVE
        if reuse_address is None:
            reuse_address = True
        sockets = []
        seen = set()
        try:
            for fam, type_, proto, _, address in _resolve(host, port, family, flags):
                if (fam, address) in seen:
                    continue
                seen.add((fam, address))
                s = socket.socket(fam, type_, proto)
                sockets.append(s)
                if reuse_address:
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
                if reuse_port:
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, True)
                s.bind(address)
        except BaseException:
            for s in sockets:
                s.close()
            raise
    for s in sockets:
        s.setblocking(False)
    server = Server(loop, sockets, client_connected_cb, limit, backlog)
    if start_serving:
        server._start_serving()
        await sleep(0)
    return server
