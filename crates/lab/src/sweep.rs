//! `gilvm sweep`: the sweep workload (one thread computing, one sleeping 5 ms at a time and
//! timing how late it wakes) across switch intervals, instruction counts and policies: CPU
//! throughput against I/O wake latency, as a table, JSON or an SVG chart.
//!
//! # JSON schema `gilvm-sweep/1` (`gilvm sweep --json`)
//!
//! ```text
//! {
//!   "schema": "gilvm-sweep/1", "gilvm_version": "0.1.0", "sleeps": 40, "repeat": 1,
//!   "rows": [ {
//!     "runtime": "gilvm",                 // or the --python executable's name
//!     "policy": "fifo",                   // "cpython" for --python rows
//!     "switch_interval_ms": 5.0,
//!     "switch_instructions": 100,         // null for --python rows
//!     "cpu_ops": 1234000, "seconds": 0.45, // loop iterations of the CPU thread, run time
//!     "throughput_mops": 2.74,            // cpu_ops / seconds / 1e6
//!     "latency_median_ms": 0.08,          // how late the sleeper woke: median and p99
//!     "latency_p99_ms": 0.4,              //   (nearest rank) over its wake-ups
//!     "wall_s": 0.5, "cpu_s": 0.5,
//!     "forced_switches": 120,             // null when unknown
//!     "error": null
//!   } ]
//! }
//! ```

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::args::{GilKnobs, SweepArgs};
use crate::compare::median_run;
use crate::progress::Progress;
use crate::runner::{Runner, Runtime};
use crate::trace::TraceProcess;
use crate::workloads::sweep_driver;

