"""multiprocessing.dummy: multiprocessing's interface over threads (CPython's
Lib/multiprocessing/dummy): Process is a thread, Pool a ThreadPool, Queue queue.Queue."""

import threading
from queue import Queue
from threading import (Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event,
                       Barrier, current_thread)
from multiprocessing.pool import ThreadPool

__all__ = [
    'Process', 'current_process', 'active_children', 'freeze_support',
    'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition',
    'Event', 'Barrier', 'Queue', 'Manager', 'Pipe', 'Pool', 'JoinableQueue'
    ]

JoinableQueue = Queue


class DummyProcess(threading.Thread):

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}):
        threading.Thread.__init__(self, group, target, name, args, kwargs)
        self._pid = None
        self._start_called = False

    def start(self):
        self._start_called = True
        threading.Thread.start(self)

    @property
    def exitcode(self):
        if self._start_called and not self.is_alive():
            return 0
        else:
            return None


Process = DummyProcess
current_process = threading.current_thread


def active_children():
    return [t for t in threading.enumerate()
            if isinstance(t, DummyProcess) and t.is_alive()]


def freeze_support():
    pass


def Pool(processes=None, initializer=None, initargs=()):
    return ThreadPool(processes, initializer, initargs)
