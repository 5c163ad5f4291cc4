import threading

calls = []
barrier = threading.Barrier(4, action=lambda: calls.append("action"))

def work():
    barrier.wait()

threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
barrier.wait()
for t in threads:
    t.join()
print(calls)
