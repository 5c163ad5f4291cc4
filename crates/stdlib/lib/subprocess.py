"""Subprocesses with accessible I/O streams (CPython's subprocess module, written for gilvm).

The OS half is the native `_gilvm_subprocess` (spawn through Rust's std::process, waitpid,
a poll(2) loop for communicate); every wait there runs with the GIL released. This file
holds the Python objects: Popen, CompletedProcess, the errors, run/call/check_call/
check_output/getoutput/getstatusoutput.
"""

import os
import time as _time_module
import _gilvm_subprocess as _native


def _time():
    return _time_module.monotonic()

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3
_INHERIT = -4

_SIGNAL_NAMES = {1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP",
                 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1",
                 11: "SIGSEGV", 12: "SIGUSR2", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM"}


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when run() is called with check=True and the process returns a non-zero
    exit status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            sig = -self.returncode
            name = _SIGNAL_NAMES.get(sig)
            if name is not None:
                return "Command '%s' died with <Signals.%s: %d>." % (self.cmd, name, sig)
            return "Command '%s' died with unknown signal %d." % (self.cmd, sig)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout expires while waiting for a child process."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """A process that has finished running (what run() returns)."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ["args={!r}".format(self.args),
                "returncode={!r}".format(self.returncode)]
        if self.stdout is not None:
            args.append("stdout={!r}".format(self.stdout))
        if self.stderr is not None:
            args.append("stderr={!r}".format(self.stderr))
        return "{}({})".format(type(self).__name__, ", ".join(args))

    def check_returncode(self):
        """Raise CalledProcessError if the exit code is non-zero."""
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _translate_newlines(data, encoding, errors):
    text = data.decode(encoding, errors)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _stream_spec(value, name):
    if value is None:
        return _INHERIT
    if value == PIPE or value == DEVNULL:
        return value
    if value == STDOUT:
        if name == "stderr":
            return STDOUT
        # CPython hands -2 to dup2 here: the same EBADF.
        os.dup(value)
    if isinstance(value, int):
        if value < 0:
            raise ValueError("bad value for %s: %d" % (name, value))
        return value
    return value.fileno()


