# expect: exit 124
# args: --timeout 1
# threading: waits
import threading
l = threading.Lock()
l.acquire()
l.acquire()
