//! The Chrome Trace Event format (`--trace FILE`), which Perfetto (ui.perfetto.dev) and
//! chrome://tracing open: one process track per interpreter process (`pid`), one thread track
//! per interpreter thread (`tid` = its GIL id), a complete event (`"ph": "X"`) per span of
//! running / waiting for the GIL / blocked, with the transitions that began and ended it as
//! arguments (`switch` names a forced switch), and `process_name` / `thread_name` metadata.
//! Timestamps are microseconds from the start of the lab run (or of the script, for `run`),
//! rounded to whole nanoseconds.
//!
//! A default trace stays under about 20 MB: past [`MAX_SPANS`] spans in all, each thread's
//! spans are merged in runs of consecutive ones (the merged event is named after the state
//! that took most of its time and carries each state's time and the count it stands for), so
//! the events still tile each thread's life.

use std::time::Duration;

use gilvm_vm::runtime::gil::ThreadReport;
use serde_json::{json, Value};

use crate::spans::{last_event, thread_spans, SpanKind};

/// One interpreter process's threads, placed on the lab's time line.
#[derive(Clone, Debug)]
pub struct TraceProcess {
    /// The track's process id (need not be the OS pid; unique in one trace).
    pub pid: u32,
    /// The lab run the process belongs to (its main process's `pid`): the timeline draws
    /// one panel per run.
    pub run: u32,
    /// Shown as the process name, e.g. "gilvm cpu threads x4".
    pub name: String,
    /// When the process's interpreter started, relative to the trace's zero.
    pub offset: Duration,
    pub threads: Vec<ThreadReport>,
}

impl TraceProcess {
    /// The end of the process's last event, relative to the trace's zero.
    pub fn end(&self) -> Duration {
        self.offset
            + self
                .threads
                .iter()
                .map(|t| last_event(&t.events))
                .max()
                .unwrap_or_default()
    }
}

fn micros(d: Duration) -> f64 {
    // Whole nanoseconds: 3 decimals of a microsecond.
    (d.as_nanos() as f64).round() / 1000.0
}

/// Spans in a whole trace before they are merged (about 200 bytes each).
pub const MAX_SPANS: usize = 80_000;

/// The trace as a JSON value (`{"traceEvents": [...], ...}`).
pub fn chrome_trace(processes: &[TraceProcess]) -> Value {
    chrome_trace_capped(processes, MAX_SPANS)
}

/// The trace with at most about `max_spans` span events (see the module docs).
pub fn chrome_trace_capped(processes: &[TraceProcess], max_spans: usize) -> Value {
    let threads: usize = processes.iter().map(|p| p.threads.len()).sum();
    let budget = (max_spans / threads.max(1)).max(1);
    let mut events = Vec::new();
    for (index, process) in processes.iter().enumerate() {
        events.push(json!({
            "name": "process_name", "ph": "M", "pid": process.pid, "tid": 0,
            "args": { "name": process.name },
        }));
        events.push(json!({
            "name": "process_sort_index", "ph": "M", "pid": process.pid, "tid": 0,
            "args": { "sort_index": index },
        }));
        let end_of_run = processes_end(std::slice::from_ref(process)) - process.offset;
        for thread in &process.threads {
            events.push(json!({
                "name": "thread_name", "ph": "M", "pid": process.pid, "tid": thread.id,
                "args": { "name": thread.name },
            }));
            events.push(json!({
                "name": "thread_sort_index", "ph": "M", "pid": process.pid, "tid": thread.id,
                "args": { "sort_index": thread.id },
            }));
            let spans = thread_spans(&thread.events, end_of_run);
            let per = spans.len().div_ceil(budget).max(1);
            for group in spans.chunks(per) {
                let (first, last) = (&group[0], &group[group.len() - 1]);
                let start = process.offset + first.start;
                let dur = last.end.saturating_sub(first.start);
                let (name, args) = if let [span] = group {
                    let mut args = json!({
                        "entered_by": span.entered_by.name(),
                        "left_by": span.left_by.map(|t| t.name()),
                    });
                    if span.kind == SpanKind::Running {
                        args["instructions"] = json!(span.instructions);
                        if let Some(left) = span.left_by.filter(|t| t.is_forced_switch()) {
                            args["switch"] = json!(left.name());
                        }
                    }
                    (span.kind.label().to_string(), args)
                } else {
                    let mut time = [Duration::ZERO; 3];
                    let kinds = [SpanKind::Running, SpanKind::Waiting, SpanKind::Blocked];
                    for span in group {
                        if let Some(k) = kinds.iter().position(|k| *k == span.kind) {
                            time[k] += span.end.saturating_sub(span.start);
                        }
                    }
                    let most = (0..3).max_by_key(|&k| time[k]).unwrap_or(0);
                    let args = json!({
                        "merged_spans": group.len(),
                        "running_us": micros(time[0]),
                        "waiting_us": micros(time[1]),
                        "blocked_us": micros(time[2]),
                    });
                    (format!("{} (merged)", kinds[most].label()), args)
                };
                events.push(json!({
                    "name": name,
                    "cat": "gil",
                    "ph": "X",
                    "pid": process.pid,
                    "tid": thread.id,
                    "ts": micros(start),
                    "dur": micros(dur),
                    "args": args,
                }));
            }
        }
    }
    json!({ "traceEvents": events, "displayTimeUnit": "ms" })
}

