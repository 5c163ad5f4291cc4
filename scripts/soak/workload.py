# The soak workload: threads, processes and coroutines together, round after round, in one
# long-lived interpreter process. Runs unchanged under gilvm and python3 with the same per-round
# output (every figure on a round line depends only on the round number).
#
#   workload.py SECONDS [PAUSE] [MAX_ROUNDS]
#
# Starts rounds until SECONDS have passed (0: no deadline), or MAX_ROUNDS rounds have run.
# After each round line it sleeps PAUSE seconds (default 0.3): a quiet window in which
# scripts/soak.py counts the threads, descriptors and children of a process between rounds.
# Prints `round N ok ...` or `round N FAIL ...` per round, then `done rounds=R ok=O failed=F`;
# exits 1 if any round failed.
#
# In one round, in this order and overlapping in time:
#   processes  a Pool(2) starmap_async and a task that raises; two Processes adding to a shared
#              Value under an mp.Lock; a Process producing into an mp.Queue; a Process echoing
#              over a Pipe; a Process ending with sys.exit(code)
#   threads    (started while the processes run, released together by an Event) a lock-protected
#              counter; queue.Queue producers/consumers on a bounded queue; a Condition
#              ping-pong; a thread draining the mp.Queue; a thread talking over the Pipe;
#              generator pipelines inside threads; a thread raising and catching KeyError
#   coroutines asyncio.run in the main thread meanwhile: gather of many tasks, an asyncio.Queue
#              pipeline, an asyncio.Lock-protected counter, to_thread calls (one of them waits
#              for the pool's result), generators driven from a task, a cancelled task and a
#              wait_for timeout
# Every result is checked against a closed form computed independently of the workload code.
import asyncio
import multiprocessing as mp
import queue
import sys
import threading
import time

try:
    import gc  # CPython only: gilvm has no cycle collector (docs/LIMITATIONS.md)
except ImportError:
    gc = None

WAIT = 120  # generous timeout (seconds) on every blocking wait: a stuck round fails, never hangs


# ---------------------------------------------------------------- closed forms


def s1(n):
    """sum(range(n))"""
    return n * (n - 1) // 2


def s2(n):
    """sum(i * i for i in range(n))"""
    return (n - 1) * n * (2 * n - 1) // 6


def s3(n):
    """sum(i ** 3 for i in range(n))"""
    return s1(n) * s1(n)


# ---------------------------------------------------------------- process targets (top level)


def pool_poly(x, k):
    return x * x + k * x


def bump_value(val, lock, n, step):
    for _ in range(n):
        with lock:
            v = val.value
            val.value = v + step


def mp_produce(q, n, k):
    for i in range(n):
        q.put(i * 3 + k)
    q.put(None)


def pool_fail(r):
    raise ValueError("bad round " + str(r))


def exit_with(code):
    sys.exit(code)


def pipe_echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send([msg[0], msg[1] * 2, msg[2] + "!"])
    conn.close()


# ---------------------------------------------------------------- generators


def naturals(n):
    yield from range(n)


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def running_total():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def gen_work(n):
    """(sum of squares of the even numbers below n, sum(range(n)) through send)"""
    a = sum(squares(evens(naturals(n))))
    acc = running_total()
    next(acc)
    last = 0
    for i in range(n):
        last = acc.send(i)
    acc.close()
    return (a, last)


def gen_expected(n):
    half = (n + 1) // 2  # the even numbers below n are 2j for j < half
    return (4 * s2(half), s1(n))


# ---------------------------------------------------------------- thread bodies


def counter_worker(gate, lock, box, t, n):
    gate.wait(WAIT)
    for _ in range(n):
        with lock:
            v = box[0]
            v = v + t
            box[0] = v


def q_producer(gate, q, base, k):
    gate.wait(WAIT)
    for i in range(k):
        q.put(base + i, timeout=WAIT)


def q_consumer(q, out):
    count = 0
    total = 0
    total_sq = 0
    while True:
        x = q.get(timeout=WAIT)
        if x is None:
            break
        count += 1
        total += x
        total_sq += x * x
    out.append((count, total, total_sq))


