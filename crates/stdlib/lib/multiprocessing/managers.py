"""multiprocessing.managers: a manager process holding shared objects, and proxies to them.

As CPython's: `SyncManager.start()` spawns a server process that listens on a Unix socket
(a path in a fresh temporary directory); every proxy, in whichever process it was sent to,
connects to that path (one connection per thread) and calls methods of its referent there.
Requests and replies are `Connection` messages in gilvm's wire format. The server keeps every
object it created until it is shut down (no reference counting of proxies).
"""

import os
import queue
import threading

import _gilvm_mp as _mp
import multiprocessing as _mpm

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Namespace', 'Token', 'RemoteError']


class RemoteError(Exception):
    def __str__(self):
        return ('\n' + '-' * 75 + '\n' + str(self.args[0]) + '-' * 75)


class Namespace:
    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        temp = []
        for name, value in list(self.__dict__.items()):
            if not name.startswith('_'):
                temp.append('%s=%r' % (name, value))
        temp.sort()
        return '%s(%s)' % (self.__class__.__name__, ', '.join(temp))


class Value:
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return '%s(%r, %r)' % (type(self).__name__, self._typecode, self._value)

    value = property(get, set)


class Token:
    def __init__(self, typeid, address, id):
        self.typeid, self.address, self.id = typeid, address, id

    def __repr__(self):
        return '%s(typeid=%r, address=%r, id=%r)' % (
            self.__class__.__name__, self.typeid, self.address, self.id)


def _make_barrier(parties, action=None, timeout=None):
    return threading.Barrier(parties, action, timeout)


_TYPES = {
    'Queue': queue.Queue,
    'JoinableQueue': queue.Queue,
    'Event': threading.Event,
    'Lock': threading.Lock,
    'RLock': threading.RLock,
    'Semaphore': threading.Semaphore,
    'BoundedSemaphore': threading.BoundedSemaphore,
    'Condition': threading.Condition,
    'Namespace': Namespace,
    'Value': Value,
    'dict': dict,
    'list': list,
}


# ---- the server (runs in the manager process) ------------------------------------------------

# Results sent as lists (CPython's DictProxy.keys()/values()/items() return lists too).
_VIEWS = (type({}.keys()), type({}.values()), type({}.items()), type(reversed([])))

def _reply(c, kind, value):
    try:
        _mp.conn_send(c, (kind, value))
    except Exception as e:
        _mp.conn_send(c, ('#UNSERIALIZABLE', '%s: %s' % (type(e).__name__, e)))


def _serve_client(c, objs, path):
    while True:
        try:
            req = _mp.conn_recv(c)
        except (EOFError, OSError):
            return
        op = req[0]
        if op == 'call':
            _, ident, name, args, kwds = req
            try:
                obj = objs[ident]
                r = getattr(obj, name)(*args, **kwds)
                if isinstance(r, _VIEWS):
                    r = list(r)
            except Exception as e:
                _reply(c, '#ERROR', e)
            else:
                _reply(c, '#RETURN', r)
        elif op == 'create':
            _, typeid, args, kwds = req
            try:
                obj = _TYPES[typeid](*args, **kwds)
            except Exception as e:
                _reply(c, '#ERROR', e)
            else:
                ident = '%x' % id(obj)
                objs[ident] = obj
                _reply(c, '#RETURN', ident)
        elif op == 'shutdown':
            _reply(c, '#RETURN', None)
            try:
                os.unlink(path)
            except OSError:
                pass
            os._exit(0)
        else:
            _reply(c, '#ERROR', ValueError('unknown request %r' % (op,)))


def _run_server(path, ready):
    listener = _mp.listener_bind(path)
    ready.send(path)
    ready.close()
    objs = {}
    while True:
        c = _mp.listener_accept(listener)
        threading.Thread(target=_serve_client, args=(c, objs, path), daemon=True).start()


# ---- the manager (in the process that started it) ---------------------------------------------

