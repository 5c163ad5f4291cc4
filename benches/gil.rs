//! Benchmarks of the GIL (`gilvm_vm::runtime::gil`).
//!
//! (a) `hot_path`: the single-thread cost of the per-instruction check. 10_000_000 simulated
//!     instructions (a serial LCG step and an xor, about as cheap as an instruction gets) with
//!     no check at all, then with `tick` + `maybe_switch` at the defaults (100 instructions,
//!     15 ms) and with both triggers off. Target: within 2% of the unchecked loop.
//! (b) `handoff`: two threads ping-pong the lock (`switch_instructions = 1`, so every
//!     instruction hands it over); each iteration is one hand-off and its time is measured from
//!     the giver's `Instant::now()` just before it lets go to the taker's just after it runs
//!     again. With spinning (the default) and parking only. Target: median within 5 µs.
//! (c) `two_threads`: 2 x 1_000_000 simulated instructions on two threads at the defaults, to
//!     see what the hand-offs of the default setting cost against one thread doing all 2M.
//!
//! Run briefly: `cargo bench --bench gil -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, Criterion};
use gilvm_vm::runtime::gil::{GilConfig, GilLock, ThreadGil};

const INSTRUCTIONS: u64 = 10_000_000;

/// One simulated instruction: cheap serial arithmetic.
#[inline(always)]
fn instruction(state: &mut u64, acc: &mut u64) {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *acc ^= *state >> 33;
}

fn unchecked(n: u64) -> u64 {
    let (mut state, mut acc) = (black_box(1u64), 0u64);
    for _ in 0..n {
        instruction(&mut state, &mut acc);
    }
    acc
}

fn checked(h: &mut ThreadGil, n: u64) -> u64 {
    let (mut state, mut acc) = (black_box(1u64), 0u64);
    for _ in 0..n {
        if h.tick() {
            h.maybe_switch();
        }
        instruction(&mut state, &mut acc);
    }
    acc
}

fn hot_path(c: &mut Criterion) {
    let mut g = c.benchmark_group("hot_path");
    g.sample_size(20);
    g.bench_function("no_check", |b| {
        b.iter(|| unchecked(black_box(INSTRUCTIONS)))
    });
    let defaults = GilLock::new(GilConfig::default());
    let mut h = defaults.register("bench");
    h.acquire();
    g.bench_function("tick_defaults", |b| {
        b.iter(|| checked(&mut h, black_box(INSTRUCTIONS)))
    });
    let off = GilLock::new(GilConfig {
        switch_instructions: 0,
        switch_interval: Duration::ZERO,
        ..GilConfig::default()
    });
    let mut h = off.register("bench");
    h.acquire();
    g.bench_function("tick_triggers_off", |b| {
        b.iter(|| checked(&mut h, black_box(INSTRUCTIONS)))
    });
    g.finish();
}

/// `handoffs` hand-offs between two threads; returns every release-to-running latency (ns).
fn ping_pong(handoffs: u64, spin: bool) -> Vec<u64> {
    let lock = GilLock::new(GilConfig {
        switch_instructions: 1,
        switch_interval: Duration::ZERO,
        spin,
        ..GilConfig::default()
    });
    let base = Instant::now();
    let released_at = Arc::new(AtomicU64::new(0));
    let count = Arc::new(AtomicU64::new(0));
    let threads: Vec<_> = (0..2)
        .map(|i| {
            let (lock, released_at, count) = (lock.clone(), released_at.clone(), count.clone());
            std::thread::spawn(move || {
                let mut latencies = Vec::with_capacity(handoffs as usize / 2 + 1);
                let mut h = lock.register(format!("pp-{i}"));
                if i == 1 {
                    while lock.holder().is_none() {
                        std::thread::yield_now();
                    }
                }
                h.acquire();
                if i == 0 {
                    while lock.waiting_threads() == 0 {
                        std::thread::yield_now();
                    }
                }
                while count.load(Ordering::Relaxed) < handoffs {
                    if h.tick() {
                        released_at.store(nanos_since(base), Ordering::Relaxed);
                        if h.maybe_switch() {
                            let latency = nanos_since(base)
                                .saturating_sub(released_at.load(Ordering::Relaxed));
                            latencies.push(latency);
                            count.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
                h.finish();
                latencies
            })
        })
        .collect();
    let mut all: Vec<u64> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("ping-pong thread"))
        .collect();
    all.truncate(handoffs as usize);
    all
}

fn total(latencies: &[u64]) -> Duration {
    Duration::from_nanos(latencies.iter().sum())
}

/// Percentiles of single hand-offs (criterion reports means per sample, which a few
/// preemptions of a thread by the OS can dominate on a loaded machine).
fn latency_summary() {
    for spin in [true, false] {
        let mut l = ping_pong(20_000, spin);
        l.sort_unstable();
        let p = |q: f64| l[((l.len() - 1) as f64 * q) as usize] as f64 / 1000.0;
        eprintln!(
            "handoff latency ({}): p50 {:.2} µs, p90 {:.2} µs, p99 {:.2} µs, mean {:.2} µs over {} hand-offs",
            if spin { "spin_then_park" } else { "park_only" },
            p(0.5),
            p(0.9),
            p(0.99),
            l.iter().sum::<u64>() as f64 / l.len() as f64 / 1000.0,
            l.len()
        );
    }
}

fn nanos_since(base: Instant) -> u64 {
    u64::try_from(base.elapsed().as_nanos()).unwrap_or(u64::MAX)
}

fn handoff(c: &mut Criterion) {
    let mut g = c.benchmark_group("handoff");
    g.bench_function("spin_then_park", |b| {
        b.iter_custom(|iters| total(&ping_pong(iters, true)))
    });
    g.sample_size(20);
    g.bench_function("park_only", |b| {
        b.iter_custom(|iters| total(&ping_pong(iters, false)))
    });
    g.finish();
}

/// Two threads of `n` instructions each at the default settings; returns the wall time.
fn two_threads(n: u64) -> Duration {
    let lock = GilLock::new(GilConfig::default());
    let start = Instant::now();
    let threads: Vec<_> = (0..2)
        .map(|i| {
            let lock = lock.clone();
            std::thread::spawn(move || {
                let mut h = lock.register(format!("cpu-{i}"));
                h.acquire();
                black_box(checked(&mut h, n));
                h.finish();
            })
        })
        .collect();
    for t in threads {
        t.join().expect("cpu thread");
    }
    start.elapsed()
}

fn contention(c: &mut Criterion) {
    let mut g = c.benchmark_group("two_threads");
    g.sample_size(10);
    g.bench_function("one_thread_2M", |b| {
        let lock = GilLock::new(GilConfig::default());
        let mut h = lock.register("alone");
        h.acquire();
        b.iter(|| checked(&mut h, 2_000_000))
    });
    g.bench_function("two_threads_1M_each", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| two_threads(1_000_000)).sum())
    });
    g.finish();
}

criterion_group!(benches, hot_path, handoff, contention);

fn main() {
    latency_summary();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