def ping_pong(gate, cond, state, parity, turns):
    gate.wait(WAIT)
    for _ in range(turns):
        with cond:
            if not cond.wait_for(lambda: state["turn"] % 2 == parity, WAIT):
                state["stuck"] = True
                return
            state["log"].append((parity, state["turn"]))
            state["turn"] += 1
            cond.notify_all()


def mpq_drain(q, out):
    items = []
    while True:
        x = q.get(timeout=WAIT)
        if x is None:
            break
        items.append(x)
    out.append(items)


def pipe_talk(gate, conn, n, out):
    gate.wait(WAIT)
    bad = 0
    doubled = 0
    for i in range(n):
        conn.send([i, i * i, "m" + str(i)])
        r = conn.recv()
        if r[0] != i or r[2] != "m" + str(i) + "!":
            bad += 1
        doubled += r[1]
    conn.send(None)
    out.append((bad, doubled))


def gen_thread(gate, n, out):
    gate.wait(WAIT)
    out.append(gen_work(n))


def catcher(gate, n, out):
    gate.wait(WAIT)
    caught = 0
    d = {}
    for i in range(n):
        try:
            d[i]
        except KeyError as e:
            if e.args == (i,):
                caught += 1
    out.append(caught)


def blocking_sum(n):
    total = 0
    for i in range(n):
        total += i
        if i % 500 == 0:
            time.sleep(0.001)
    return total


# ---------------------------------------------------------------- coroutines


async def gather_task(i, k):
    for _ in range(i % 4):
        await asyncio.sleep(0)
    return i * i + k


async def aq_produce(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)


async def aq_square(src, dst):
    while True:
        x = await src.get()
        if x is None:
            await dst.put(None)
            return
        await dst.put(x * x)


async def aq_sink(q):
    count = 0
    total = 0
    while True:
        x = await q.get()
        if x is None:
            return (count, total)
        count += 1
        total += x


async def locked_adder(lock, box, t, n):
    for _ in range(n):
        async with lock:
            v = box[0]
            await asyncio.sleep(0)
            box[0] = v + t


async def cancel_and_timeout():
    t = asyncio.create_task(asyncio.sleep(30))
    await asyncio.sleep(0)
    t.cancel()
    cancelled = False
    try:
        await t
    except asyncio.CancelledError:
        cancelled = True
    timed_out = False
    try:
        await asyncio.wait_for(asyncio.sleep(30), 0.01)
    except TimeoutError:
        timed_out = True
    return (cancelled, t.cancelled(), timed_out)


async def gen_task(n):
    await asyncio.sleep(0)
    return gen_work(n)


async def coroutines(r, ar):
    g = 150 + r % 50
    gathered = await asyncio.gather(*[gather_task(i, r) for i in range(g)])

    qn = 200 + r % 100
    q1 = asyncio.Queue(maxsize=4)
    q2 = asyncio.Queue(maxsize=4)
    alock = asyncio.Lock()
    abox = [0]
    tn = [3000 + 100 * (r % 10), 2000, 1000 + r % 500]
    results = await asyncio.gather(
        aq_produce(q1, qn),
        aq_square(q1, q2),
        aq_sink(q2),
        locked_adder(alock, abox, 1, 40),
        locked_adder(alock, abox, 2, 40),
        locked_adder(alock, abox, 3, 40),
        asyncio.to_thread(blocking_sum, tn[0]),
        asyncio.to_thread(blocking_sum, tn[1]),
        asyncio.to_thread(blocking_sum, tn[2]),
        asyncio.to_thread(ar.get, WAIT),
        gen_task(500 + r % 300),
        cancel_and_timeout(),
    )
    return {
        "g": g,
        "gathered": gathered,
        "qn": qn,
        "sink": results[2],
        "abox": abox[0],
        "tn": tn,
        "sums": results[6:9],
        "pool": results[9],
        "gen_n": 500 + r % 300,
        "gen": results[10],
        "cancel": results[11],
    }


