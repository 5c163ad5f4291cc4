# expect: ok
# threading: waits
import sys, threading
sys.setrecursionlimit(100000)
err = []
def k(x):
    return sorted([x], key=k)
def run():
    try:
        k(1)
    except RecursionError as e:
        err.append('RecursionError')
t = threading.Thread(target=run)
t.start()
t.join()
print(err)
