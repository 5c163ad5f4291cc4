//! The GIL's switching rules seen through the interpreter: programs run with event recording
//! on (`GilConfig::tracing` in `VmConfig::gil`), and the recorded transitions are checked.

use crate::runtime::gil::{GilConfig, GilPolicy, ThreadReport, ThreadState, Transition};
use std::time::Duration;

use crate::{Vm, VmConfig};

/// Run `src` as `__main__` with tracing on; wait for its threads; return every thread's report
/// (the main thread's included) and the uncaught exception, if any.
fn run_traced(src: &str, config: VmConfig) -> (Vec<ThreadReport>, Option<String>) {
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let code = gilvm_compiler::compile_source(&src, "prog.py").expect("compiles");
            let mut vm = Vm::new(VmConfig {
                gil: GilConfig {
                    tracing: true,
                    ..config.gil
                },
                ..config
            });
            let r = vm.run_module(code, "__main__", src.as_str().into());
            let err = r.err().map(|e| vm.format_exception(&e));
            let _ = crate::modules::threading::thread::wait_for_threads(&mut vm);
            let interp = vm.interp.clone();
            drop(vm);
            (interp.gil.take_reports(), err)
        })
        .expect("spawn")
        .join()
        .expect("test thread panicked")
}

fn config(instructions: u32, interval: Duration, policy: GilPolicy) -> VmConfig {
    VmConfig {
        gil: GilConfig {
            switch_instructions: instructions,
            switch_interval: interval,
            policy,
            ..GilConfig::default()
        },
        ..VmConfig::default()
    }
}

fn report<'a>(reports: &'a [ThreadReport], name: &str) -> &'a ThreadReport {
    reports
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no report for {name}: {reports:?}"))
}

const SPIN: &str = "
def spin(n):
    x = 0
    for i in range(n):
        x += i
    return x
";

#[test]
fn a_thread_spinning_alone_is_never_preempted() {
    let src = format!("{SPIN}\nspin(200000)\n");
    let (reports, err) = run_traced(&src, config(100, Duration::from_millis(1), GilPolicy::Fifo));
    assert_eq!(err, None);
    let main = report(&reports, "MainThread");
    assert_eq!(main.stats.forced_switches(), 0, "{:?}", main.stats);
    assert!(main.stats.instructions > 200_000, "{:?}", main.stats);
    assert!(main.events.iter().all(|e| !e.reason.is_forced_switch()));
}

#[test]
fn a_spinner_is_not_preempted_while_the_other_thread_sleeps() {
    let src = format!(
        "{SPIN}
import threading
held = threading.Lock()
held.acquire()
# A native call that blocks 50 ms (a lock nobody releases), as time.sleep would.
t = threading.Thread(target=held.acquire, args=(True, 0.05), name='sleeper')
t.start()
spin(20000)
t.join()
"
    );
    let (reports, err) = run_traced(&src, config(100, Duration::from_millis(5), GilPolicy::Fifo));
    assert_eq!(err, None);
    let sleeper = report(&reports, "sleeper");
    assert_eq!(sleeper.stats.forced_switches(), 0, "{:?}", sleeper.stats);
    // It got the lock, released it to sleep, and came back.
    assert!(sleeper.events.iter().any(|e| e.reason == Transition::Block));
}

