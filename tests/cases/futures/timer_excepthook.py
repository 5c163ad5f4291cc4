# threading.Timer (fires once; cancel stops it) and threading.excepthook (a program's hook
# gets ExceptHookArgs; the default one prints "Exception in thread NAME:").
import threading

hits = []
t = threading.Timer(0.02, hits.append, args=["fired"])
t.start()
t.join()
t2 = threading.Timer(10, hits.append, args=["never"])
t2.start()
t2.cancel()
t2.join()
t3 = threading.Timer(0.01, lambda **kw: hits.append(kw), kwargs={"k": 1})
t3.start()
t3.join()
print(hits, t.finished.is_set(), isinstance(t, threading.Thread))


def bad():
    raise LookupError("in the thread")


def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name,
          args.exc_traceback is not None)


print(threading.excepthook is threading.__excepthook__)
threading.excepthook = hook
th = threading.Thread(target=bad, name="T1")
th.start()
th.join()
th = threading.Thread(target=lambda: exit(3), name="T-exit")
th.start()
th.join()
threading.excepthook = threading.__excepthook__
th = threading.Thread(target=bad, name="T2")
th.start()
th.join()
print("end")
