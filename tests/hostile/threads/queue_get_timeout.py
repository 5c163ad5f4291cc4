# expect: error _queue.Empty|queue.Empty|Empty
# cpython: same
# threading: waits
import queue
queue.Queue().get(timeout=0.01)