class Popen:
    """Execute a child program in a new process."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None,
                 stderr=None, preexec_fn=None, close_fds=True, shell=False, cwd=None,
                 env=None, universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.returncode = None
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self._comm = None
        self._closed_stdin = False
        if text is not None and universal_newlines is not None and \
                bool(universal_newlines) != bool(text):
            raise SubprocessError("Cannot disambiguate when both text "
                                  "and universal_newlines are supplied but "
                                  "different. Pass one or the other.")
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.encoding = encoding
        self.errors = errors
        if isinstance(args, (str, bytes)):
            argv = [args]
        else:
            argv = list(args)
        if shell:
            argv = ["/bin/sh", "-c"] + argv
            if executable is None:
                executable = "/bin/sh"
        envlist = None
        if env is not None:
            envlist = [[str(k), str(v)] for k, v in env.items()]
        specs = (_stream_spec(stdin, "stdin"), _stream_spec(stdout, "stdout"),
                 _stream_spec(stderr, "stderr"))
        pid, in_w, out_r, err_r = _native.spawn(argv, executable, cwd, envlist, *specs)
        self.pid = pid
        if in_w >= 0:
            self.stdin = open(in_w, "w" if self.text_mode else "wb")
        if out_r >= 0:
            self.stdout = open(out_r, "r" if self.text_mode else "rb")
        if err_r >= 0:
            self.stderr = open(err_r, "r" if self.text_mode else "rb")

    def __repr__(self):
        return "<Popen: returncode: {} args: {!r}>".format(self.returncode, self.args)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            if exc_type is KeyboardInterrupt:
                pass
            else:
                self.wait()

    def poll(self):
        """Check if the child has terminated: the returncode, or None."""
        if self.returncode is None:
            self.returncode = _native.wait(self.pid, 0)
        return self.returncode

    def wait(self, timeout=None):
        """Wait for the child to terminate; TimeoutExpired if `timeout` seconds pass first."""
        if self.returncode is not None:
            return self.returncode
        rc = _native.wait(self.pid, timeout)
        if rc is None:
            raise TimeoutExpired(self.args, timeout)
        self.returncode = rc
        return rc

    def send_signal(self, sig):
        """Send the signal `sig` to the child (nothing if it has been reaped)."""
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)

    def _take(self, f):
        if f is None or f.closed:
            return -1
        fd = os.dup(f.fileno())
        f.close()
        return fd

    def communicate(self, input=None, timeout=None):
        """Send `input` to stdin, read stdout and stderr to their end, wait for the child:
        `(stdout_data, stderr_data)`."""
        if self._comm is not None and input:
            raise ValueError("Cannot send input after starting communication")
        if (timeout is None and self._comm is None and
                [self.stdin, self.stdout, self.stderr].count(None) >= 2):
            stdout = None
            stderr = None
            if self.stdin:
                if input:
                    try:
                        self.stdin.write(input)
                    except BrokenPipeError:
                        pass
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass
            elif self.stdout:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
            return (stdout, stderr)
        endtime = None if timeout is None else _time() + timeout
        if self._comm is None:
            if self.stdin is not None and not self.stdin.closed:
                self.stdin.flush()
            if self.text_mode and isinstance(input, str):
                input = input.encode(self.encoding or "utf-8", self.errors or "strict")
            fds = (self._take(self.stdin), self._take(self.stdout), self._take(self.stderr))
            self._comm = [fds, input if input is not None else b"", b"", b""]
        fds, pending, out, err = self._comm
        while True:
            left = timeout if endtime is None else max(0.0, endtime - _time())
            done, written, o, e, in_fd, out_fd, err_fd, interrupted = _native.communicate(
                fds[0], pending, fds[1], fds[2], left)
            out += o
            err += e
            fds, pending = (in_fd, out_fd, err_fd), pending[written:]
            self._comm = [fds, pending, out, err]
            if not interrupted:
                break
            # A signal's handler runs here (PEP 475: communicate goes on unless it raised).
            _native.check_interrupt()
        if not done:
            exc = TimeoutExpired(self.args, timeout)
            # As CPython's: the raw bytes read so far, None where nothing came.
            exc.stdout = out if out else None
            exc.stderr = err if err else None
            raise exc
        self._comm = [(-1, -1, -1), b"", out, err]
        outv = self._result(out, self.stdout)
        errv = self._result(err, self.stderr)
        self.wait(timeout=None if endtime is None else endtime - _time())
        return (outv, errv)

    def _result(self, data, f):
        if f is None:
            return None
        if self.text_mode:
            return _translate_newlines(data, self.encoding or "utf-8", self.errors or "strict")
        return data

    def _close_comm(self):
        if self._comm is not None:
            for fd in self._comm[0]:
                if fd >= 0:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            self._comm = None


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Run a command and wait for it: a CompletedProcess."""
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used "
                             "with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            process.wait()
            process._close_comm()
            raise
        except BaseException:
            process.kill()
            process._close_comm()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Run a command, wait for it, return its returncode."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Run a command; CalledProcessError unless it exits with 0."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Run a command and return its output; CalledProcessError unless it exits with 0."""
    for kw in ("stdout", "check"):
        if kw in kwargs:
            raise ValueError("%s argument not allowed, it will be overridden." % kw)
    if "input" in kwargs and kwargs["input"] is None:
        if kwargs.get("universal_newlines") or kwargs.get("text") or \
                kwargs.get("encoding") or kwargs.get("errors"):
            empty = ""
        else:
            empty = b""
        kwargs["input"] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd):
    """`(exitcode, output)` of `cmd` run in a shell (a trailing newline removed)."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd):
    """The output of `cmd` run in a shell (a trailing newline removed)."""
    return getstatusoutput(cmd)[1]
