//! The GIL statistics a child run hands to the lab: `gilvm run --stats-json FILE` writes the
//! interpreter's per-thread [`ThreadReport`]s at exit as a [`StatsFile`] (schema
//! `gilvm-gil-stats/1`, below), and `compare` / `sweep` read it back for the GIL columns, the
//! trace and the timeline.
//!
//! ```json
//! {
//!   "schema": "gilvm-gil-stats/1",
//!   "pid": 4242,
//!   "threads": [
//!     { "id": 1, "name": "MainThread",
//!       "running_ns": 1200000, "waiting_ns": 30000, "blocked_ns": 0,
//!       "acquisitions": 3, "switches_by_instructions": 2, "switches_by_interval": 0,
//!       "switches_by_io_priority": 0, "voluntary_switches": 1, "instructions": 52000,
//!       "events": [ { "at_ns": 0, "state": "new", "reason": "created", "instructions": 0 } ] }
//!   ],
//!   "processes": [
//!     { "pid": 4243, "name": "Process-1", "offset_ns": 31000000, "threads": [ ... ] }
//!   ]
//! }
//! ```
//!
//! `events` is empty unless the run recorded events (`--stats-events`, implied by `--trace`).
//! States and reasons use the names of [`ThreadState::name`] and [`Transition::name`].
//! `processes` (absent in files of older builds: read as empty) holds the `multiprocessing`
//! workers that reported at their end (see docs/multiprocessing.md), in order of start, each
//! with the start of its interpreter relative to the main one's (`offset_ns`) and its threads
//! in the same form; event times count from the worker's own start.

use std::path::Path;
use std::time::Duration;

use gilvm_vm::runtime::gil::{
    GilEvent, ThreadReport, ThreadState, ThreadStats, Transition, WorkerReport,
};
use serde::{Deserialize, Serialize};

use crate::trace::TraceProcess;

/// The schema tag of a stats file.
pub const STATS_SCHEMA: &str = "gilvm-gil-stats/1";

const STATES: [ThreadState; 5] = [
    ThreadState::New,
    ThreadState::Ready,
    ThreadState::Running,
    ThreadState::Blocked,
    ThreadState::Terminated,
];

const TRANSITIONS: [Transition; 9] = [
    Transition::Created,
    Transition::Start,
    Transition::Acquired,
    Transition::SwitchInstructions,
    Transition::SwitchInterval,
    Transition::SwitchIoPriority,
    Transition::Block,
    Transition::Unblock,
    Transition::Exit,
];

/// A thread state from its name ([`ThreadState::name`]).
pub fn parse_state(name: &str) -> Option<ThreadState> {
    STATES.into_iter().find(|s| s.name() == name)
}

/// A transition from its name ([`Transition::name`]).
pub fn parse_transition(name: &str) -> Option<Transition> {
    TRANSITIONS.into_iter().find(|t| t.name() == name)
}

/// What one interpreter process wrote about its threads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatsFile {
    pub schema: String,
    pub pid: u32,
    pub threads: Vec<ThreadRecord>,
    /// The multiprocessing workers' reports.
    #[serde(default)]
    pub processes: Vec<ProcessRecord>,
}

/// One worker process: its pid, name, start after the main interpreter's, and threads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcessRecord {
    pub pid: u32,
    pub name: String,
    pub offset_ns: u64,
    pub threads: Vec<ThreadRecord>,
}

/// One thread's counters and (when recorded) its transitions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadRecord {
    pub id: u64,
    pub name: String,
    pub running_ns: u64,
    pub waiting_ns: u64,
    pub blocked_ns: u64,
    pub acquisitions: u64,
    pub switches_by_instructions: u64,
    pub switches_by_interval: u64,
    pub switches_by_io_priority: u64,
    pub voluntary_switches: u64,
    pub instructions: u64,
    /// Time the lock spent in transit to this thread (hand-offs; absent in older files).
    #[serde(default)]
    pub handoff_ns: u64,
    #[serde(default)]
    pub events: Vec<EventRecord>,
}