/// The latest end among the processes.
pub fn processes_end(processes: &[TraceProcess]) -> Duration {
    processes
        .iter()
        .map(TraceProcess::end)
        .max()
        .unwrap_or_default()
}

/// Write the trace to `path`.
pub fn write_chrome_trace(
    path: &std::path::Path,
    processes: &[TraceProcess],
) -> Result<(), String> {
    let text = serde_json::to_string(&chrome_trace(processes)).map_err(|e| e.to_string())?;
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::two_threads;
    use std::collections::BTreeMap;

    fn sample() -> Vec<TraceProcess> {
        vec![
            TraceProcess {
                pid: 1,
                run: 1,
                name: "first".into(),
                offset: Duration::ZERO,
                threads: two_threads(),
            },
            TraceProcess {
                pid: 2,
                run: 2,
                name: "second".into(),
                offset: Duration::from_millis(100),
                threads: two_threads(),
            },
        ]
    }

    #[test]
    fn trace_parses_and_spans_tile_each_thread() {
        let text = serde_json::to_string(&chrome_trace(&sample())).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        let events = value["traceEvents"].as_array().unwrap();
        let mut per_thread: BTreeMap<(u64, u64), Vec<(f64, f64)>> = BTreeMap::new();
        let mut names = Vec::new();
        for e in events {
            let key = (e["pid"].as_u64().unwrap(), e["tid"].as_u64().unwrap());
            match e["ph"].as_str().unwrap() {
                "X" => {
                    assert!(["running", "waiting for GIL", "blocked"]
                        .contains(&e["name"].as_str().unwrap()));
                    per_thread
                        .entry(key)
                        .or_default()
                        .push((e["ts"].as_f64().unwrap(), e["dur"].as_f64().unwrap()));
                }
                "M" => {
                    if e["name"] == "thread_name" {
                        names.push((key, e["args"]["name"].as_str().unwrap().to_string()));
                    }
                }
                other => panic!("unexpected phase {other}"),
            }
        }
        assert_eq!(per_thread.len(), 4);
        assert_eq!(names.len(), 4);
        for ((pid, tid), mut spans) in per_thread {
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            for pair in spans.windows(2) {
                let end = pair[0].0 + pair[0].1;
                assert!(
                    (end - pair[1].0).abs() < 1e-6,
                    "gap or overlap in {pid}/{tid}: {spans:?}"
                );
            }
            let offset = if pid == 2 { 100_000.0 } else { 0.0 };
            let (first, last) = (spans[0], *spans.last().unwrap());
            let (start, end) = if tid == 1 {
                (0.0, 40_000.0)
            } else {
                (2_000.0, 30_000.0)
            };
            assert!((first.0 - offset - start).abs() < 1e-6);
            assert!((last.0 + last.1 - offset - end).abs() < 1e-6);
        }
    }

    #[test]
    fn a_capped_trace_merges_spans_and_still_tiles_each_thread() {
        let full = chrome_trace(&sample()[..1]);
        let spans = |v: &Value| -> Vec<Value> {
            v["traceEvents"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["ph"] == "X")
                .cloned()
                .collect()
        };
        let (all, capped) = (spans(&full), spans(&chrome_trace_capped(&sample()[..1], 2)));
        assert!(all.len() > 2, "{all:?}");
        assert_eq!(capped.len(), 2, "one event per thread: {capped:?}");
        for tid in [1, 2] {
            let of = |v: &[Value]| -> (f64, f64, usize) {
                let mine: Vec<&Value> = v.iter().filter(|e| e["tid"] == tid).collect();
                let start = mine
                    .iter()
                    .map(|e| e["ts"].as_f64().unwrap())
                    .fold(f64::MAX, f64::min);
                let end = mine
                    .iter()
                    .map(|e| e["ts"].as_f64().unwrap() + e["dur"].as_f64().unwrap())
                    .fold(0.0, f64::max);
                (start, end, mine.len())
            };
            let (a, b) = (of(&all), of(&capped));
            assert!(
                (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6,
                "{a:?} {b:?}"
            );
            let merged = capped.iter().find(|e| e["tid"] == tid).unwrap();
            if a.2 > 1 {
                assert!(
                    merged["name"].as_str().unwrap().ends_with("(merged)"),
                    "{merged}"
                );
                assert_eq!(merged["args"]["merged_spans"].as_u64(), Some(a.2 as u64));
            }
        }
    }

    #[test]
    fn forced_switches_are_arguments() {
        let value = chrome_trace(&sample()[..1]);
        let switches: Vec<&str> = value["traceEvents"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["args"]["switch"].as_str())
            .collect();
        assert_eq!(switches, ["switch-instructions", "switch-interval"]);
    }
}
