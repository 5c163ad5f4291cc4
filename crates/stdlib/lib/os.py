"""os: the portable face of the `posix` module, as CPython's os.py (written for gilvm).

The system calls are gilvm's native `posix` module; this file adds what CPython writes in
Python: `stat_result`, `scandir`'s `DirEntry`, `walk`, `makedirs`/`removedirs`/`renames`,
`environ` as a mapping that writes through to the process environment (`putenv`/`unsetenv`, so
child processes see it), `getenv`, `fspath`/`fsencode`/`fsdecode` and `os.path` (posixpath).
No `dir_fd` or descriptor-relative calls; `fwalk` is missing."""

import sys
from posix import *
from posix import _exit, _scandir, _environ
import posix as _posix
import abc as _abc

from _collections_abc import MutableMapping as _MutableMapping

name = "posix"
linesep = "\n"
sep = "/"
altsep = None
extsep = "."
pathsep = ":"
curdir = "."
pardir = ".."
defpath = "/bin:/usr/bin"
devnull = "/dev/null"
error = OSError

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

import posixpath as path
sys.modules["os.path"] = path


def fspath(p):
    """Return the str or bytes representation of a path-like object."""
    if isinstance(p, (str, bytes)):
        return p
    t = type(p)
    try:
        f = t.__fspath__
    except AttributeError:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + t.__name__) from None
    r = f(p)
    if isinstance(r, (str, bytes)):
        return r
    raise TypeError("expected {}.__fspath__() to return str or bytes, not {}"
                    .format(t.__name__, type(r).__name__))


class PathLike(_abc.ABC):
    """Abstract base class for implementing the file system path protocol."""

    @_abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, "__fspath__")
        return NotImplemented


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


# ---- stat ----

class stat_result(tuple):
    """os.stat_result: a 10-tuple (times as ints) with the st_* attributes."""

    n_sequence_fields = 10
    n_fields = 16
    n_unnamed_fields = 3

    def __new__(cls, seq, _extra=None):
        seq = tuple(seq)
        if len(seq) < 10:
            raise TypeError("os.stat_result() takes an at least 10-sequence ({}-sequence given)"
                            .format(len(seq)))
        head = seq[:7] + tuple(int(x) for x in seq[7:10])
        self = tuple.__new__(cls, head)
        rest = seq[10:]
        self._times = tuple(float(x) for x in seq[7:10])
        self._ns = tuple(rest[0:3]) if len(rest) >= 3 else tuple(int(t * 1e9) for t in self._times)
        self._more = tuple(rest[3:6]) if len(rest) >= 6 else (None, None, None)
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._times[0])
    st_mtime = property(lambda self: self._times[1])
    st_ctime = property(lambda self: self._times[2])
    st_atime_ns = property(lambda self: self._ns[0])
    st_mtime_ns = property(lambda self: self._ns[1])
    st_ctime_ns = property(lambda self: self._ns[2])
    st_blksize = property(lambda self: self._more[0])
    st_blocks = property(lambda self: self._more[1])
    st_rdev = property(lambda self: self._more[2])

    def __repr__(self):
        names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
                 "st_size", "st_atime", "st_mtime", "st_ctime")
        return "os.stat_result({})".format(
            ", ".join("{}={!r}".format(n, v) for n, v in zip(names, self)))

    def __reduce__(self):
        return (stat_result, (tuple(self),))


_stat = _posix.stat
_lstat = _posix.lstat
_fstat = _posix.fstat


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """Perform a stat system call on the given path (or open descriptor)."""
    return stat_result(_stat(path, follow_symlinks=follow_symlinks))


def lstat(path, *, dir_fd=None):
    """Like stat(), but do not follow symbolic links."""
    return stat_result(_lstat(path))


def fstat(fd):
    """Perform a stat system call on the given file descriptor."""
    return stat_result(_fstat(fd))


class statvfs_result(tuple):
    """os.statvfs_result: the ten f_* fields."""

    _names = ("f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files",
              "f_ffree", "f_favail", "f_flag", "f_namemax")

    def __new__(cls, seq):
        return tuple.__new__(cls, seq)

    def __getattr__(self, name):
        try:
            return self[statvfs_result._names.index(name)]
        except ValueError:
            raise AttributeError(name) from None

    def __repr__(self):
        return "os.statvfs_result({})".format(
            ", ".join("{}={!r}".format(n, v) for n, v in zip(self._names, self)))


