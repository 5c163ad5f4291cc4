//! Synthetic thread reports for the converters' tests: events with counters that agree with them.

use std::time::Duration;

use gilvm_vm::runtime::gil::{GilEvent, ThreadReport, ThreadState, ThreadStats, Transition};

use ThreadState::*;
use Transition::*;

/// A report whose counters are computed from `events` (microseconds, state entered, reason).
pub fn report(id: u64, name: &str, events: &[(u64, ThreadState, Transition)]) -> ThreadReport {
    let events: Vec<GilEvent> = events
        .iter()
        .map(|&(us, state, reason)| GilEvent {
            at: Duration::from_micros(us),
            state,
            reason,
            instructions: if reason.is_forced_switch() || reason == Block || reason == Exit {
                100
            } else {
                0
            },
        })
        .collect();
    let mut stats = ThreadStats::default();
    for pair in events.windows(2) {
        let elapsed = pair[1].at - pair[0].at;
        match pair[0].state {
            Running => stats.running += elapsed,
            Ready => stats.waiting += elapsed,
            Blocked => stats.blocked += elapsed,
            New | Terminated => {}
        }
    }
    for e in &events {
        match e.reason {
            Acquired => stats.acquisitions += 1,
            SwitchInstructions => stats.switches_by_instructions += 1,
            SwitchInterval => stats.switches_by_interval += 1,
            SwitchIoPriority => stats.switches_by_io_priority += 1,
            Block => stats.voluntary_switches += 1,
            _ => {}
        }
        stats.instructions += e.instructions;
    }
    ThreadReport {
        id,
        name: name.to_string(),
        stats,
        events,
    }
}

/// Two threads taking turns: the main thread is switched out once and sleeps once.
pub fn two_threads() -> Vec<ThreadReport> {
    vec![
        report(
            1,
            "MainThread",
            &[
                (0, New, Created),
                (0, Ready, Start),
                (0, Running, Acquired),
                (10_000, Ready, SwitchInstructions),
                (15_000, Running, Acquired),
                (20_000, Blocked, Block),
                (30_000, Ready, Unblock),
                (30_500, Running, Acquired),
                (40_000, Terminated, Exit),
            ],
        ),
        report(
            2,
            "Thread-1 (worker)",
            &[
                (1_000, New, Created),
                (2_000, Ready, Start),
                (10_000, Running, Acquired),
                (15_000, Ready, SwitchInterval),
                (20_000, Running, Acquired),
                (30_000, Terminated, Exit),
            ],
        ),
    ]
}

/// Tests that start child processes hold this: `child::measure` reads process-wide rusage.
pub static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Take [`SERIAL`] even if a test that held it panicked.
pub fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}
