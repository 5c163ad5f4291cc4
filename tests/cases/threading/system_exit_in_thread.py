import sys
import threading

def quit_thread():
    sys.exit(3)

t = threading.Thread(target=quit_thread)
t.start()
t.join()
print("SystemExit in a thread only ends that thread")