/// One transition: when (nanoseconds since the interpreter started), the state entered, why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub at_ns: u64,
    pub state: String,
    pub reason: String,
    pub instructions: u64,
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

impl StatsFile {
    /// The stats file of this process from its threads' reports.
    pub fn from_reports(reports: &[ThreadReport]) -> StatsFile {
        StatsFile::from_run(reports, &[])
    }

    /// The stats file of this process and of the workers that reported to it.
    pub fn from_run(reports: &[ThreadReport], workers: &[WorkerReport]) -> StatsFile {
        StatsFile {
            schema: STATS_SCHEMA.to_string(),
            pid: std::process::id(),
            threads: reports.iter().map(ThreadRecord::from_report).collect(),
            processes: workers
                .iter()
                .map(|w| ProcessRecord {
                    pid: w.pid,
                    name: w.name.clone(),
                    offset_ns: nanos(w.offset),
                    threads: w.threads.iter().map(ThreadRecord::from_report).collect(),
                })
                .collect(),
        }
    }

    /// Parse a stats file's text.
    pub fn parse(text: &str) -> Result<StatsFile, String> {
        let file: StatsFile =
            serde_json::from_str(text).map_err(|e| format!("bad GIL stats JSON: {e}"))?;
        if file.schema != STATS_SCHEMA {
            return Err(format!(
                "GIL stats schema is '{}', expected '{STATS_SCHEMA}'",
                file.schema
            ));
        }
        Ok(file)
    }

    /// Read and parse a stats file.
    pub fn read(path: &Path) -> Result<StatsFile, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        StatsFile::parse(&text)
    }

    /// Write the file as JSON.
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let text = serde_json::to_string(self).map_err(|e| e.to_string())?;
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    /// Back to the VM's reports (for the trace and timeline converters).
    pub fn to_reports(&self) -> Result<Vec<ThreadReport>, String> {
        self.threads.iter().map(ThreadRecord::to_report).collect()
    }

    /// The main process and its workers as trace processes placed at `offset` on the lab's
    /// time line: the main one named `label` with track id `first_pid`, the workers `label` +
    /// their name with the ids after it.
    pub fn to_trace_processes(
        &self,
        label: &str,
        first_pid: u32,
        offset: Duration,
    ) -> Result<Vec<TraceProcess>, String> {
        let mut out = vec![TraceProcess {
            pid: first_pid,
            run: first_pid,
            name: label.to_string(),
            offset,
            threads: self.to_reports()?,
        }];
        for (i, p) in self.processes.iter().enumerate() {
            out.push(TraceProcess {
                pid: first_pid + 1 + i as u32,
                run: first_pid,
                name: format!("{label}: {} (pid {})", p.name, p.pid),
                offset: offset + Duration::from_nanos(p.offset_ns),
                threads: p
                    .threads
                    .iter()
                    .map(ThreadRecord::to_report)
                    .collect::<Result<_, _>>()?,
            });
        }
        Ok(out)
    }

    /// The figures `compare` shows, over the threads of every process (the main one and its
    /// workers): switches and hand-off time are summed over all of them; the wait share is
    /// the GIL waiting time over the lifetime (running + waiting + blocked) of the threads
    /// that do the work: every thread but the main process's main thread when there are
    /// others (that one only starts the workers and blocks in `join()`), else the main thread.
    pub fn summary(&self) -> GilSummary {
        let mut s = GilSummary::default();
        let (mut waiting, mut alive) = (0u128, 0u128);
        let threads = self
            .threads
            .iter()
            .chain(self.processes.iter().flat_map(|p| &p.threads));
        s.threads = threads.clone().count();
        let main = self.threads.first().map(|t| t.id);
        for (i, t) in threads.enumerate() {
            let worker = s.threads == 1 || !(i == 0 && main == Some(t.id));
            if worker {
                waiting += u128::from(t.waiting_ns);
                alive +=
                    u128::from(t.running_ns) + u128::from(t.waiting_ns) + u128::from(t.blocked_ns);
            }
            s.forced_switches +=
                t.switches_by_instructions + t.switches_by_interval + t.switches_by_io_priority;
            s.voluntary_switches += t.voluntary_switches;
            s.handoff += Duration::from_nanos(t.handoff_ns);
        }
        s.wait_share = if alive == 0 {
            0.0
        } else {
            waiting as f64 / alive as f64
        };
        s.processes = 1 + self.processes.len();
        s
    }
}

