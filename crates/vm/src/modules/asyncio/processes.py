
# ---- processes.py: asyncio.create_subprocess_exec / create_subprocess_shell and Process
# (after CPython 3.11's subprocess.py). The child is a subprocess.Popen; its pipes are
# non-blocking and watched by the loop (add_reader / add_writer through the streams' socket
# transport, over a small pipe shim); a worker thread waits for the child's exit, as CPython's
# default ThreadedChildWatcher does, and hands the return code to the loop. Appended to
# asyncio.py: it shares its globals.


class _PipeEnd:
    # What _SocketTransport needs of a socket, over one end of a pipe (a Popen file object).

    def __init__(self, f):
        import os
        self._f = f
        self._fd = f.fileno()
        os.set_blocking(self._fd, False)

    def fileno(self):
        return self._fd

    def setblocking(self, flag):
        pass

    def getsockname(self):
        raise OSError("not a socket")

    getpeername = getsockname

    def recv(self, n):
        import os
        return os.read(self._fd, n)

    def send(self, data):
        import os
        return os.write(self._fd, data)

    def shutdown(self, how):
        self.close()

    def close(self):
        self._f.close()


class _SubprocessNamespace:
    """`asyncio.subprocess`: the constants and the Process class."""
    PIPE = -1
    STDOUT = -2
    DEVNULL = -3


subprocess = _SubprocessNamespace


class Process:

    def __init__(self, popen, limit, handle):
        self._popen = popen
        self.pid = popen.pid
        self._returncode = None
        self._exit_waiters = []
        self._pipes = []
        self.stdin = self.stdout = self.stderr = None
        if popen.stdin is not None:
            t = _SocketTransport(_PipeEnd(popen.stdin), None, readable=False)
            self._pipes.append(t)
            self.stdin = StreamWriter(t, t, None, None)
        if popen.stdout is not None:
            self.stdout = StreamReader(limit=limit)
            self._read_pipe(popen.stdout, self.stdout)
        if popen.stderr is not None:
            self.stderr = StreamReader(limit=limit)
            self._read_pipe(popen.stderr, self.stderr)
        waited = _run_in_thread(handle, popen.wait, (), None)
        waited.add_done_callback(self._exited)

    def _read_pipe(self, f, reader):
        t = _SocketTransport(_PipeEnd(f), reader)
        t._close_on_eof = True
        self._pipes.append(t)

    def __repr__(self):
        return f'<Process {self.pid}>'

    @property
    def returncode(self):
        return self._returncode

    def _exited(self, fut):
        if fut.cancelled():
            return
        exc = fut.exception()
        rc = fut.result() if exc is None else self._popen.returncode
        self._returncode = rc
        waiters, self._exit_waiters = self._exit_waiters, []
        for w in waiters:
            if not w.done():
                w.set_result(rc)

    async def wait(self):
        if self._returncode is not None:
            return self._returncode
        waiter = _create_future()
        self._exit_waiters.append(waiter)
        return await waiter

    def _check_alive(self):
        if self._returncode is not None:
            raise ProcessLookupError()

    def send_signal(self, signal):
        self._check_alive()
        self._popen.send_signal(signal)

    def terminate(self):
        self._check_alive()
        self._popen.terminate()

    def kill(self):
        self._check_alive()
        self._popen.kill()

    async def _feed_stdin(self, input):
        self.stdin.write(input)
        try:
            await self.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.stdin.close()

    async def _noop(self):
        return None

    async def _read_stream(self, stream):
        output = await stream.read()
        stream._transport.close()
        return output

    async def communicate(self, input=None):
        if input is not None:
            stdin = self._feed_stdin(input)
        else:
            stdin = self._noop()
        if self.stdout is not None:
            stdout = self._read_stream(self.stdout)
        else:
            stdout = self._noop()
        if self.stderr is not None:
            stderr = self._read_stream(self.stderr)
        else:
            stderr = self._noop()
        stdin, stdout, stderr = await gather(stdin, stdout, stderr)
        await self.wait()
        return (stdout, stderr)


subprocess.Process = Process


def _check_subprocess_kwds(kwds):
    if kwds.pop('universal_newlines', False):
        raise ValueError("universal_newlines must be False")
    if kwds.pop('text', False):
        raise ValueError("text must be False")
    if kwds.pop('encoding', None) is not None:
        raise ValueError("encoding must be None")
    if kwds.pop('errors', None) is not None:
        raise ValueError("errors must be None")
    bufsize = kwds.pop('bufsize', 0)
    if bufsize != 0:
        raise ValueError("bufsize must be 0")


async def _spawn(args, shell, stdin, stdout, stderr, limit, kwds):
    import subprocess as _sp
    loop = get_running_loop()
    _check_subprocess_kwds(kwds)
    popen = _sp.Popen(args, shell=shell, stdin=stdin, stdout=stdout, stderr=stderr, **kwds)
    return Process(popen, limit, loop._door())


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None,
                                 limit=_DEFAULT_LIMIT, **kwds):
    if kwds.pop('shell', False):
        raise ValueError("shell must be False")
    return await _spawn([program, *args], False, stdin, stdout, stderr, limit, kwds)


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=_DEFAULT_LIMIT, **kwds):
    if not isinstance(cmd, (bytes, str)):
        raise ValueError("cmd must be a string")
    if not kwds.pop('shell', True):
        raise ValueError("shell must be True")
    return await _spawn(cmd, True, stdin, stdout, stderr, limit, kwds)


def _register_submodules():
    # `import asyncio.subprocess` / `from asyncio.subprocess import PIPE` find the namespace
    # in sys.modules (asyncio is a package with no directory of its own).
    import sys
    sys.modules['asyncio.subprocess'] = subprocess


_register_submodules()
__path__ = []