class BaseManager:
    _registry = {}

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None, *,
                 shutdown_timeout=1.0):
        self._address = address
        self._process = None
        self._conn = None
        self._dir = None
        self._state = 'initial'
        self._shutdown_timeout = shutdown_timeout

    @property
    def address(self):
        return self._address

    def start(self, initializer=None, initargs=()):
        if self._state == 'started':
            raise _mpm.ProcessError('Already started server')
        if self._state == 'shutdown':
            raise _mpm.ProcessError('Manager has shut down')
        import tempfile
        self._dir = tempfile.mkdtemp(prefix='pymp-')
        path = os.path.join(self._dir, 'listener-%d' % os.getpid())
        reader, writer = _mpm.Pipe(duplex=False)
        p = _mpm.Process(target=_run_server, args=(path, writer), daemon=True)
        p.name = type(self).__name__ + '-' + p.name.split('-')[-1]
        p.start()
        writer.close()
        try:
            self._address = reader.recv()
        except EOFError:
            p.join()
            self._cleanup_dir()
            raise _mpm.ProcessError('the manager process failed to start') from None
        reader.close()
        self._process = p
        self._conn = _mp.conn_connect(self._address)
        self._state = 'started'
        import atexit
        atexit.register(self.shutdown)

    def _create(self, typeid, *args, **kwds):
        if self._state != 'started':
            raise _mpm.ProcessError('Manager has not been started' if self._state == 'initial'
                                    else 'Manager has shut down')
        _mp.conn_send(self._conn, ('create', typeid, args, kwds))
        return _result(_mp.conn_recv(self._conn))

    def _cleanup_dir(self):
        if self._dir is not None:
            import shutil
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def shutdown(self):
        if self._state != 'started':
            return
        self._state = 'shutdown'
        try:
            _mp.conn_send(self._conn, ('shutdown',))
            _mp.conn_recv(self._conn)
        except Exception:
            pass
        _mp.conn_close(self._conn)
        p = self._process
        p.join(self._shutdown_timeout)
        if p.is_alive():
            p.terminate()
            p.join(self._shutdown_timeout)
            if p.is_alive():
                p.kill()
                p.join()
        self._cleanup_dir()

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    def __enter__(self):
        if self._state == 'initial':
            self.start()
        elif self._state != 'started':
            raise _mpm.ProcessError('Unable to start server')
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        raise NotImplementedError('gilvm: BaseManager.register is not supported')


def _result(reply):
    kind, value = reply
    if kind == '#RETURN':
        return value
    if kind == '#ERROR':
        raise value
    raise RemoteError(value)


# ---- proxies ---------------------------------------------------------------------------------

def RebuildProxy(cls, typeid, address, ident):
    return cls(typeid, address, ident)


class BaseProxy:
    def __init__(self, typeid, address, ident):
        object.__setattr__(self, '_typeid', typeid)
        object.__setattr__(self, '_address', address)
        object.__setattr__(self, '_id', ident)
        object.__setattr__(self, '_conns', {})

    @property
    def _token(self):
        return Token(self._typeid, self._address, self._id)

    def _callmethod(self, methodname, args=(), kwds={}):
        tid = threading.get_ident()
        c = self._conns.get(tid)
        if c is None:
            c = _mp.conn_connect(self._address)
            self._conns[tid] = c
        _mp.conn_send(c, ('call', self._id, methodname, tuple(args), dict(kwds)))
        return _result(_mp.conn_recv(c))

    def _getvalue(self):
        return self._callmethod('copy') if self._typeid in ('dict', 'list') else None

    def __reduce__(self):
        return (RebuildProxy, (type(self), self._typeid, self._address, self._id))

    def __deepcopy__(self, memo):
        return self._getvalue()

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (self._proxy_name(), self._typeid, id(self))

    def _proxy_name(self):
        return type(self).__name__

    def __str__(self):
        try:
            return self._callmethod('__repr__')
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


