# expect: exit 1|exit 124
# args: --timeout 2
# threading: waits
import threading
l = threading.Lock()
l.acquire()
l.acquire()
