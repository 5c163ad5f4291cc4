"""select.select and select.poll (CPython's select module, written for gilvm) over
`_gilvm_select.poll`, which waits with the GIL released."""

import os
import _gilvm_select
from _gilvm_select import (POLLIN, POLLPRI, POLLOUT, POLLERR, POLLHUP, POLLNVAL,
                           POLLRDNORM, POLLWRNORM)

error = OSError


def _fileno(obj):
    if isinstance(obj, int):
        fd = obj
    else:
        try:
            meth = obj.fileno
        except AttributeError:
            raise TypeError("argument must be an int, or have a fileno() method.") from None
        fd = meth()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
    if fd < 0:
        raise ValueError("file descriptor cannot be a negative integer (%d)" % fd)
    return fd


def _timeout_ms(timeout, scale):
    if timeout is None:
        return -1
    if not isinstance(timeout, (int, float)):
        raise TypeError("timeout must be an integer or None")
    if timeout < 0:
        if scale == 1000:
            raise ValueError("timeout must be non-negative")
        return -1
    ms = timeout * scale
    n = int(ms)
    return n + 1 if n < ms else n


def select(rlist, wlist, xlist, timeout=None):
    """Wait until one or more descriptors are ready: `(readable, writable, exceptional)`."""
    rlist = list(rlist)
    wlist = list(wlist)
    xlist = list(xlist)
    if timeout is not None and not isinstance(timeout, (int, float)):
        raise TypeError("timeout must be a float or None")
    if timeout is not None and timeout < 0:
        raise ValueError("timeout must be non-negative")
    events = {}
    for objs, ev in ((rlist, POLLIN), (wlist, POLLOUT), (xlist, POLLPRI)):
        for obj in objs:
            fd = _fileno(obj)
            events[fd] = events.get(fd, 0) | ev
    ready = _gilvm_select.poll(list(events.items()), _timeout_ms(timeout, 1000))
    bad = [fd for fd, rev in ready if rev & POLLNVAL]
    if bad:
        # A closed descriptor: the same EBADF CPython's select(2) gives.
        os.close(os.dup(bad[0]))
    rev = dict(ready)
    r = [o for o in rlist if rev.get(_fileno(o), 0) & (POLLIN | POLLHUP | POLLERR)]
    w = [o for o in wlist if rev.get(_fileno(o), 0) & (POLLOUT | POLLERR)]
    x = [o for o in xlist if rev.get(_fileno(o), 0) & POLLPRI]
    return r, w, x


class poll:
    """A set of descriptors to wait on (select.poll())."""

    def __init__(self):
        self._fds = {}

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT):
        self._fds[_fileno(fd)] = eventmask

    def modify(self, fd, eventmask):
        fd = _fileno(fd)
        if fd not in self._fds:
            raise FileNotFoundError(2, "No such file or directory")
        self._fds[fd] = eventmask

    def unregister(self, fd):
        fd = _fileno(fd)
        if fd not in self._fds:
            raise KeyError(fd)
        del self._fds[fd]

    def poll(self, timeout=None):
        """`[(fd, event), ...]` of the ready descriptors; `timeout` in milliseconds."""
        return _gilvm_select.poll(list(self._fds.items()), _timeout_ms(timeout, 1))