/// A run's GIL figures: the share of thread time spent waiting for the lock and the switches.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GilSummary {
    /// Waiting time / (running + waiting + blocked time), over all threads of all processes.
    pub wait_share: f64,
    /// Switches forced by the instruction count, the interval or io-priority.
    pub forced_switches: u64,
    /// Releases around blocking calls.
    pub voluntary_switches: u64,
    /// Threads, over all processes.
    pub threads: usize,
    /// Time the lock spent in transit between threads, summed over all processes.
    pub handoff: Duration,
    /// Interpreter processes: the main one and the workers that reported.
    pub processes: usize,
}

impl ThreadRecord {
    pub fn from_report(r: &ThreadReport) -> ThreadRecord {
        let s = &r.stats;
        ThreadRecord {
            id: r.id,
            name: r.name.clone(),
            running_ns: nanos(s.running),
            waiting_ns: nanos(s.waiting),
            blocked_ns: nanos(s.blocked),
            acquisitions: s.acquisitions,
            switches_by_instructions: s.switches_by_instructions,
            switches_by_interval: s.switches_by_interval,
            switches_by_io_priority: s.switches_by_io_priority,
            voluntary_switches: s.voluntary_switches,
            instructions: s.instructions,
            handoff_ns: nanos(s.handoff),
            events: r
                .events
                .iter()
                .map(|e| EventRecord {
                    at_ns: nanos(e.at),
                    state: e.state.name().to_string(),
                    reason: e.reason.name().to_string(),
                    instructions: e.instructions,
                })
                .collect(),
        }
    }