def statvfs(path):
    """Perform a statvfs system call on the given path."""
    return statvfs_result(_posix._statvfs(path))


# ---- scandir ----

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


class DirEntry:
    """One entry of a directory, as os.scandir yields it."""

    __slots__ = ("name", "path", "_kind", "_stat", "_lstat")

    def __init__(self, dirpath, name, kind):
        self.name = name
        self.path = dirpath + name if dirpath.endswith("/") else dirpath + "/" + name
        self._kind = kind
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry {!r}>".format(self.name)

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def is_symlink(self):
        if self._kind:
            return self._kind == 3
        return self._test_mode(_S_IFLNK, False)

    def _test_mode(self, fmt, follow):
        try:
            st = self.stat(follow_symlinks=follow)
        except FileNotFoundError:
            return False
        return st.st_mode & _S_IFMT == fmt

    def is_dir(self, *, follow_symlinks=True):
        if self._kind and (self._kind != 3 or not follow_symlinks):
            return self._kind == 2
        return self._test_mode(_S_IFDIR, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        if self._kind and (self._kind != 3 or not follow_symlinks):
            return self._kind == 1
        return self._test_mode(_S_IFREG, follow_symlinks)

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def __class_getitem__(cls, item):
        return cls


class _ScandirIterator:
    def __init__(self, dirpath, entries):
        self._dir = dirpath
        self._entries = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        if self._entries is None:
            raise StopIteration
        name, kind = next(self._entries)
        return DirEntry(self._dir, name, kind)

    def close(self):
        self._entries = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def scandir(path="."):
    """An iterator of DirEntry objects for the entries of the directory `path`."""
    if isinstance(path, int):
        raise TypeError("scandir: gilvm does not support a file descriptor here")
    p = fspath(path)
    if isinstance(p, bytes):
        p = fsdecode(p)
    return _ScandirIterator(p, _scandir(p))


# ---- trees ----

def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: (dirpath, dirnames, filenames) for each directory."""
    stack = [fspath(top)]
    islink, join = path.islink, path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            scandir_it = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        cont = False
        with scandir_it:
            while True:
                try:
                    try:
                        entry = next(scandir_it)
                    except StopIteration:
                        break
                except OSError as error:
                    if onerror is not None:
                        onerror(error)
                    cont = True
                    break
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)
                if not topdown and is_dir:
                    if followlinks:
                        walk_into = True
                    else:
                        try:
                            is_symlink = entry.is_symlink()
                        except OSError:
                            is_symlink = False
                        walk_into = not is_symlink
                    if walk_into:
                        walk_dirs.append(entry.path)
        if cont:
            continue
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


def makedirs(name, mode=0o777, exist_ok=False):
    """makedirs(name [, mode=0o777][, exist_ok=False]): mkdir with the missing parents."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, "ASCII")
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove the leaf directory, then its parents while they are empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """rename with the new name's parents made and the old name's emptied parents removed."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


# ---- the environment ----

_putenv = _posix.putenv
_unsetenv = _posix.unsetenv


class _Environ(_MutableMapping):
    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not %s" % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        _putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if key not in self._data:
            raise KeyError(key)
        _unsetenv(key)
        del self._data[key]

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        return "environ({{{}}})".format(", ".join(
            "{!r}: {!r}".format(k, v) for k, v in self._data.items()))

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        new = dict(other)
        new.update(self)
        return new


environ = _Environ(_environ())


def getenv(key, default=None):
    """Get an environment variable, return None (or `default`) if it doesn't exist."""
    return environ.get(key, default)


def putenv(name, value):
    """Change or add an environment variable (os.environ does not see it, as in CPython)."""
    _putenv(name, value)


def unsetenv(name):
    """Delete an environment variable (os.environ does not see it, as in CPython)."""
    _unsetenv(name)


def get_exec_path(env=None):
    if env is None:
        env = environ
    path_list = env.get("PATH")
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


# Which calls take dir_fd / a descriptor / follow_symlinks=False (CPython's sets; gilvm
# supports no dir_fd, so shutil.rmtree takes its path-based walk).
supports_dir_fd = set()
supports_fd = {stat}
supports_effective_ids = set()
supports_follow_symlinks = {stat, utime}


def _get_exports_list(module):
    return [n for n in dir(module) if n[0] != "_"]


del _MutableMapping
