//! Tests of the GIL with plain Rust threads standing in for interpreter threads: each calls
//! `acquire`, a loop of `tick` + `maybe_switch` (one tick per simulated instruction), blocking
//! calls through `allow_threads`, and `finish`. Assertions use the recorded events and counters,
//! not wall-clock timing; every wait is bounded so that no test can hang.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::*;
use crate::object::gilcell::GilCell;

/// How long any one test may take before it fails as hung.
const LIMIT: Duration = Duration::from_secs(60);

fn config(policy: GilPolicy, instructions: u32, interval: Duration) -> GilConfig {
    GilConfig {
        policy,
        switch_instructions: instructions,
        switch_interval: interval,
        tracing: true,
        spin: true,
        keep_reports: true,
    }
}

/// Run every body on its own thread; fail (instead of hanging) if they have not all finished
/// within `LIMIT`, and propagate a panic from any of them.
fn run_threads(bodies: Vec<Box<dyn FnOnce() + Send>>) {
    let (tx, rx) = mpsc::channel();
    let count = bodies.len();
    let handles: Vec<_> = bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| {
            let tx = tx.clone();
            std::thread::spawn(move || {
                body();
                let _ = tx.send(i);
            })
        })
        .collect();
    drop(tx);
    let deadline = Instant::now() + LIMIT;
    for _ in 0..count {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(_) => {}
            Err(mpsc::RecvTimeoutError::Timeout) => {
                panic!("threads did not finish within {LIMIT:?}")
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    for h in handles {
        if let Err(panic) = h.join() {
            std::panic::resume_unwind(panic);
        }
    }
}

/// Wait (bounded) until `cond` holds.
fn wait_until(what: &str, cond: impl Fn() -> bool) {
    let deadline = Instant::now() + LIMIT;
    while !cond() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// A simulated interpreter thread running `ticks` instructions.
fn run_instructions(h: &mut ThreadGil, ticks: u64) {
    for _ in 0..ticks {
        if h.tick() {
            h.maybe_switch();
        }
    }
}

/// Every thread's Acquired events, merged in time order, as thread ids.
fn acquisition_order(reports: &[ThreadReport]) -> Vec<u64> {
    let mut all: Vec<(Duration, u64)> = reports
        .iter()
        .flat_map(|r| {
            r.events
                .iter()
                .filter(|e| e.reason == Transition::Acquired)
                .map(move |e| (e.at, r.id))
        })
        .collect();
    all.sort();
    all.into_iter().map(|(_, id)| id).collect()
}

#[test]
fn a_thread_alone_is_never_preempted() {
    let lock = GilLock::new(config(GilPolicy::Fifo, 100, Duration::from_millis(15)));
    let mut h = lock.register("MainThread");
    h.acquire();
    let mut cold = 0;
    for _ in 0..1_000_000 {
        if h.tick() {
            cold += 1;
            assert!(!h.maybe_switch());
        }
    }
    assert_eq!(
        cold, 100,
        "alone, the cold path runs once per UNCOUNTED_CHUNK instructions"
    );
    h.finish();
    let reports = lock.take_reports();
    assert_eq!(reports.len(), 1);
    let s = reports[0].stats;
    assert_eq!(s.forced_switches(), 0);
    assert_eq!(s.acquisitions, 1);
    assert_eq!(s.instructions, 1_000_000);
    let states: Vec<ThreadState> = reports[0].events.iter().map(|e| e.state).collect();
    use ThreadState::*;
    assert_eq!(states, [New, Ready, Running, Terminated]);
    assert!(lock.holder().is_none());
}

/// Two CPU-bound threads, both ready before the first instruction; returns the reports.
fn two_spinners(
    cfg: GilConfig,
    until: impl Fn(&ThreadGil) -> bool + Send + Sync + 'static,
) -> Vec<ThreadReport> {
    let lock = GilLock::new(cfg);
    let until = Arc::new(until);
    let stop = Arc::new(AtomicBool::new(false));
    let first_holds = Arc::new(AtomicBool::new(false));
    let mut bodies: Vec<Box<dyn FnOnce() + Send>> = Vec::new();
    for i in 0..2 {
        let (lock, until, stop, first_holds) = (
            lock.clone(),
            until.clone(),
            stop.clone(),
            first_holds.clone(),
        );
        bodies.push(Box::new(move || {
            if i == 1 {
                wait_until("the first thread holds the lock", || {
                    first_holds.load(Ordering::SeqCst)
                });
            }
            let mut h = lock.register(format!("spinner-{i}"));
            h.acquire();
            if i == 0 {
                first_holds.store(true, Ordering::SeqCst);
                // Start only once the other thread is queued, so every turn is a full one.
                wait_until("the second thread is queued", || {
                    lock.waiting_threads() == 1
                });
            }
            let deadline = Instant::now() + LIMIT;
            while !stop.load(Ordering::Relaxed) {
                if until(&h) {
                    stop.store(true, Ordering::Relaxed);
                    break;
                }
                if h.tick() {
                    h.maybe_switch();
                    assert!(Instant::now() < deadline, "spinner ran too long");
                }
            }
            h.finish();
        }));
    }
    run_threads(bodies);
    lock.take_reports()
}

#[test]
fn two_spinners_alternate_every_n_instructions_at_fifo() {
    for n in [100, 37] {
        let reports = two_spinners(config(GilPolicy::Fifo, n, Duration::ZERO), |h| {
            h.stats().acquisitions >= 300
        });
        for r in &reports {
            let runs: Vec<u64> = r
                .events
                .iter()
                .filter(|e| e.reason.is_forced_switch())
                .map(|e| e.instructions)
                .collect();
            assert!(runs.len() >= 290, "{}: {} runs", r.name, runs.len());
            // A run is exactly N instructions counted from the moment the other thread queued.
            // On a loaded machine the OS may deschedule the giver before it queues behind the
            // taker, who then runs alone for whole uncounted chunks first: such a run is N plus
            // a multiple of the uncounted chunk, never anything else, and such runs are rare.
            let chunk = u64::from(super::UNCOUNTED_CHUNK);
            assert!(
                runs.iter()
                    .all(|&len| len >= u64::from(n) && (len - u64::from(n)) % chunk == 0),
                "{}: run lengths {runs:?}",
                r.name
            );
            let exact = runs.iter().filter(|&&len| len == u64::from(n)).count();
            assert!(
                exact * 10 >= runs.len() * 9,
                "{}: run lengths {runs:?}",
                r.name
            );
            assert_eq!(r.stats.switches_by_instructions, runs.len() as u64);
            assert_eq!(
                r.stats.switches_by_interval + r.stats.switches_by_io_priority,
                0
            );
        }
        let order = acquisition_order(&reports);
        assert!(order.len() >= 599);
        assert!(
            order.windows(2).all(|w| w[0] != w[1]),
            "turns do not alternate: {order:?}"
        );
    }
}

#[test]
fn two_spinners_alternate_by_time_when_counting_is_off() {
    let reports = two_spinners(config(GilPolicy::Fifo, 0, Duration::from_millis(1)), |h| {
        h.stats().acquisitions >= 10
    });
    for r in &reports {
        assert_eq!(r.stats.switches_by_instructions, 0, "{}", r.name);
        assert!(
            r.stats.switches_by_interval >= 8,
            "{}: {:?}",
            r.name,
            r.stats
        );
        // A turn ends only after a waiter waited out the interval: each forced run is long.
        for e in r
            .events
            .iter()
            .filter(|e| e.reason == Transition::SwitchInterval)
        {
            assert!(e.instructions > 0);
        }
    }
    let order = acquisition_order(&reports);
    assert!(
        order.windows(2).all(|w| w[0] != w[1]),
        "turns do not alternate: {order:?}"
    );
}

#[test]
fn a_blocking_thread_lets_the_other_run() {
    let lock = GilLock::new(config(GilPolicy::Fifo, 100, Duration::from_millis(15)));
    let (tx, rx) = mpsc::channel::<()>();
    let a_holds = Arc::new(AtomicBool::new(false));
    let (lock_a, a_holds_a) = (lock.clone(), a_holds.clone());
    let (lock_b, a_holds_b) = (lock.clone(), a_holds.clone());
    run_threads(vec![
        Box::new(move || {
            let mut h = lock_a.register("blocker");
            h.acquire();
            a_holds_a.store(true, Ordering::SeqCst);
            wait_until("the other thread is queued", || {
                lock_a.waiting_threads() == 1
            });
            // Blocks until the other thread has run, which it can only do if the lock is free.
            let got = h.allow_threads(move || rx.recv_timeout(LIMIT));
            assert!(
                got.is_ok(),
                "the other thread never ran while this one blocked"
            );
            assert_eq!(h.state(), ThreadState::Running);
            h.finish();
        }),
        Box::new(move || {
            wait_until("the blocker holds the lock", || {
                a_holds_b.load(Ordering::SeqCst)
            });
            let mut h = lock_b.register("runner");
            h.acquire();
            run_instructions(&mut h, 1000);
            tx.send(()).unwrap();
            run_instructions(&mut h, 1000);
            h.finish();
        }),
    ]);
    let reports = lock.take_reports();
    let (a, b) = (&reports[0], &reports[1]);
    assert_eq!(a.stats.voluntary_switches, 1);
    assert_eq!(a.stats.acquisitions, 2);
    assert!(a.stats.blocked > Duration::ZERO);
    assert_eq!(b.stats.voluntary_switches, 0);
    use ThreadState::*;
    let a_states: Vec<ThreadState> = a.events.iter().map(|e| e.state).collect();
    assert_eq!(
        a_states,
        [New, Ready, Running, Blocked, Ready, Running, Terminated]
    );
    let block = a
        .events
        .iter()
        .find(|e| e.reason == Transition::Block)
        .unwrap();
    assert_eq!(block.instructions, 0);
    let b_acquired = b
        .events
        .iter()
        .find(|e| e.reason == Transition::Acquired)
        .unwrap();
    let a_back = a
        .events
        .iter()
        .rfind(|e| e.reason == Transition::Acquired)
        .unwrap();
    assert!(block.at <= b_acquired.at && b_acquired.at <= a_back.at);
    // The blocker came back while the runner held the lock: it waited for its turn.
    assert_eq!(
        a.events
            .iter()
            .filter(|e| e.reason == Transition::Unblock)
            .count(),
        1
    );
}

/// 8 threads each add 1 to a counter guarded only by the GIL 100_000 times (with a blocking
/// call now and then); the total must be exact.
fn shared_counter(cfg: GilConfig) {
    const THREADS: u64 = 8;
    const ADDS: u64 = 100_000;
    let lock = GilLock::new(cfg);
    let counter = Arc::new(GilCell::new(0u64));
    let bodies = (0..THREADS)
        .map(|i| {
            let (lock, counter) = (lock.clone(), counter.clone());
            Box::new(move || {
                let mut h = lock.register(format!("adder-{i}"));
                let gil = h.acquire();
                for k in 0..ADDS {
                    *counter.borrow_mut(gil) += 1;
                    if h.tick() {
                        h.maybe_switch();
                    }
                    if k % 25_000 == 12_345 {
                        h.allow_threads(std::thread::yield_now);
                    }
                }
                h.finish();
            }) as Box<dyn FnOnce() + Send>
        })
        .collect();
    run_threads(bodies);
    let total = Arc::into_inner(counter)
        .expect("threads are done")
        .into_inner();
    assert_eq!(total, THREADS * ADDS, "{cfg:?}");
    let reports = lock.take_reports();
    assert_eq!(reports.len(), THREADS as usize);
    for r in &reports {
        assert_eq!(r.stats.instructions, ADDS, "{}", r.name);
        assert_eq!(r.stats.voluntary_switches, 4, "{}", r.name);
    }
    assert!(lock.holder().is_none() && lock.waiting_threads() == 0);
}

#[test]
fn shared_counter_is_exact_at_every_policy_and_setting() {
    let ms = Duration::from_millis;
    for (policy, n, interval) in [
        (GilPolicy::Fifo, 100, ms(15)),
        (GilPolicy::Fifo, 50, Duration::ZERO),
        (GilPolicy::Fifo, 0, ms(1)),
        (GilPolicy::Fifo, 5000, ms(1)),
        (GilPolicy::Naive, 100, ms(15)),
        (GilPolicy::Naive, 0, ms(1)),
        (GilPolicy::IoPriority, 100, ms(5)),
        (GilPolicy::IoPriority, 0, ms(1)),
    ] {
        shared_counter(config(policy, n, interval));
    }
}

#[test]
fn shared_counter_is_exact_without_spinning() {
    let mut cfg = config(GilPolicy::Fifo, 200, Duration::from_millis(2));
    cfg.spin = false;
    shared_counter(cfg);
}

#[test]
fn naive_policy_makes_progress() {
    let lock = GilLock::new(config(GilPolicy::Naive, 10, Duration::from_millis(1)));
    let bodies = (0..3)
        .map(|i| {
            let lock = lock.clone();
            Box::new(move || {
                let mut h = lock.register(format!("naive-{i}"));
                h.acquire();
                for _ in 0..20 {
                    run_instructions(&mut h, 5_000);
                    h.allow_threads(|| std::thread::sleep(Duration::from_micros(100)));
                }
                h.finish();
            }) as Box<dyn FnOnce() + Send>
        })
        .collect();
    run_threads(bodies);
    let reports = lock.take_reports();
    assert_eq!(reports.len(), 3);
    for r in &reports {
        assert_eq!(r.stats.instructions, 100_000);
        assert_eq!(r.stats.voluntary_switches, 20);
        // Every re-grab after a forced release is an acquisition of its own.
        assert!(r.stats.acquisitions > r.stats.voluntary_switches);
    }
}

/// Thread C blocks; A then holds the lock and spins; B queues for it; C comes back from its
/// blocking call. Returns the order in which B and C got the lock.
fn returning_io_thread(policy: GilPolicy) -> (Vec<&'static str>, Vec<ThreadReport>) {
    let lock = GilLock::new(config(policy, 0, Duration::from_secs(30)));
    let order = Arc::new(parking_lot::Mutex::new(Vec::new()));
    let c_blocked = Arc::new(AtomicBool::new(false));
    let a_holds = Arc::new(AtomicBool::new(false));
    let (wake_c, c_waits) = mpsc::channel::<()>();
    let lock_a = lock.clone();
    let (c_blocked_a, a_holds_a, order_a) = (c_blocked.clone(), a_holds.clone(), order.clone());
    let a = move || {
        wait_until("C is blocked", || c_blocked_a.load(Ordering::SeqCst));
        let mut h = lock_a.register("A (cpu, holder)");
        h.acquire();
        a_holds_a.store(true, Ordering::SeqCst);
        let deadline = Instant::now() + LIMIT;
        // Spin until one of the others ran. Under fifo nothing makes A yield (no trigger is
        // on), so it hands over by finishing once both others are queued.
        while order_a.lock().is_empty() {
            if h.tick() {
                h.maybe_switch();
            }
            if policy == GilPolicy::Fifo && lock_a.waiting_threads() == 2 {
                break;
            }
            assert!(Instant::now() < deadline, "A spun too long");
        }
        h.finish();
    };
    let (lock_b, a_holds_b, order_b) = (lock.clone(), a_holds.clone(), order.clone());
    let b = move || {
        wait_until("A holds the lock", || a_holds_b.load(Ordering::SeqCst));
        let mut h = lock_b.register("B (cpu, queued)");
        h.acquire();
        order_b.lock().push("B");
        h.finish();
    };
    let (lock_c, order_c) = (lock.clone(), order.clone());
    let c = move || {
        let mut h = lock_c.register("C (io)");
        h.acquire();
        let woken = h.allow_threads(move || {
            c_blocked.store(true, Ordering::SeqCst);
            c_waits.recv_timeout(LIMIT)
        });
        assert!(woken.is_ok());
        order_c.lock().push("C");
        h.finish();
    };
    let lock_main = lock.clone();
    let main = move || {
        wait_until("A holds and B is queued", || {
            a_holds.load(Ordering::SeqCst) && lock_main.waiting_threads() == 1
        });
        wake_c.send(()).unwrap();
    };
    run_threads(vec![Box::new(a), Box::new(b), Box::new(c), Box::new(main)]);
    let order = order.lock().clone();
    (order, lock.take_reports())
}

#[test]
fn io_priority_lets_a_returning_thread_go_first() {
    let (order, reports) = returning_io_thread(GilPolicy::IoPriority);
    assert_eq!(order, ["C", "B"]);
    let a = reports.iter().find(|r| r.name.starts_with('A')).unwrap();
    // A gave up the lock because C asked for it, not because it finished.
    assert_eq!(a.stats.switches_by_io_priority, 1, "{:?}", a.stats);
    let c = reports.iter().find(|r| r.name.starts_with('C')).unwrap();
    let b = reports.iter().find(|r| r.name.starts_with('B')).unwrap();
    let c_back = c
        .events
        .iter()
        .rfind(|e| e.reason == Transition::Acquired)
        .unwrap();
    let b_got = b
        .events
        .iter()
        .find(|e| e.reason == Transition::Acquired)
        .unwrap();
    assert!(c_back.at < b_got.at);
}

#[test]
fn fifo_makes_a_returning_thread_queue_behind() {
    let (order, reports) = returning_io_thread(GilPolicy::Fifo);
    assert_eq!(order, ["B", "C"]);
    assert!(reports.iter().all(|r| r.stats.forced_switches() == 0));
}

#[test]
fn switch_settings_change_at_run_time() {
    let reports = two_spinners(config(GilPolicy::Fifo, 100, Duration::ZERO), |h| {
        if h.stats().acquisitions == 50 {
            h.lock().set_switch_instructions(10);
            h.lock().set_switch_interval(Duration::from_secs(5));
        }
        h.stats().acquisitions >= 100
    });
    for r in &reports {
        let runs: Vec<u64> = r
            .events
            .iter()
            .filter(|e| e.reason.is_forced_switch())
            .map(|e| e.instructions)
            .collect();
        assert!(runs.iter().all(|&len| len == 100 || len == 10), "{runs:?}");
        assert!(
            runs.iter().filter(|&&len| len == 100).count() >= 45,
            "{runs:?}"
        );
        assert!(
            runs.iter().filter(|&&len| len == 10).count() >= 45,
            "{runs:?}"
        );
    }
}

#[test]
fn a_thread_that_starts_waiting_gets_the_lock_within_n_instructions() {
    for n in [100, 2, 1] {
        waiter_arrives(n);
    }
}

fn waiter_arrives(n: u32) {
    // The holder runs alone (uncounted) until the second thread queues; from then on it runs
    // exactly `switch_instructions` more before handing over.
    let lock = GilLock::new(config(GilPolicy::Fifo, n, Duration::ZERO));
    let holder_ran = Arc::new(AtomicBool::new(false));
    let (lock_a, ran_a) = (lock.clone(), holder_ran.clone());
    let (lock_b, ran_b) = (lock.clone(), holder_ran.clone());
    run_threads(vec![
        Box::new(move || {
            let mut h = lock_a.register("holder");
            h.acquire();
            run_instructions(&mut h, 12_345);
            ran_a.store(true, Ordering::SeqCst);
            wait_until("the waiter is queued", || lock_a.waiting_threads() == 1);
            let mut after = 0u64;
            while h.stats().forced_switches() == 0 {
                after += 1;
                if h.tick() {
                    h.maybe_switch();
                }
                assert!(
                    after <= u64::from(n),
                    "ran {after} instructions with a waiter queued"
                );
            }
            assert_eq!(after, u64::from(n));
            h.finish();
        }),
        Box::new(move || {
            wait_until("the holder ran", || ran_b.load(Ordering::SeqCst));
            let mut h = lock_b.register("waiter");
            h.acquire();
            h.finish();
        }),
    ]);
    let reports = lock.take_reports();
    assert_eq!(reports[0].stats.switches_by_instructions, 1);
    assert_eq!(reports[0].stats.instructions, 12_345 + u64::from(n));
}

#[test]
fn an_eval_loop_with_a_local_countdown_switches_the_same_way() {
    let lock = GilLock::new(config(GilPolicy::Fifo, 25, Duration::ZERO));
    let first_holds = Arc::new(AtomicBool::new(false));
    let bodies = (0..2)
        .map(|i| {
            let (lock, first_holds) = (lock.clone(), first_holds.clone());
            Box::new(move || {
                if i == 1 {
                    wait_until("the first thread holds the lock", || {
                        first_holds.load(Ordering::SeqCst)
                    });
                }
                let mut h = lock.register(format!("local-{i}"));
                h.acquire();
                if i == 0 {
                    first_holds.store(true, Ordering::SeqCst);
                    wait_until("the second thread is queued", || {
                        lock.waiting_threads() == 1
                    });
                }
                let breaker = h.lock().clone();
                let mut left = h.countdown();
                for _ in 0..10_000 {
                    left -= 1;
                    if left == 0 || breaker.eval_breaker().load(Ordering::Relaxed) {
                        h.set_countdown(left);
                        h.maybe_switch();
                        left = h.countdown();
                    }
                }
                h.set_countdown(left);
                h.finish();
            }) as Box<dyn FnOnce() + Send>
        })
        .collect();
    run_threads(bodies);
    for r in lock.take_reports() {
        assert_eq!(r.stats.instructions, 10_000);
        let runs = r.events.iter().filter(|e| e.reason.is_forced_switch());
        // As in two_spinners_alternate_every_n_instructions_at_fifo: exactly 25 instructions
        // after the other thread queued, plus whole uncounted chunks when it queued late.
        let chunk = u64::from(super::UNCOUNTED_CHUNK);
        assert!(runs.clone().count() >= 1, "{}", r.name);
        assert!(
            runs.clone()
                .all(|e| e.instructions >= 25 && (e.instructions - 25) % chunk == 0),
            "{:?}",
            r.events
        );
    }
    let mut h = lock.register("stale");
    h.acquire();
    h.set_countdown(u32::MAX); // a stale copy larger than the armed countdown is clamped
    assert!(h.countdown() <= 10_000);
}

#[test]
fn attention_requests_break_the_hot_loop_without_switching() {
    let lock = GilLock::new(config(GilPolicy::Fifo, 100, Duration::from_millis(15)));
    let mut h = lock.register("t");
    h.acquire();
    assert!(!h.tick());
    lock.request_attention();
    assert!(lock.eval_breaker().load(Ordering::Relaxed));
    assert!(h.tick());
    assert!(!h.maybe_switch());
    assert!(h.tick(), "attention stays requested until taken");
    assert!(lock.take_attention());
    assert!(!lock.take_attention());
    assert!(!h.tick());
    assert_eq!(h.stats().forced_switches(), 0);
}

#[test]
fn tracing_off_records_no_events_but_counts() {
    let mut cfg = config(GilPolicy::Fifo, 100, Duration::from_millis(15));
    cfg.tracing = false;
    let lock = GilLock::new(cfg);
    let mut h = lock.register("t");
    h.acquire();
    run_instructions(&mut h, 500);
    h.allow_threads(|| ());
    h.finish();
    let r = lock.take_reports();
    assert!(r[0].events.is_empty());
    assert_eq!(
        (
            r[0].stats.acquisitions,
            r[0].stats.voluntary_switches,
            r[0].stats.instructions
        ),
        (2, 1, 500)
    );
}

#[test]
fn acquire_and_release_are_idempotent_and_drop_releases() {
    let lock = GilLock::new(GilConfig::default());
    let mut h = lock.register("t");
    assert_eq!(h.state(), ThreadState::New);
    h.release(); // not held: nothing happens
    assert_eq!(h.state(), ThreadState::New);
    h.acquire();
    h.acquire();
    assert_eq!(h.stats().acquisitions, 1);
    assert_eq!(lock.holder(), Some(h.id()));
    h.release();
    h.release();
    assert_eq!(h.stats().voluntary_switches, 1);
    assert!(lock.holder().is_none());
    h.acquire();
    drop(h); // a thread that dies holding the lock gives it up
    assert!(lock.holder().is_none());
    let mut other = lock.register("other");
    other.acquire();
    assert_eq!(lock.holder(), Some(other.id()));
    other.finish();
    let reports = lock.take_reports();
    assert_eq!(reports.iter().map(|r| r.id).collect::<Vec<_>>(), [1, 2]);
    assert!(lock.take_reports().is_empty());
}

#[test]
fn a_panicking_blocking_call_gives_the_lock_back() {
    let lock = GilLock::new(GilConfig::default());
    let mut h = lock.register("t");
    h.acquire();
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        h.allow_threads(|| panic!("boom"));
    }));
    assert!(caught.is_err());
    assert_eq!(h.state(), ThreadState::Running);
    assert_eq!(lock.holder(), Some(h.id()));
}

