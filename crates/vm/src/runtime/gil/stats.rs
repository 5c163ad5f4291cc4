//! Per-thread GIL counters (always on: plain fields updated at state transitions, never per
//! instruction), the end-of-run [`ThreadReport`], and the `--gil-stats` table.

use std::fmt::Write;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::events::{GilEvent, ThreadState, Transition};

/// What one thread did with the lock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadStats {
    /// Time holding the lock (state Running).
    pub running: Duration,
    /// Time waiting for the lock (state Ready).
    pub waiting: Duration,
    /// Time in blocking calls with the lock released (state Blocked).
    pub blocked: Duration,
    /// Times it took the lock.
    pub acquisitions: u64,
    /// Forced switches because `switch_instructions` instructions had run.
    pub switches_by_instructions: u64,
    /// Forced switches because a waiter had waited `switch_interval`.
    pub switches_by_interval: u64,
    /// Forced switches because a thread back from a blocking call asked (io-priority).
    pub switches_by_io_priority: u64,
    /// Voluntary switches: the lock released around a blocking call.
    pub voluntary_switches: u64,
    /// Instructions run (counted per slice from the countdown, not per instruction).
    pub instructions: u64,
    /// Time the lock spent in transit to this thread: from the giver's hand-off until this
    /// thread ran (nobody runs Python code meanwhile: the cost of the hand-offs).
    #[serde(default)]
    pub handoff: Duration,
}

impl ThreadStats {
    /// All forced switches.
    pub fn forced_switches(&self) -> u64 {
        self.switches_by_instructions + self.switches_by_interval + self.switches_by_io_priority
    }

    /// Add `elapsed` to the time of `state` (New and Terminated are not timed).
    pub(super) fn add_time(&mut self, state: ThreadState, elapsed: Duration) {
        match state {
            ThreadState::Running => self.running += elapsed,
            ThreadState::Ready => self.waiting += elapsed,
            ThreadState::Blocked => self.blocked += elapsed,
            ThreadState::New | ThreadState::Terminated => {}
        }
    }

    /// Count the transition `reason`.
    pub(super) fn count(&mut self, reason: Transition) {
        match reason {
            Transition::Acquired => self.acquisitions += 1,
            Transition::SwitchInstructions => self.switches_by_instructions += 1,
            Transition::SwitchInterval => self.switches_by_interval += 1,
            Transition::SwitchIoPriority => self.switches_by_io_priority += 1,
            Transition::Block => self.voluntary_switches += 1,
            Transition::Created | Transition::Start | Transition::Unblock | Transition::Exit => {}
        }
    }

    /// Add another thread's figures (the `total` row).
    pub fn merge(&mut self, other: &ThreadStats) {
        self.running += other.running;
        self.waiting += other.waiting;
        self.blocked += other.blocked;
        self.acquisitions += other.acquisitions;
        self.switches_by_instructions += other.switches_by_instructions;
        self.switches_by_interval += other.switches_by_interval;
        self.switches_by_io_priority += other.switches_by_io_priority;
        self.voluntary_switches += other.voluntary_switches;
        self.instructions += other.instructions;
        self.handoff += other.handoff;
    }
}

/// A `multiprocessing` worker's reports for the CLI, placed on the parent's GIL clock (the
/// worker's crate, gilvm-stdlib, receives them; the lab draws them).
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerReport {
    pub pid: u32,
    pub name: String,
    /// When the worker's GIL clock started, after the parent's (zero if unknown).
    pub offset: Duration,
    pub threads: Vec<ThreadReport>,
}

/// Everything recorded about one thread, handed to the lock when the thread finishes (and, in a
/// multiprocessing worker, sent to the parent with serde + postcard).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadReport {
    /// The thread's GIL id (1, 2, ... in registration order).
    pub id: u64,
    pub name: String,
    pub stats: ThreadStats,
    /// Every transition, oldest first; empty unless tracing was on.
    pub events: Vec<GilEvent>,
}

