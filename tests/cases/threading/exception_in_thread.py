# An uncaught exception in a thread is printed on stderr; the others and main go on.
import threading

done = []

def bad():
    raise ValueError("boom")

def good():
    done.append("good")

t1 = threading.Thread(target=bad)
t1.start()
t1.join()
t2 = threading.Thread(target=good)
t2.start()
t2.join()
print(done, t1.is_alive())
print("main still runs")
