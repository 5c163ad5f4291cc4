# expect: error _queue.Empty|queue.Empty|Empty
# cpython: same
# threading: waits
import queue
queue.Queue().get_nowait()
