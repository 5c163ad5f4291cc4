//! Criterion benchmarks of generators and coroutines: a generator `send` loop (resume + yield of
//! a suspended frame), a ping-pong of two asyncio tasks over queues (task switches through the
//! event loop), and 1_000 tasks sleeping 0 s at once (task creation, scheduling, gather).
//! The timed part is `Vm::new` + running the module; the programs check their own results.
//!
//! Run with `cargo bench --bench coroutines`. `scripts/bench_coroutines.py` compares the same
//! workloads (and memory per suspended task) with python3.

mod common;

use common::bench_program;
use criterion::{criterion_group, criterion_main, Criterion};

const GEN_SEND: &str = "\
def echo():
    x = 0
    while True:
        x = yield x
g = echo()
next(g)
total = 0
for i in range(100_000):
    total += g.send(i)
assert total == 4999950000
";

const PING_PONG: &str = "\
import asyncio
N = 5000
async def pinger(a, b):
    for i in range(N):
        await a.put(i)
        await b.get()
async def ponger(a, b):
    n = 0
    for i in range(N):
        x = await a.get()
        n += 1
        await b.put(x)
    return n
async def main():
    a = asyncio.Queue()
    b = asyncio.Queue()
    r = await asyncio.gather(pinger(a, b), ponger(a, b))
    assert r[1] == N
asyncio.run(main())
";

const MANY_TASKS: &str = "\
import asyncio
async def sleeper(i):
    await asyncio.sleep(0)
    return i
async def main():
    r = await asyncio.gather(*[sleeper(i) for i in range(1000)])
    assert r[-1] == 999
asyncio.run(main())
";

fn coroutine_benches(c: &mut Criterion) {
    bench_program(c, "coroutines", "gen_send_100k", GEN_SEND, 10);
    bench_program(c, "coroutines", "queue_ping_pong_5k", PING_PONG, 10);
    bench_program(c, "coroutines", "tasks_1000", MANY_TASKS, 10);
}

criterion_group!(benches, coroutine_benches);
criterion_main!(benches);
