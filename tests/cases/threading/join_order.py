# Threads finish in any order; join() in start order and collect results by index.
import threading

results = [None] * 5

def work(i):
    total = 0
    for k in range(1000 * (5 - i)):
        total += k % 7
    results[i] = (i, total)

threads = [threading.Thread(target=work, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for i, t in enumerate(threads):
    t.join()
    print("joined", i, t.is_alive())
print(results)
