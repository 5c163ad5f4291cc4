//! Workers' GIL reports (design §6: "one lane per thread, per process").
//!
//! When the parent was asked for GIL statistics or a trace (`gilvm run --gil-stats`, `--trace`,
//! `--timeline`, `--stats-json`; the CLI calls [`collect_worker_reports`] before the run), each
//! worker is started with `--gil-stats` (and `--gil-trace` when the parent records events), and
//! at its end sends one [`ToParent::GilReports`](super::wire::ToParent) message: its threads'
//! [`ThreadReport`]s with its pid, its name and the start of its GIL clock, followed by the
//! reports its own children sent it (nested workers are forwarded). The parent's broker keeps
//! them; [`take_worker_reports`] hands them to the CLI at exit, each placed on the parent's GIL
//! clock. Otherwise nothing is sent and nothing changes: the per-thread counters are always
//! kept (they are cheap), events only when tracing.
//!
//! Clocks: every process records when its GIL clock started as a CLOCK_MONOTONIC reading. That
//! clock is system-wide on Linux (the same for every process of the machine, unlike an
//! `Instant`, which is opaque), it is the clock `Instant` itself reads there (so converting an
//! `Instant` costs one reading of each, a few tens of nanoseconds of error), and unlike the wall
//! clock (SystemTime) it does not jump when NTP or an administrator steps the time during a run.
//!
//! A worker that does not end normally (killed by a signal, `os._exit`, its parent gone) sends
//! nothing: its lanes are simply missing.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::process::lock;
use gilvm_vm::runtime::gil::{GilLock, ThreadReport, WorkerReport};

/// One interpreter process's reports, as a worker sends them.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct ProcessReport {
    pub pid: u32,
    /// The process's name (`Process-1`, `SpawnPoolWorker-3`, `Process-1:1`).
    pub name: String,
    /// CLOCK_MONOTONIC (nanoseconds) when its GIL clock started (its events count from there);
    /// `None` if the clock could not be read.
    pub gil_start_ns: Option<u64>,
    pub threads: Vec<ThreadReport>,
}

static COLLECT: AtomicBool = AtomicBool::new(false);

fn received() -> &'static Mutex<Vec<ProcessReport>> {
    static RECEIVED: Mutex<Vec<ProcessReport>> = Mutex::new(Vec::new());
    &RECEIVED
}

/// Ask the workers started from now on for their GIL reports (the parent's tracing setting,
/// fixed when its interpreter started, decides whether they record events).
pub fn collect_worker_reports() {
    COLLECT.store(true, Ordering::Relaxed);
}

/// Are workers' reports wanted?
pub fn collecting() -> bool {
    COLLECT.load(Ordering::Relaxed)
}

/// A broker received a worker's reports.
pub(super) fn receive(reports: Vec<ProcessReport>) {
    if collecting() {
        lock(received()).extend(reports);
    }
}

/// The reports received so far, leaving none behind.
pub(super) fn take_received() -> Vec<ProcessReport> {
    std::mem::take(&mut *lock(received()))
}

/// CLOCK_MONOTONIC in nanoseconds at `at`.
pub fn monotonic_ns(at: Instant) -> Option<u64> {
    use nix::time::{clock_gettime, ClockId};
    let now = Instant::now();
    let mono = clock_gettime(ClockId::CLOCK_MONOTONIC).ok()?;
    let mono_ns =
        u64::try_from(mono.tv_sec()).ok()? * 1_000_000_000 + u64::try_from(mono.tv_nsec()).ok()?;
    let ago = u64::try_from(now.saturating_duration_since(at).as_nanos()).ok()?;
    mono_ns.checked_sub(ago)
}

/// This process's report (call after the main thread has filed its own).
pub(super) fn own_report(name: &str, gil: &GilLock) -> ProcessReport {
    ProcessReport {
        pid: std::process::id(),
        name: name.to_string(),
        gil_start_ns: monotonic_ns(gil.start()),
        threads: gil.take_reports(),
    }
}

/// Every worker report received (from children and, forwarded, their children), in order of
/// start, placed on the clock of `gil` (the parent's lock). Call once at exit, after the
/// main script's children have been joined.
pub fn take_worker_reports(gil: &GilLock) -> Vec<WorkerReport> {
    let zero = monotonic_ns(gil.start());
    let mut out: Vec<WorkerReport> = take_received()
        .into_iter()
        .map(|r| WorkerReport {
            pid: r.pid,
            name: r.name,
            offset: match (zero, r.gil_start_ns) {
                (Some(zero), Some(start)) => Duration::from_nanos(start.saturating_sub(zero)),
                _ => Duration::ZERO,
            },
            threads: r.threads,
        })
        .collect();
    out.sort_by_key(|r| (r.offset, r.pid));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use gilvm_vm::runtime::gil::{GilEvent, ThreadState, ThreadStats, Transition};

    #[test]
    fn reports_cross_the_wire() {
        let report = ProcessReport {
            pid: 42,
            name: "SpawnPoolWorker-3".into(),
            gil_start_ns: Some(123_456_789),
            threads: vec![ThreadReport {
                id: 1,
                name: "MainThread".into(),
                stats: ThreadStats {
                    running: Duration::from_micros(1500),
                    acquisitions: 2,
                    voluntary_switches: 1,
                    instructions: 9000,
                    ..ThreadStats::default()
                },
                events: vec![GilEvent {
                    at: Duration::from_nanos(17),
                    state: ThreadState::Running,
                    reason: Transition::Acquired,
                    instructions: 0,
                }],
            }],
        };
        let msg = super::super::wire::ToParent::GilReports(vec![report]);
        let mut buf = Vec::new();
        super::super::wire::write_msg(&mut buf, &msg).unwrap();
        let back = super::super::wire::read_msg(&mut buf.as_slice()).unwrap();
        assert_eq!(back, Some(msg));
    }

    #[test]
    fn monotonic_readings_follow_instants() {
        let a = Instant::now();
        std::thread::sleep(Duration::from_millis(5));
        let b = Instant::now();
        let (ma, mb) = (monotonic_ns(a).unwrap(), monotonic_ns(b).unwrap());
        let between = (b - a).as_nanos() as i128;
        let measured = i128::from(mb) - i128::from(ma);
        // The two conversions each read both clocks once: microseconds of error at most.
        assert!(
            (measured - between).abs() < 1_000_000,
            "{measured} vs {between}"
        );
    }
}
