# Work submitted and never waited for, without shutdown(), is finished before the program
# exits (CPython's atexit hook of concurrent.futures wakes and joins the workers).
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def late(tag, delay):
    time.sleep(delay)
    print("finished", tag, flush=True)


if __name__ == "__main__":
    threads = ThreadPoolExecutor(2)
    threads.submit(late, "thread task", 0.05)
    procs = ProcessPoolExecutor(1)
    procs.submit(late, "process task", 0.3).add_done_callback(lambda f: print("callback", f.done()))
    print("main ends", flush=True)