#[test]
fn two_spinning_threads_alternate_every_n_instructions() {
    for n in [50u32, 100, 400] {
        let src = format!(
            "{SPIN}
import threading
ts = [threading.Thread(target=spin, args=(30000,), name=f's{{i}}') for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
"
        );
        let (reports, err) = run_traced(&src, config(n, Duration::ZERO, GilPolicy::Fifo));
        assert_eq!(err, None);
        for name in ["s0", "s1"] {
            let r = report(&reports, name);
            let slices: Vec<u64> = r
                .events
                .iter()
                .filter(|e| e.reason == Transition::SwitchInstructions)
                .map(|e| e.instructions)
                .collect();
            assert!(
                slices.len() > 100,
                "n={n} {name}: too few forced switches: {}",
                slices.len()
            );
            // Every forced switch comes after exactly n instructions counted from the start
            // of the turn (the first turn may be longer: it started before the other waited).
            let exact = slices.iter().filter(|&&s| s == u64::from(n)).count();
            assert!(
                exact * 10 >= slices.len() * 9,
                "n={n} {name}: slices {:?}",
                &slices[..slices.len().min(20)]
            );
        }
        // They alternate: while both run, the main thread waits in join; the turns of s0 and
        // s1 interleave (no thread gets two turns in a row under fifo).
        let mut turns: Vec<(std::time::Duration, &str)> = Vec::new();
        for name in ["s0", "s1"] {
            for e in &report(&reports, name).events {
                if e.state == ThreadState::Running {
                    turns.push((e.at, if name == "s0" { "a" } else { "b" }));
                }
            }
        }
        turns.sort();
        let repeats = turns.windows(2).filter(|w| w[0].1 == w[1].1).count();
        assert!(
            repeats * 20 <= turns.len(),
            "n={n}: {repeats} repeated turns out of {}",
            turns.len()
        );
    }
}

#[test]
fn a_sleeping_thread_lets_another_run() {
    let src = format!(
        "{SPIN}
import threading
nap = threading.Lock()
nap.acquire()
done = []
def worker():
    spin(50000)
    done.append(1)
t = threading.Thread(target=worker, name='worker')
t.start()
while not done:
    nap.acquire(True, 0.01)
t.join()
"
    );
    let (reports, err) = run_traced(&src, config(100, Duration::from_millis(5), GilPolicy::Fifo));
    assert_eq!(err, None);
    let main = report(&reports, "MainThread");
    let worker = report(&reports, "worker");
    // Main sleeps (blocked, lock released) until the worker is done, however long the OS takes
    // to schedule it: the worker's instructions must be counted inside main's sleeps.
    let blocks: Vec<_> = main
        .events
        .iter()
        .filter(|e| e.reason == Transition::Block)
        .map(|e| e.at)
        .collect();
    let unblocks: Vec<_> = main
        .events
        .iter()
        .filter(|e| e.reason == Transition::Unblock)
        .map(|e| e.at)
        .collect();
    assert!(!blocks.is_empty(), "main blocks in sleep");
    // A worker turn starts at an event entering Running and its instructions are reported by
    // the event that ends it. Under load the OS may keep main's wake-up (its Unblock, recorded
    // before it queues for the lock) inside a turn of the worker, so count a turn when it
    // *started* while main was blocked, wherever it ended.
    let mut ran_meanwhile: u64 = 0;
    let mut turn_start = None;
    for e in &worker.events {
        if let Some(start) = turn_start.take() {
            if blocks
                .iter()
                .zip(&unblocks)
                .any(|(&from, &to)| start > from && start <= to)
            {
                ran_meanwhile += e.instructions;
            }
        }
        if e.state == ThreadState::Running {
            turn_start = Some(e.at);
        }
    }
    assert!(
        ran_meanwhile > 1000,
        "the worker should run while main sleeps: {ran_meanwhile} instructions"
    );
    // Main gave the lock up by sleeping (voluntary switches), not by being preempted by count.
    assert!(main.stats.voluntary_switches >= 1, "{:?}", main.stats);
    assert_eq!(main.stats.switches_by_instructions, 0, "{:?}", main.stats);
}

#[test]
fn switch_interval_alone_forces_switches() {
    let src = format!(
        "{SPIN}
import threading
ts = [threading.Thread(target=spin, args=(300000,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
"
    );
    let (reports, err) = run_traced(&src, config(0, Duration::from_millis(1), GilPolicy::Fifo));
    assert_eq!(err, None);
    let by_interval: u64 = reports.iter().map(|r| r.stats.switches_by_interval).sum();
    let by_count: u64 = reports
        .iter()
        .map(|r| r.stats.switches_by_instructions)
        .sum();
    assert_eq!(by_count, 0);
    assert!(by_interval >= 2, "{reports:?}");
}

#[test]
fn sys_setswitchinterval_changes_the_gil() {
    let src = "import sys\nsys.setswitchinterval(0.25)\n";
    std::thread::Builder::new()
        .spawn(move || {
            let code = gilvm_compiler::compile_source(src, "prog.py").expect("compiles");
            let mut vm = Vm::new(VmConfig::default());
            assert_eq!(
                vm.interp.gil.switch_interval(),
                crate::runtime::gil::DEFAULT_SWITCH_INTERVAL
            );
            vm.run_module(code, "__main__", src.into()).expect("runs");
            assert_eq!(
                vm.interp.gil.switch_interval(),
                std::time::Duration::from_millis(250)
            );
            assert_eq!(vm.interp.switch_interval().as_secs_f64(), 0.25);
        })
        .expect("spawn")
        .join()
        .expect("test thread panicked");
}