/// The `--gil-stats` table: one row per thread (in the order given) and a total row.
pub fn format_gil_stats(reports: &[ThreadReport]) -> String {
    let name_width = reports
        .iter()
        .map(|r| r.name.chars().count())
        .chain(["thread".len(), "total".len()])
        .max()
        .unwrap_or(6);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<name_width$}  {:>11}  {:>11}  {:>11}  {:>8}  {:>8}  {:>19}  {:>9}",
        "thread",
        "running ms",
        "waiting ms",
        "blocked ms",
        "acquired",
        "forced",
        "count/interval/io",
        "voluntary"
    );
    let mut total = ThreadStats::default();
    for r in reports {
        row(&mut out, &r.name, &r.stats, name_width);
        total.merge(&r.stats);
    }
    if reports.len() > 1 {
        row(&mut out, "total", &total, name_width);
    }
    out
}

fn row(out: &mut String, name: &str, s: &ThreadStats, name_width: usize) {
    let breakdown = format!(
        "{}/{}/{}",
        s.switches_by_instructions, s.switches_by_interval, s.switches_by_io_priority
    );
    let _ = writeln!(
        out,
        "{:<name_width$}  {:>11.3}  {:>11.3}  {:>11.3}  {:>8}  {:>8}  {:>19}  {:>9}",
        name,
        ms(s.running),
        ms(s.waiting),
        ms(s.blocked),
        s.acquisitions,
        s.forced_switches(),
        breakdown,
        s.voluntary_switches
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(id: u64, name: &str, running_ms: u64, forced: (u64, u64, u64)) -> ThreadReport {
        ThreadReport {
            id,
            name: name.to_string(),
            stats: ThreadStats {
                running: Duration::from_millis(running_ms),
                waiting: Duration::from_micros(1500),
                blocked: Duration::ZERO,
                acquisitions: 3,
                switches_by_instructions: forced.0,
                switches_by_interval: forced.1,
                switches_by_io_priority: forced.2,
                voluntary_switches: 1,
                instructions: 1000,
                handoff: Duration::ZERO,
            },
            events: Vec::new(),
        }
    }

    #[test]
    fn table_has_a_row_per_thread_and_a_total() {
        let table = format_gil_stats(&[
            report(1, "MainThread", 12, (2, 0, 0)),
            report(2, "Thread-1 (worker)", 30, (5, 1, 2)),
        ]);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 4, "{table}");
        assert!(lines[0].starts_with("thread "));
        assert!(lines[0].contains("running ms") && lines[0].contains("voluntary"));
        assert!(lines[1].starts_with("MainThread "));
        assert!(
            lines[1].contains("12.000") && lines[1].contains("1.500") && lines[1].contains("2/0/0")
        );
        assert!(lines[2].starts_with("Thread-1 (worker)"));
        assert!(lines[2].contains("30.000") && lines[2].contains("5/1/2"));
        assert!(
            lines[2].split_whitespace().any(|w| w == "8"),
            "forced total: {}",
            lines[2]
        );
        assert!(lines[3].starts_with("total "));
        assert!(lines[3].contains("42.000") && lines[3].contains("7/1/2"));
        // Columns line up.
        let width = lines[0].len();
        assert!(lines.iter().all(|l| l.len() == width), "{table}");
    }

    #[test]
    fn single_thread_has_no_total_row() {
        let table = format_gil_stats(&[report(1, "MainThread", 1, (0, 0, 0))]);
        assert_eq!(table.lines().count(), 2);
    }

    #[test]
    fn counting_and_timing_by_transition() {
        let mut s = ThreadStats::default();
        for r in [
            Transition::Acquired,
            Transition::SwitchInstructions,
            Transition::SwitchInterval,
            Transition::SwitchIoPriority,
            Transition::Block,
            Transition::Start,
            Transition::Exit,
        ] {
            s.count(r);
        }
        assert_eq!(s.acquisitions, 1);
        assert_eq!(s.forced_switches(), 3);
        assert_eq!(s.voluntary_switches, 1);
        s.add_time(ThreadState::Running, Duration::from_millis(2));
        s.add_time(ThreadState::Ready, Duration::from_millis(3));
        s.add_time(ThreadState::Blocked, Duration::from_millis(4));
        s.add_time(ThreadState::New, Duration::from_millis(5));
        assert_eq!(
            (s.running, s.waiting, s.blocked),
            (
                Duration::from_millis(2),
                Duration::from_millis(3),
                Duration::from_millis(4)
            )
        );
    }
}
