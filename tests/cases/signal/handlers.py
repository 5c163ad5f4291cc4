# signal.signal with Python handlers: raise_signal, os.kill to self, alarm, SIG_IGN/SIG_DFL,
# getsignal, default_int_handler, errors.
import os
import signal
import time

print(signal.SIGINT, repr(signal.SIGTERM), signal.SIGUSR1 == 10)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGPIPE))
got = []


def handler(signum, frame):
    got.append(signum)
    print("handler got", signal.Signals(signum).name)


old = signal.signal(signal.SIGUSR1, handler)
print("old:", old)
print(signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print("after raise_signal", got)
os.kill(os.getpid(), signal.SIGUSR1)
print("after kill", got)
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR1)
print("ignored", got, signal.getsignal(signal.SIGUSR1))

signal.signal(signal.SIGINT, handler)
signal.raise_signal(signal.SIGINT)
print("SIGINT to a handler", got)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
    print("not reached")
except KeyboardInterrupt:
    print("KeyboardInterrupt from default_int_handler")
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("default_int_handler raises")


class Alarm(Exception):
    pass


def on_alarm(signum, frame):
    raise Alarm("alarm went off")


signal.signal(signal.SIGALRM, on_alarm)
print(signal.alarm(1))
start = time.monotonic()
try:
    time.sleep(5)
except Alarm as e:
    print("interrupted sleep:", e, time.monotonic() - start < 3)
print(signal.alarm(0))

signal.signal(signal.SIGTERM, handler)
os.kill(os.getpid(), signal.SIGTERM)
print("SIGTERM handled", got[-1] == signal.SIGTERM)
for bad in (0, 1000):
    try:
        signal.signal(bad, handler)
    except ValueError as e:
        print(e)
try:
    signal.signal(signal.SIGUSR2, 42)
except TypeError as e:
    print(e)
try:
    signal.signal(signal.SIGKILL, handler)
except OSError as e:
    print(e)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
print(signal.getsignal(signal.SIGUSR2))