# ---------------------------------------------------------------- one round


def run_round(r):
    fails = []

    def check(name, got, expected):
        if got != expected:
            fails.append(name + ": got " + repr(got) + " expected " + repr(expected))
        return got

    # sizes vary with the round number (the output of round r is fixed)
    m = 400 + 37 * (r % 11)  # pool items
    kk = r % 13  # pool coefficient
    vn = 150 + r % 50  # Value increments per process
    qn_mp = 300 + r % 200  # mp.Queue items
    pn = 100 + r % 60  # Pipe messages
    tc, tn = 4, 1500 + 10 * (r % 20)  # counter threads, increments each
    pp, pk = 3, 200 + r % 100  # queue.Queue producers, items each
    cc = 2  # queue.Queue consumers
    turns = 100 + r % 50  # Condition turns per side
    gn = 300 + r % 200  # generator size in a thread

    pool = mp.Pool(2)
    procs = []
    threads = []
    try:
        # processes first
        ar = pool.starmap_async(pool_poly, [(x, kk) for x in range(m)])
        ar_err = pool.apply_async(pool_fail, (r,))
        val = mp.Value("q", 0, lock=False)
        vlock = mp.Lock()
        for step in (1, 2):
            procs.append(mp.Process(target=bump_value, args=(val, vlock, vn, step)))
        mpq = mp.Queue()
        procs.append(mp.Process(target=mp_produce, args=(mpq, qn_mp, kk)))
        parent_end, child_end = mp.Pipe()
        procs.append(mp.Process(target=pipe_echo, args=(child_end,)))
        code = 1 + r % 5
        procs.append(mp.Process(target=exit_with, args=(code,)))
        for p in procs:
            p.start()
        child_end.close()

        # threads, started while the processes run, released together
        gate = threading.Event()
        lock = threading.Lock()
        box = [0]
        for t in range(1, tc + 1):
            threads.append(threading.Thread(target=counter_worker, args=(gate, lock, box, t, tn)))
        tq = queue.Queue(maxsize=16)
        consumed = []
        for p in range(pp):
            threads.append(threading.Thread(target=q_producer, args=(gate, tq, p * pk, pk)))
        consumers = [threading.Thread(target=q_consumer, args=(tq, consumed)) for _ in range(cc)]
        cond = threading.Condition()
        state = {"turn": 0, "log": [], "stuck": False}
        for parity in (0, 1):
            threads.append(
                threading.Thread(target=ping_pong, args=(gate, cond, state, parity, turns))
            )
        drained = []
        threads.append(threading.Thread(target=mpq_drain, args=(mpq, drained)))
        talked = []
        threads.append(threading.Thread(target=pipe_talk, args=(gate, parent_end, pn, talked)))
        gens = []
        threads.append(threading.Thread(target=gen_thread, args=(gate, gn, gens)))
        caught = []
        threads.append(threading.Thread(target=catcher, args=(gate, gn, caught)))
        for t in threads + consumers:
            t.start()
        gate.set()

        # coroutines in the main thread meanwhile
        co = asyncio.run(coroutines(r, ar))

        # join: producers first, then stop the consumers
        for t in threads:
            t.join(WAIT)
        for _ in range(cc):
            tq.put(None, timeout=WAIT)
        for t in consumers:
            t.join(WAIT)
        for p in procs:
            p.join(WAIT)
        try:
            err = "no exception: " + repr(ar_err.get(WAIT))
        except ValueError as e:
            err = "ValueError: " + str(e)
        pool.close()
        pool.join()
        alive = [t.name for t in threads + consumers if t.is_alive()]
        check("threads alive after join", alive, [])
        check("process exit codes", [p.exitcode for p in procs], [0] * (len(procs) - 1) + [code])

        # ---- processes
        res = co["pool"]
        check("pool len", len(res), m)
        check("pool sum", sum(res), s2(m) + kk * s1(m))
        wsum = 0
        for i in range(len(res)):
            wsum += i * res[i]
        check("pool order", wsum, s3(m) + kk * s2(m))
        check("pool exception", err, "ValueError: bad round " + str(r))
        check("value", val.value, 3 * vn)
        items = drained[0] if drained else []
        check("mpq count", len(items), qn_mp)
        check("mpq sum", sum(items), 3 * s1(qn_mp) + kk * qn_mp)
        check("mpq order", all(items[i] < items[i + 1] for i in range(len(items) - 1)), True)
        bad, doubled = talked[0] if talked else (-1, -1)
        check("pipe bad replies", bad, 0)
        check("pipe sum", doubled, 2 * s2(pn))
        parent_end.close()

        # ---- threads
        check("lock counter", box[0], tn * tc * (tc + 1) // 2)
        total = pp * pk
        got = (sum(c[0] for c in consumed), sum(c[1] for c in consumed), sum(c[2] for c in consumed))
        check("queue count/sum/sumsq", got, (total, s1(total), s2(total)))
        check("queue consumers", len(consumed), cc)
        log = state["log"]
        check("condition stuck", state["stuck"], False)
        check("condition turns", [t for _, t in log], list(range(2 * turns)))
        check("condition parity", sum(p for p, _ in log), turns)
        check("thread generators", gens, [gen_expected(gn)])
        check("thread exceptions caught", caught, [gn])

        # ---- coroutines
        g = co["g"]
        gathered = co["gathered"]
        check("gather len", len(gathered), g)
        check("gather sum", sum(gathered), s2(g) + r * g)
        ws = 0
        for i in range(len(gathered)):
            ws += i * gathered[i]
        check("gather order", ws, s3(g) + r * s1(g))
        check("async queue pipeline", co["sink"], (co["qn"], s2(co["qn"])))
        check("async lock counter", co["abox"], 40 * (1 + 2 + 3))
        check("to_thread sums", list(co["sums"]), [s1(n) for n in co["tn"]])
        check("task generators", co["gen"], gen_expected(co["gen_n"]))
        check("cancel / wait_for timeout", co["cancel"], (True, True, True))

        summary = (
            "pool=" + str(sum(res)) + " value=" + str(val.value) + " mpq=" + str(sum(items))
            + " pipe=" + str(doubled) + " counter=" + str(box[0]) + " queue=" + str(got[1])
            + " cond=" + str(len(log)) + " gather=" + str(sum(gathered))
            + " aqueue=" + str(co["sink"][1]) + " alock=" + str(co["abox"])
            + " to_thread=" + str(sum(co["sums"])) + " gen=" + str(co["gen"][0] + gens[0][0])
            + " exit=" + str(code) + " caught=" + str(caught[0])
        )
    except Exception as e:
        fails.append("exception " + type(e).__name__ + ": " + str(e))
        summary = ""
    finally:
        pool.terminate()
        pool.join()
        for p in procs:
            if p.is_alive():
                p.terminate()
                p.join(WAIT)
    if fails:
        print("round", r, "FAIL", "; ".join(fails), flush=True)
        return False
    print("round", r, "ok", summary, flush=True)
    return True


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    pause = float(sys.argv[2]) if len(sys.argv) > 2 else 0.3
    max_rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    mp.set_start_method("spawn")
    start = time.monotonic()
    r = 0
    ok = 0
    failed = 0
    while True:
        if max_rounds and r >= max_rounds:
            break
        if seconds > 0 and time.monotonic() - start >= seconds:
            break
        r += 1
        if run_round(r):
            ok += 1
        else:
            failed += 1
        if gc is not None:
            # Under CPython, the pool's exception keeps a cycle (its traceback holds the frames
            # of get() and run_round, whose locals hold the result that holds the exception)
            # and with it the whole round: pool, pipes, shared memory. Collect it now, so the
            # baseline's figures are those of live objects, not of when a full collection ran.
            gc.collect()
        if pause > 0:
            time.sleep(pause)
    print("done rounds=" + str(r), "ok=" + str(ok), "failed=" + str(failed), flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