def _forward(name):
    def method(self, /, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = name
    return method


def _proxy_type(name, methods, base=BaseProxy):
    ns = {n: _forward(n) for n in methods}
    ns['__module__'] = __name__
    ns['__qualname__'] = name
    return type(name, (base,), ns)


class _IterProxy(BaseProxy):
    def __iter__(self):
        return iter(self._callmethod(self._iter_method))


_LIST_METHODS = ('__add__', '__contains__', '__delitem__', '__getitem__', '__len__',
                 '__mul__', '__reversed__', '__rmul__', '__setitem__', 'append', 'count',
                 'extend', 'index', 'insert', 'pop', 'remove', 'reverse', 'sort')
_DICT_METHODS = ('__contains__', '__delitem__', '__getitem__', '__len__', '__setitem__',
                 'clear', 'copy', 'get', 'pop', 'popitem', 'setdefault', 'update')


class ListProxy(_proxy_type('BaseListProxy', _LIST_METHODS, _IterProxy)):
    _iter_method = 'copy'

    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self

    def __eq__(self, other):
        return self._callmethod('__eq__', (other,))

    def __ne__(self, other):
        return self._callmethod('__ne__', (other,))

    __hash__ = None


class DictProxy(_proxy_type('_BaseDictProxy', _DICT_METHODS, _IterProxy)):
    _iter_method = 'keys'

    def keys(self):
        return list(self._callmethod('keys'))

    def values(self):
        return list(self._callmethod('values'))

    def items(self):
        return list(self._callmethod('items'))


class ValueProxy(BaseProxy):
    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)


class NamespaceProxy(BaseProxy):
    def __getattr__(self, key):
        if key[0] == '_':
            return object.__getattribute__(self, key)
        return self._callmethod('__getattribute__', (key,))

    def __setattr__(self, key, value):
        if key[0] == '_':
            return object.__setattr__(self, key, value)
        return self._callmethod('__setattr__', (key, value))

    def __delattr__(self, key):
        if key[0] == '_':
            return object.__delattr__(self, key)
        return self._callmethod('__delattr__', (key,))


class AcquirerProxy(BaseProxy):
    def acquire(self, blocking=True, timeout=None):
        args = (blocking,) if timeout is None else (blocking, timeout)
        return self._callmethod('acquire', args)

    def release(self):
        return self._callmethod('release')

    def __enter__(self):
        return self._callmethod('acquire')

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod('release')


class EventProxy(BaseProxy):
    def is_set(self):
        return self._callmethod('is_set')

    def set(self):
        return self._callmethod('set')

    def clear(self):
        return self._callmethod('clear')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))


class _AutoProxy(BaseProxy):
    def _proxy_name(self):
        return 'AutoProxy[%s]' % self._typeid


QueueProxy = _proxy_type('QueueProxy', ('empty', 'full', 'get', 'get_nowait', 'join', 'put',
                                        'put_nowait', 'qsize', 'task_done'), _AutoProxy)


class ConditionProxy(AcquirerProxy):
    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))

    def notify(self, n=1):
        return self._callmethod('notify', (n,))

    def notify_all(self):
        return self._callmethod('notify_all')


class SyncManager(BaseManager):
    def _proxy(self, cls, typeid, *args, **kwds):
        return cls(typeid, self._address, self._create(typeid, *args, **kwds))

    def dict(self, *args, **kwds):
        return self._proxy(DictProxy, 'dict', *args, **kwds)

    def list(self, *args, **kwds):
        return self._proxy(ListProxy, 'list', *args, **kwds)

    def Queue(self, maxsize=0):
        return self._proxy(QueueProxy, 'Queue', maxsize)

    def JoinableQueue(self, maxsize=0):
        return self._proxy(QueueProxy, 'JoinableQueue', maxsize)

    def Value(self, typecode, value, lock=True):
        return self._proxy(ValueProxy, 'Value', typecode, value, lock)

    def Namespace(self, **kwds):
        return self._proxy(NamespaceProxy, 'Namespace', **kwds)

    def Lock(self):
        return self._proxy(AcquirerProxy, 'Lock')

    def RLock(self):
        return self._proxy(AcquirerProxy, 'RLock')

    def Semaphore(self, value=1):
        return self._proxy(AcquirerProxy, 'Semaphore', value)

    def BoundedSemaphore(self, value=1):
        return self._proxy(AcquirerProxy, 'BoundedSemaphore', value)

    def Condition(self, lock=None):
        if lock is not None:
            raise TypeError('gilvm: a manager Condition cannot take a lock')
        return self._proxy(ConditionProxy, 'Condition')

    def Event(self):
        return self._proxy(EventProxy, 'Event')
