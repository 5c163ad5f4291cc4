//! Criterion benchmarks of generators and coroutines: a generator `send` loop (resume + yield of
//! a suspended frame), a ping-pong of two asyncio tasks over queues (task switches through the
//! event loop), and 1_000 tasks sleeping 0 s at once (task creation, scheduling, gather).
//! The timed part is `Vm::new` + running the module; the programs check their own results.
//!
//! Run with `cargo bench --bench coroutines`. `scripts/bench_coroutines.py` compares the same
//! workloads (and memory per suspended task) with python3.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use gilvm_compiler::CodeObject;
use gilvm_vm::{Vm, VmConfig};

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

fn compile(name: &str, source: &str) -> Arc<CodeObject> {
    match gilvm_compiler::compile_source(source, name) {
        Ok(code) => code,
        Err(err) => panic!("benchmark program {name} does not compile: {err}"),
    }
}

fn run(code: &Arc<CodeObject>, source: &Arc<str>) {
    let mut vm = Vm::new(VmConfig::default());
    if let Err(err) = vm.run_module(code.clone(), "__main__", source.clone()) {
        panic!("benchmark program raised: {err:?}");
    }
    black_box(vm);
}

fn bench_program(c: &mut Criterion, name: &str, source: &str, samples: usize) {
    let code = compile(name, source);
    let source: Arc<str> = Arc::from(source);
    let mut group = c.benchmark_group("coroutines");
    group.sample_size(samples);
    group.bench_function(name, |b| b.iter(|| run(&code, &source)));
    group.finish();
}

fn coroutine_benches(c: &mut Criterion) {
    bench_program(c, "gen_send_100k", GEN_SEND, 10);
    bench_program(c, "queue_ping_pong_5k", PING_PONG, 10);
    bench_program(c, "tasks_1000", MANY_TASKS, 10);
}

criterion_group!(benches, coroutine_benches);
criterion_main!(benches);