    pub fn to_report(&self) -> Result<ThreadReport, String> {
        let events = self
            .events
            .iter()
            .map(|e| {
                Ok(GilEvent {
                    at: Duration::from_nanos(e.at_ns),
                    state: parse_state(&e.state)
                        .ok_or_else(|| format!("unknown thread state '{}'", e.state))?,
                    reason: parse_transition(&e.reason)
                        .ok_or_else(|| format!("unknown transition '{}'", e.reason))?,
                    instructions: e.instructions,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(ThreadReport {
            id: self.id,
            name: self.name.clone(),
            stats: ThreadStats {
                running: Duration::from_nanos(self.running_ns),
                waiting: Duration::from_nanos(self.waiting_ns),
                blocked: Duration::from_nanos(self.blocked_ns),
                acquisitions: self.acquisitions,
                switches_by_instructions: self.switches_by_instructions,
                switches_by_interval: self.switches_by_interval,
                switches_by_io_priority: self.switches_by_io_priority,
                voluntary_switches: self.voluntary_switches,
                instructions: self.instructions,
                handoff: Duration::from_nanos(self.handoff_ns),
            },
            events,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::two_threads;

    #[test]
    fn names_round_trip() {
        for s in STATES {
            assert_eq!(parse_state(s.name()), Some(s));
        }
        for t in TRANSITIONS {
            assert_eq!(parse_transition(t.name()), Some(t));
        }
        assert_eq!(parse_state("sleeping"), None);
    }

    #[test]
    fn reports_round_trip_through_json() {
        let reports = two_threads();
        let file = StatsFile::from_reports(&reports);
        let text = serde_json::to_string(&file).unwrap();
        let back = StatsFile::parse(&text).unwrap();
        assert_eq!(back, file);
        let again = back.to_reports().unwrap();
        assert_eq!(again.len(), reports.len());
        for (a, b) in again.iter().zip(&reports) {
            assert_eq!(
                (a.id, &a.name, a.stats, &a.events),
                (b.id, &b.name, b.stats, &b.events)
            );
        }
    }

    #[test]
    fn summary_shares_and_switches() {
        let file = StatsFile::from_reports(&two_threads());
        let s = file.summary();
        let (mut wait, mut alive) = (0.0, 0.0);
        // The main thread (only starting and joining the others) is not the workload.
        for r in two_threads().into_iter().skip(1) {
            wait += r.stats.waiting.as_secs_f64();
            alive += (r.stats.running + r.stats.waiting + r.stats.blocked).as_secs_f64();
        }
        assert!((s.wait_share - wait / alive).abs() < 1e-9);
        assert!(s.wait_share > 0.0 && s.wait_share < 1.0);
        assert_eq!(s.threads, 2);
        assert_eq!(s.forced_switches, 2);
        assert_eq!(s.voluntary_switches, 1);
    }

    fn two_workers() -> Vec<WorkerReport> {
        (0..2)
            .map(|i| WorkerReport {
                pid: 100 + i,
                name: format!("Process-{}", i + 1),
                offset: Duration::from_millis(5 + u64::from(i)),
                threads: two_threads(),
            })
            .collect()
    }

    #[test]
    fn workers_count_in_the_summary_and_become_trace_processes() {
        let main = two_threads();
        let file = StatsFile::from_run(&main, &two_workers());
        let back = StatsFile::parse(&serde_json::to_string(&file).unwrap()).unwrap();
        assert_eq!(back, file);
        let alone = StatsFile::from_reports(&main).summary();
        let s = back.summary();
        // Three interpreters with the same threads: three times the switches; the share over
        // every thread but the parent's main thread.
        let (mut wait, mut alive) = (0.0, 0.0);
        let threads = main.iter().skip(1).chain(main.iter()).chain(main.iter());
        for r in threads {
            wait += r.stats.waiting.as_secs_f64();
            alive += (r.stats.running + r.stats.waiting + r.stats.blocked).as_secs_f64();
        }
        assert!((s.wait_share - wait / alive).abs() < 1e-9);
        assert_eq!((s.threads, s.processes), (6, 3));
        assert_eq!(s.forced_switches, 3 * alone.forced_switches);
        assert_eq!(s.voluntary_switches, 3 * alone.voluntary_switches);
        let procs = back
            .to_trace_processes("cpu processes x2", 7, Duration::from_secs(1))
            .unwrap();
        let placed: Vec<(u32, &str, Duration)> = procs
            .iter()
            .map(|p| (p.pid, p.name.as_str(), p.offset))
            .collect();
        assert_eq!(
            placed,
            [
                (7, "cpu processes x2", Duration::from_secs(1)),
                (
                    8,
                    "cpu processes x2: Process-1 (pid 100)",
                    Duration::from_millis(1005)
                ),
                (
                    9,
                    "cpu processes x2: Process-2 (pid 101)",
                    Duration::from_millis(1006)
                ),
            ]
        );
        assert_eq!(procs[2].threads, main);
    }

    #[test]
    fn files_without_processes_still_parse() {
        let file =
            StatsFile::parse(r#"{"schema":"gilvm-gil-stats/1","pid":1,"threads":[]}"#).unwrap();
        assert!(file.processes.is_empty());
        assert_eq!(file.summary().processes, 1);
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(StatsFile::parse("{").is_err());
        assert!(StatsFile::parse(r#"{"schema":"other","pid":1,"threads":[]}"#).is_err());
        let mut file = StatsFile::from_reports(&two_threads());
        file.threads[0].events[0].state = "dancing".into();
        assert!(file.to_reports().unwrap_err().contains("dancing"));
    }
}
