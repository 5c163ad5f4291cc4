import multiprocessing as mp
import os


def greet(name, times, punct="!"):
    for i in range(times):
        print("hello", name + punct, i)


def exit_with(code):
    import sys
    sys.exit(code)


if __name__ == "__main__":
    print(mp.current_process().name)
    p = mp.Process(target=greet, args=("world", 3), kwargs={"punct": "?"})
    print(p.is_alive(), p.exitcode, p.pid)
    p.start()
    p.join()
    print(p.is_alive(), p.exitcode, isinstance(p.pid, int), p.pid != os.getpid())
    q = mp.Process(target=greet, args=("again", 1), name="custom")
    print(q.name)
    q.start()
    q.join()
    r = mp.Process(target=exit_with, args=(3,))
    r.start()
    r.join()
    print("exit code", r.exitcode)
    s = mp.Process(target=exit_with, args=(None,))
    s.start()
    s.join()
    print("exit code", s.exitcode)
    try:
        p.start()
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        mp.Process(target=greet).join()
    except AssertionError as e:
        print("AssertionError:", e)
    print(mp.cpu_count() >= 1, mp.active_children())
