import multiprocessing as mp


def bump(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def fill(arr, k):
    for i in range(len(arr)):
        if i % 2 == k:
            arr[i] = i * 1.5


if __name__ == "__main__":
    counter = mp.Value("i", 0)
    ps = [mp.Process(target=bump, args=(counter, 300)) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(counter.value)

    arr = mp.Array("d", 6)
    ps = [mp.Process(target=fill, args=(arr, k)) for k in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(arr[:], len(arr), arr[-1], arr[1:3])
    arr[0] = 42
    arr[1:3] = [7, 8]
    print(list(arr), sum(arr))

    ints = mp.Array("i", [1, 2, 3])
    print(ints[:], ints[0] + ints[2])
    f = mp.Value("d", 0.25)
    f.value *= 4
    print(f.value)
    b = mp.Value("b", 100)
    b.value = 200
    print(b.value)
    raw = mp.Value("i", 5, lock=False)
    raw.value += 1
    print(raw.value)
    try:
        raw.get_lock()
    except AttributeError:
        print("no lock")
    try:
        ints[3]
    except IndexError as e:
        print("IndexError:", e)
    with counter.get_lock():
        counter.value = -1
    print(counter.value, mp.Value("d").value, mp.Value("i").value)