pub const SWEEP_SCHEMA: &str = "gilvm-sweep/1";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepRow {
    pub runtime: String,
    pub policy: String,
    pub switch_interval_ms: f64,
    pub switch_instructions: Option<u32>,
    pub cpu_ops: Option<u64>,
    pub seconds: Option<f64>,
    pub throughput_mops: Option<f64>,
    pub latency_median_ms: Option<f64>,
    pub latency_p99_ms: Option<f64>,
    pub wall_s: Option<f64>,
    pub cpu_s: Option<f64>,
    pub forced_switches: Option<u64>,
    pub error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepReport {
    pub schema: String,
    pub gilvm_version: String,
    pub sleeps: u32,
    pub repeat: u32,
    pub rows: Vec<SweepRow>,
}

/// What the workload prints.
#[derive(Deserialize)]
struct WorkloadOutput {
    cpu_ops: u64,
    seconds: f64,
    latencies_ms: Vec<f64>,
}

/// The nearest-rank percentile `p` (0-100) of `values`.
pub fn percentile(values: &[f64], p: f64) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

impl SweepRow {
    fn empty(runtime: &str, policy: &str, interval: f64, instructions: Option<u32>) -> SweepRow {
        SweepRow {
            runtime: runtime.to_string(),
            policy: policy.to_string(),
            switch_interval_ms: interval,
            switch_instructions: instructions,
            cpu_ops: None,
            seconds: None,
            throughput_mops: None,
            latency_median_ms: None,
            latency_p99_ms: None,
            wall_s: None,
            cpu_s: None,
            forced_switches: None,
            error: None,
        }
    }

    /// The short label of the configuration: "fifo 5ms/100", "cpython 5ms".
    pub fn label(&self) -> String {
        let interval = format!("{}ms", self.switch_interval_ms);
        match self.switch_instructions {
            Some(n) => format!("{} {interval}/{n}", self.policy),
            None => format!("{} {interval}", self.policy),
        }
    }

    /// Fill the figures from the workload's stdout.
    fn read_output(&mut self, stdout: &str) -> Result<(), String> {
        let line = stdout
            .lines()
            .rev()
            .find(|l| l.trim_start().starts_with('{'))
            .unwrap_or("");
        let out: WorkloadOutput = serde_json::from_str(line)
            .map_err(|e| format!("the sweep workload printed no result ({e})"))?;
        self.cpu_ops = Some(out.cpu_ops);
        self.seconds = Some(out.seconds);
        if out.seconds > 0.0 {
            self.throughput_mops = Some(out.cpu_ops as f64 / out.seconds / 1e6);
        }
        self.latency_median_ms = percentile(&out.latencies_ms, 50.0);
        self.latency_p99_ms = percentile(&out.latencies_ms, 99.0);
        Ok(())
    }

    #[cfg(test)]
    pub(crate) fn sample(
        policy: &str,
        interval: f64,
        n: u32,
        mops: f64,
        med: f64,
        p99: f64,
    ) -> SweepRow {
        SweepRow {
            throughput_mops: Some(mops),
            latency_median_ms: Some(med),
            latency_p99_ms: Some(p99),
            ..SweepRow::empty("gilvm", policy, interval, Some(n))
        }
    }
}

/// The outcome of a sweep: the report and the trace of its gilvm runs.
pub struct SweepOutcome {
    pub report: SweepReport,
    pub trace: Vec<TraceProcess>,
}

pub fn run_sweep(args: &SweepArgs, runner: &mut Runner) -> Result<SweepOutcome, String> {
    if args.switch_interval.is_empty()
        || args.switch_instructions.is_empty()
        || args.gil_policy.is_empty()
    {
        return Err("sweep needs at least one interval, instruction count and policy".to_string());
    }
    if args.size == 0 || args.size > 100_000 {
        return Err("--size takes a count of wake-ups from 1 to 100000".to_string());
    }
    if args.repeat == 0 || args.repeat > 100 {
        return Err("--repeat takes a count from 1 to 100".to_string());
    }
    let mut configs: Vec<(Runtime, GilKnobs)> = Vec::new();
    for policy in &args.gil_policy {
        for &interval in &args.switch_interval {
            for &instructions in &args.switch_instructions {
                let knobs = GilKnobs {
                    switch_instructions: Some(instructions),
                    switch_interval: Some(interval),
                    gil_policy: Some(policy.trim().to_string()),
                };
                knobs.validate()?;
                configs.push((Runtime::Gilvm, knobs));
            }
        }
    }
    if let Some(python) = &args.python {
        for &interval in &args.switch_interval {
            let knobs = GilKnobs {
                switch_interval: Some(interval),
                ..GilKnobs::default()
            };
            knobs.validate()?;
            configs.push((Runtime::Python(python.clone()), knobs));
        }
    }
    let progress = Progress::new(configs.len() as u64 * u64::from(args.repeat));
    let mut rows = Vec::new();
    let mut trace = Vec::new();
    for (runtime, knobs) in &configs {
        let interval = knobs.switch_interval.unwrap_or(0.0);
        let mut row = match runtime {
            Runtime::Gilvm => SweepRow::empty(
                "gilvm",
                knobs.gil_policy.as_deref().unwrap_or("fifo"),
                interval,
                knobs.switch_instructions,
            ),
            Runtime::Python(_) => SweepRow::empty(&runtime.label(), "cpython", interval, None),
        };
        // gilvm gets the knobs on its command line; CPython only has sys.setswitchinterval.
        let script = match runtime {
            Runtime::Gilvm => sweep_driver(args.size, None),
            Runtime::Python(_) => sweep_driver(args.size, knobs.switch_interval),
        };
        let mut runs = Vec::new();
        for _ in 0..args.repeat {
            progress.start(&row.label());
            let result = runner.run(runtime, &script, knobs);
            progress.done();
            match result {
                Ok(run) if run.measurement.ok() => runs.push(run),
                Ok(run) => {
                    row.error = Some(run.measurement.failure());
                    break;
                }
                Err(e) => {
                    row.error = Some(e);
                    break;
                }
            }
        }
        if row.error.is_none() {
            if let Some(median) = median_run(&runs) {
                row.wall_s = Some(median.measurement.wall.as_secs_f64());
                row.cpu_s = Some(median.measurement.cpu.as_secs_f64());
                if let Err(e) = row.read_output(&median.measurement.stdout) {
                    row.error = Some(e);
                }
                if let Some(stats) = &median.stats {
                    row.forced_switches = Some(stats.summary().forced_switches);
                    if runner.events {
                        trace.extend(stats.to_trace_processes(
                            &format!("gilvm sweep {}", row.label()),
                            trace.len() as u32 + 1,
                            median.measurement.started,
                        )?);
                    }
                }
            }
        }
        rows.push(row);
    }
    progress.finish();
    Ok(SweepOutcome {
        report: SweepReport {
            schema: SWEEP_SCHEMA.to_string(),
            gilvm_version: env!("CARGO_PKG_VERSION").to_string(),
            sleeps: args.size,
            repeat: args.repeat,
            rows,
        },
        trace,
    })
}

/// The sweep table.
pub fn sweep_table(rows: &[SweepRow]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<8}  {:<12}  {:>11}  {:>12}  {:>10}  {:>14}  {:>11}  {:>8}",
        "runtime",
        "policy",
        "interval ms",
        "instructions",
        "CPU Mops/s",
        "wake median ms",
        "wake p99 ms",
        "forced"
    );
    let f = |v: Option<f64>, p: usize| v.map_or_else(|| "-".to_string(), |v| format!("{v:.p$}"));
    for r in rows {
        let head = format!(
            "{:<8}  {:<12}  {:>11}  {:>12}",
            r.runtime,
            r.policy,
            r.switch_interval_ms,
            r.switch_instructions
                .map_or_else(|| "-".to_string(), |n| n.to_string())
        );
        if let Some(e) = &r.error {
            let _ = writeln!(out, "{head}  failed: {e}");
            continue;
        }
        let _ = writeln!(
            out,
            "{head}  {:>10}  {:>14}  {:>11}  {:>8}",
            f(r.throughput_mops, 2),
            f(r.latency_median_ms, 3),
            f(r.latency_p99_ms, 3),
            r.forced_switches
                .map_or_else(|| "-".to_string(), |n| n.to_string())
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 50.0), Some(50.0));
        assert_eq!(percentile(&v, 99.0), Some(99.0));
        assert_eq!(percentile(&[3.0], 99.0), Some(3.0));
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn output_parsing_and_table() {
        let mut row = SweepRow::empty("gilvm", "fifo", 5.0, Some(100));
        row.read_output(
            "noise\n{\"cpu_ops\": 2000000, \"seconds\": 0.5, \"latencies_ms\": [0.1, 0.3, 0.2]}\n",
        )
        .unwrap();
        assert_eq!(row.throughput_mops, Some(4.0));
        assert_eq!(
            (row.latency_median_ms, row.latency_p99_ms),
            (Some(0.2), Some(0.3))
        );
        assert!(SweepRow::empty("gilvm", "fifo", 1.0, None)
            .read_output("oops")
            .is_err());
        let table = sweep_table(&[
            row,
            SweepRow {
                error: Some("boom".into()),
                ..SweepRow::empty("python3", "cpython", 5.0, None)
            },
        ]);
        assert!(
            table.contains("4.00") && table.contains("0.200") && table.contains("failed: boom"),
            "{table}"
        );
    }
}
