# The program waits for non-daemon threads after the main script ends.
import threading
import time

def late():
    time.sleep(0.05)
    print("late thread done")

threading.Thread(target=late).start()
print("main script done")
