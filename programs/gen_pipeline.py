"""A generator pipeline: produce log records lazily, parse, filter, group and summarise them.

Every stage is a generator, so only one record is alive at a time; `yield from`, `send` and a
generator expression feed the final summary.
"""


def records(n):
    """Synthesise n log lines deterministically (a small LCG instead of random)."""
    levels = ["INFO", "WARN", "ERROR", "DEBUG"]
    services = ["auth", "db", "web", "cache"]
    state = 12345
    for i in range(n):
        state = (state * 1103515245 + 12345) % 2147483648
        level = levels[state % 4]
        service = services[(state // 4) % 4]
        latency = (state // 16) % 500
        yield f"{i:05d} {level} {service} {latency}ms"


def parse(lines):
    for line in lines:
        num, level, service, latency = line.split()
        yield {"id": int(num), "level": level, "service": service, "ms": int(latency[:-2])}


def only(levels, recs):
    for r in recs:
        if r["level"] in levels:
            yield r


def batched(recs, size):
    batch = []
    for r in recs:
        batch.append(r)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def flatten(batches):
    for b in batches:
        yield from b


def running_mean():
    """A coroutine-style generator: send values in, get the running mean back."""
    total = 0.0
    count = 0
    mean = None
    while True:
        x = yield mean
        if x is None:
            return count
        total += x
        count += 1
        mean = total / count


def main():
    n = 20000
    stream = flatten(batched(only({"WARN", "ERROR"}, parse(records(n))), 64))
    per_service = {}
    averager = running_mean()
    next(averager)
    mean = None
    for r in stream:
        per_service[r["service"]] = per_service.get(r["service"], 0) + 1
        mean = averager.send(r["ms"])
    try:
        averager.send(None)
    except StopIteration as stop:
        seen = stop.value
    print("records:", n)
    print("warn+error seen:", seen)
    for service in sorted(per_service):
        print(f"  {service:6} {per_service[service]}")
    print(f"mean latency: {mean:.2f} ms")
    slow = sum(1 for r in parse(records(n)) if r["ms"] > 450)
    print("slow (>450ms):", slow)
    print("any error in first 10:", any(r["level"] == "ERROR" for r in parse(records(10))))
    print("top 3 latencies:", sorted((r["ms"] for r in parse(records(1000))), reverse=True)[:3])


main()
