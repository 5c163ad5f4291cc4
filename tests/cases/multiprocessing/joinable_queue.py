import multiprocessing as mp


def consumer(tasks, results):
    while True:
        item = tasks.get()
        if item is None:
            tasks.task_done()
            break
        results.put(item * item)
        tasks.task_done()


def joiner(tasks, done):
    # join() from another process returns once every item has been marked done.
    tasks.join()
    done.put("joined in child")


if __name__ == "__main__":
    tasks = mp.JoinableQueue()
    results = mp.Queue()
    workers = [mp.Process(target=consumer, args=(tasks, results)) for _ in range(2)]
    for w in workers:
        w.start()
    for i in range(10):
        tasks.put(i)
    tasks.join()
    print("all tasks done", sorted(results.get() for _ in range(10)))
    done = mp.Queue()
    j = mp.Process(target=joiner, args=(tasks, done))
    j.start()
    for _ in workers:
        tasks.put(None)
    tasks.join()
    for w in workers:
        w.join()
    j.join()
    print(done.get(), [w.exitcode for w in workers], j.exitcode)

    q = mp.JoinableQueue()
    q.join()  # nothing put: returns at once
    q.put("x")
    print(q.get())
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError", e)
    print(type(q).__name__)