#[test]
fn stats_table_from_a_real_run() {
    let reports = two_spinners(config(GilPolicy::Fifo, 50, Duration::ZERO), |h| {
        h.stats().acquisitions >= 20
    });
    let table = format_gil_stats(&reports);
    assert_eq!(table.lines().count(), 4, "{table}");
    assert!(table.contains("spinner-0") && table.contains("spinner-1") && table.contains("total"));
    let waited: Duration = reports.iter().map(|r| r.stats.waiting).sum();
    assert!(waited > Duration::ZERO);
}

#[test]
fn events_follow_the_state_model_in_time_order() {
    let reports = two_spinners(
        config(GilPolicy::IoPriority, 20, Duration::from_millis(1)),
        |h| h.stats().acquisitions >= 50,
    );
    use ThreadState::*;
    for r in &reports {
        assert!(
            r.events.windows(2).all(|w| w[0].at <= w[1].at),
            "{}",
            r.name
        );
        assert_eq!(r.events.first().map(|e| e.state), Some(New));
        assert_eq!(r.events.last().map(|e| e.state), Some(Terminated));
        for w in r.events.windows(2) {
            let ok = matches!(
                (w[0].state, w[1].state),
                (New, Ready)
                    | (Ready, Running)
                    | (Running, Ready)
                    | (Running, Blocked)
                    | (Blocked, Ready)
                    | (Running, Terminated)
            );
            assert!(ok, "{}: {} -> {}", r.name, w[0].state, w[1].state);
        }
        let forced = r
            .events
            .iter()
            .filter(|e| e.reason.is_forced_switch())
            .count() as u64;
        assert_eq!(forced, r.stats.forced_switches());
        let acquired = r
            .events
            .iter()
            .filter(|e| e.reason == Transition::Acquired)
            .count() as u64;
        assert_eq!(acquired, r.stats.acquisitions);
    }
}

#[test]
fn without_keep_reports_finished_threads_leave_nothing_behind() {
    // A long-running program that starts threads all the time (the soak test: ~20 threads a
    // round) must not accumulate one report per thread when nobody will read them.
    let lock = GilLock::new(GilConfig {
        keep_reports: false,
        ..GilConfig::default()
    });
    for i in 0..3 {
        let mut h = lock.register(format!("t{i}"));
        h.acquire();
        h.finish();
    }
    let mut h = lock.register("dropped");
    h.acquire();
    drop(h);
    assert!(lock.take_reports().is_empty());
    assert!(lock.holder().is_none());
}
