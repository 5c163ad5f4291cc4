//! `gilvm sweep`: the sweep workload (one thread computing, one sleeping 5 ms at a time and
//! timing how late it wakes) across switch intervals, instruction counts and policies: CPU
//! throughput against I/O wake latency, as a table, JSON or an SVG chart.
//!
//! The repeats are rounds (every configuration once per round, in a shuffled order); a row's
//! wake-ups are pooled over its repeats, its throughput is the median repeat's with the
//! spread. The first row is the sleeper alone (no CPU thread): the OS's own wake-up latency,
//! the floor under every other row.
//!
//! # JSON schema `gilvm-sweep/2` (`gilvm sweep --json`)
//!
//! ```text
//! {
//!   "schema": "gilvm-sweep/2", "gilvm_version": "0.1.0", "sleeps": 40, "repeat": 3,
//!   "rows": [ {
//!     "runtime": "gilvm",                 // or the --python executable's name
//!     "policy": "fifo",                   // "cpython" for --python rows, "sleeper alone"
//!                                         // for the baseline
//!     "switch_interval_ms": 5.0,          // null for the baseline
//!     "switch_instructions": 100,         // null for --python rows and the baseline
//!     "cpu_ops": 1234000, "seconds": 0.45, // the median repeat: CPU loop iterations, run time
//!     "throughput_mops": 2.74,            // cpu_ops / seconds / 1e6 (null for the baseline)
//!     "throughput_spread": 0.05,          // (max - min) / median over the repeats
//!     "samples": 120,                     // wake-ups pooled over the repeats
//!     "latency_median_ms": 0.08,          // how late the sleeper woke (nearest rank)
//!     "latency_p99_ms": 0.4,              // null when fewer than 100 samples
//!     "latency_max_ms": 0.5,
//!     "wall_s": 0.5, "cpu_s": 0.5,        // the median repeat's process
//!     "forced_switches": 120,             // null when unknown
//!     "error": null
//!   } ],
//!   "summary": ["sentence", ...]          // the knee, from the numbers
//! }
//! ```

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::args::{GilKnobs, SweepArgs};
use crate::progress::Progress;
use crate::runner::{Runner, Runtime};
use crate::trace::TraceProcess;
use crate::workloads::sweep_driver;

pub const SWEEP_SCHEMA: &str = "gilvm-sweep/2";

/// Below this many samples a "p99" would be the maximum: it is left out.
pub const P99_SAMPLES: usize = 100;
/// The policy column of the baseline row.
pub const ALONE: &str = "sleeper alone";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepRow {
    pub runtime: String,
    pub policy: String,
    pub switch_interval_ms: Option<f64>,
    pub switch_instructions: Option<u32>,
    pub cpu_ops: Option<u64>,
    pub seconds: Option<f64>,
    pub throughput_mops: Option<f64>,
    pub throughput_spread: Option<f64>,
    pub samples: usize,
    pub latency_median_ms: Option<f64>,
    pub latency_p99_ms: Option<f64>,
    pub latency_max_ms: Option<f64>,
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
    pub summary: Vec<String>,
}

/// What the workload prints.
#[derive(Clone, Debug, Deserialize)]
struct WorkloadOutput {
    cpu_ops: u64,
    seconds: f64,
    latencies_ms: Vec<f64>,
}

/// The CPU thread's throughput in Mop/s (None for a run that measured no time).
fn mops(o: &WorkloadOutput) -> Option<f64> {
    (o.seconds > 0.0).then(|| o.cpu_ops as f64 / o.seconds / 1e6)
}

/// Read the workload's JSON line from its stdout.
fn parse_output(stdout: &str) -> Result<WorkloadOutput, String> {
    let line = stdout
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with('{'))
        .unwrap_or("");
    serde_json::from_str(line).map_err(|e| format!("the sweep workload printed no result ({e})"))
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
    fn empty(
        runtime: &str,
        policy: &str,
        interval: Option<f64>,
        instructions: Option<u32>,
    ) -> SweepRow {
        SweepRow {
            runtime: runtime.to_string(),
            policy: policy.to_string(),
            switch_interval_ms: interval,
            switch_instructions: instructions,
            cpu_ops: None,
            seconds: None,
            throughput_mops: None,
            throughput_spread: None,
            samples: 0,
            latency_median_ms: None,
            latency_p99_ms: None,
            latency_max_ms: None,
            wall_s: None,
            cpu_s: None,
            forced_switches: None,
            error: None,
        }
    }

    /// The short label of the configuration: "fifo 5ms/100", "cpython 5ms".
    pub fn label(&self) -> String {
        let Some(ms) = self.switch_interval_ms else {
            return self.policy.clone();
        };
        let interval = format!("{ms}ms");
        match self.switch_instructions {
            Some(n) => format!("{} {interval}/{n}", self.policy),
            None => format!("{} {interval}", self.policy),
        }
    }

    /// Fill the figures from the repeats' outputs (in run order; `median` is the index of
    /// the median run): throughput from the median run with the spread over all, wake-ups
    /// pooled.
    fn fill(&mut self, outputs: &[WorkloadOutput], median: usize) {
        let mut late = Vec::new();
        for o in outputs {
            late.extend_from_slice(&o.latencies_ms);
        }
        self.samples = late.len();
        self.latency_median_ms = percentile(&late, 50.0);
        self.latency_max_ms = percentile(&late, 100.0);
        self.latency_p99_ms = percentile(&late, 99.0).filter(|_| late.len() >= P99_SAMPLES);
        let Some(m) = outputs.get(median) else {
            return;
        };
        self.cpu_ops = Some(m.cpu_ops);
        self.seconds = Some(m.seconds);
        if self.policy == ALONE {
            return;
        }
        self.throughput_mops = mops(m);
        let all: Vec<f64> = outputs.iter().filter_map(mops).collect();
        self.throughput_spread = crate::compare::spread(&all);
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
            latency_max_ms: Some(p99),
            samples: 100,
            ..SweepRow::empty("gilvm", policy, Some(interval), Some(n))
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
    // The baseline: the sleeper alone under gilvm (no CPU thread, so no GIL contention).
    configs.insert(0, (Runtime::Gilvm, GilKnobs::default()));
    let label = |i: usize, runtime: &Runtime, knobs: &GilKnobs| -> SweepRow {
        let interval = knobs.switch_interval;
        match runtime {
            Runtime::Gilvm if i == 0 => SweepRow::empty("gilvm", ALONE, None, None),
            Runtime::Gilvm => SweepRow::empty(
                "gilvm",
                knobs.gil_policy.as_deref().unwrap_or("fifo"),
                interval,
                knobs.switch_instructions,
            ),
            Runtime::Python(_) => SweepRow::empty(&runtime.label(), "cpython", interval, None),
        }
    };
    let mut rows: Vec<SweepRow> = configs
        .iter()
        .enumerate()
        .map(|(i, (rt, k))| label(i, rt, k))
        .collect();
    let scripts: Vec<String> = configs
        .iter()
        .enumerate()
        .map(|(i, (runtime, knobs))| match runtime {
            // gilvm gets the knobs on its command line; CPython only has setswitchinterval.
            Runtime::Gilvm => sweep_driver(args.size, None, i == 0),
            Runtime::Python(_) => sweep_driver(args.size, knobs.switch_interval, false),
        })
        .collect();
    let events = runner.events;
    runner.events = false;
    let progress = Progress::new(configs.len() as u64 * u64::from(args.repeat));
    let mut runs: Vec<Vec<(crate::runner::RunResult, WorkloadOutput)>> =
        vec![Vec::new(); configs.len()];
    for round in 0..args.repeat {
        for i in crate::compare::shuffled(configs.len(), round) {
            let (runtime, knobs) = &configs[i];
            progress.start(&rows[i].label());
            if rows[i].error.is_none() {
                let result = runner.run(runtime, &scripts[i], knobs).and_then(|run| {
                    if !run.measurement.ok() {
                        return Err(run.measurement.failure());
                    }
                    let out = parse_output(&run.measurement.stdout)?;
                    Ok((run, out))
                });
                match result {
                    Ok(r) => runs[i].push(r),
                    Err(e) => rows[i].error = Some(e),
                }
            }
            progress.done();
        }
    }
    progress.finish();
    for (row, runs) in rows.iter_mut().zip(&runs) {
        if row.error.is_some() || runs.is_empty() {
            continue;
        }
        // The median run by the CPU thread's throughput (by wall time for the baseline).
        let mut order: Vec<usize> = (0..runs.len()).collect();
        let key = |k: usize| {
            let o = &runs[k].1;
            if o.seconds > 0.0 && o.cpu_ops > 0 {
                o.cpu_ops as f64 / o.seconds
            } else {
                runs[k].0.measurement.wall.as_secs_f64()
            }
        };
        order.sort_by(|&a, &b| key(a).total_cmp(&key(b)));
        let median = order[(order.len() - 1) / 2];
        let outputs: Vec<WorkloadOutput> = runs.iter().map(|r| r.1.clone()).collect();
        row.fill(&outputs, median);
        let m = &runs[median].0;
        row.wall_s = Some(m.measurement.wall.as_secs_f64());
        row.cpu_s = Some(m.measurement.cpu.as_secs_f64());
        if let Some(stats) = &m.stats {
            row.forced_switches = Some(stats.summary().forced_switches);
        }
    }
    // The views come from one more run per gilvm configuration, with events recorded.
    let mut trace = Vec::new();
    if events {
        runner.events = true;
        for (i, (runtime, knobs)) in configs.iter().enumerate() {
            if *runtime != Runtime::Gilvm || rows[i].error.is_some() {
                continue;
            }
            let run = runner.run(runtime, &scripts[i], knobs)?;
            if let Some(stats) = &run.stats {
                trace.extend(stats.to_trace_processes(
                    &format!("gilvm sweep {}", rows[i].label()),
                    trace.len() as u32 + 1,
                    run.measurement.started,
                )?);
            }
        }
        runner.events = false;
    }
    let summary = knee(&rows);
    Ok(SweepOutcome {
        report: SweepReport {
            schema: SWEEP_SCHEMA.to_string(),
            gilvm_version: env!("CARGO_PKG_VERSION").to_string(),
            sleeps: args.size,
            repeat: args.repeat,
            rows,
            summary,
        },
        trace,
    })
}

/// The knee, per (policy, instruction count) with two or more intervals: the smallest
/// interval beyond which CPU throughput no longer improves by more than the noise (the
/// larger of the rows' spreads and 5%), said only with the wake latency it costs. And the
/// baseline: how late the sleeper wakes with nothing else running.
pub fn knee(rows: &[SweepRow]) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(alone) = rows
        .iter()
        .find(|r| r.policy == ALONE && r.error.is_none())
        .and_then(|r| r.latency_median_ms)
    {
        out.push(format!(
            "Alone, the sleeper wakes {alone:.3} ms late (median): the OS's own wake-up latency, \
             the floor under every other row."
        ));
    }
    let mut groups: Vec<(String, String, Option<u32>)> = Vec::new();
    for r in rows
        .iter()
        .filter(|r| r.switch_interval_ms.is_some() && r.error.is_none())
    {
        let g = (r.runtime.clone(), r.policy.clone(), r.switch_instructions);
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    for (runtime, policy, n) in groups {
        let mut g: Vec<&SweepRow> = rows
            .iter()
            .filter(|r| r.runtime == runtime && r.policy == policy && r.switch_instructions == n)
            .filter(|r| r.error.is_none() && r.throughput_mops.is_some())
            .collect();
        if g.len() < 2 {
            continue;
        }
        g.sort_by(|a, b| {
            a.switch_interval_ms
                .unwrap_or(0.0)
                .total_cmp(&b.switch_interval_ms.unwrap_or(0.0))
        });
        let noise = g
            .iter()
            .filter_map(|r| r.throughput_spread)
            .fold(0.05f64, f64::max);
        let tp = |r: &SweepRow| r.throughput_mops.unwrap_or(0.0);
        let at = (0..g.len())
            .find(|&i| g[i + 1..].iter().all(|r| tp(r) <= tp(g[i]) * (1.0 + noise)))
            .unwrap_or(g.len() - 1);
        let who = match n {
            Some(n) => format!("{runtime} {policy} with {n} instructions"),
            None => format!("{runtime} ({policy})"),
        };
        let ms = |r: &SweepRow| r.switch_interval_ms.unwrap_or(0.0);
        let (first, knee_row, last) = (g[0], g[at], g[g.len() - 1]);
        let lat = |r: &SweepRow| r.latency_median_ms.unwrap_or(0.0);
        if at == 0 {
            out.push(format!(
                "{who}: a longer interval than {} ms buys no CPU throughput beyond the noise \
                 ({:.0}%) up to {} ms; the median wake-up is {:.3} ms late at the first and \
                 {:.3} ms at the last.",
                ms(first),
                noise * 100.0,
                ms(last),
                lat(first),
                lat(last)
            ));
        } else if at == g.len() - 1 {
            out.push(format!(
                "{who}: CPU throughput still grows up to the largest interval ({} ms: {:.2} against \
                 {:.2} Mop/s at {} ms), so the sweep shows no knee.",
                ms(last),
                tp(last),
                tp(first),
                ms(first)
            ));
        } else {
            out.push(format!(
                "{who}: the knee is at {} ms: CPU throughput grows from {:.2} Mop/s at {} ms to \
                 {:.2} there and no further beyond the noise ({:.0}%); the median wake-up is \
                 {:.3} ms late at {} ms and {:.3} ms at {} ms.",
                ms(knee_row),
                tp(first),
                ms(first),
                tp(knee_row),
                noise * 100.0,
                lat(knee_row),
                ms(knee_row),
                lat(last),
                ms(last)
            ));
        }
    }
    out
}

/// The sweep table: the wake-up tail is "p99" only with enough samples, else "max".
pub fn sweep_table(rows: &[SweepRow]) -> String {
    let mut out = String::new();
    let enough = rows
        .iter()
        .filter(|r| r.error.is_none())
        .all(|r| r.samples >= P99_SAMPLES);
    let tail = if enough { "wake p99 ms" } else { "wake max ms" };
    let _ = writeln!(
        out,
        "{:<8}  {:<13}  {:>11}  {:>12}  {:>10}  {:>6}  {:>14}  {:>11}  {:>7}  {:>8}",
        "runtime",
        "policy",
        "interval ms",
        "instructions",
        "CPU Mops/s",
        "spread",
        "wake median ms",
        tail,
        "samples",
        "forced"
    );
    let f = |v: Option<f64>, p: usize| v.map_or_else(|| "-".to_string(), |v| format!("{v:.p$}"));
    let dash = || "-".to_string();
    for r in rows {
        let head = format!(
            "{:<8}  {:<13}  {:>11}  {:>12}",
            r.runtime,
            r.policy,
            r.switch_interval_ms.map_or_else(dash, |v| v.to_string()),
            r.switch_instructions.map_or_else(dash, |n| n.to_string())
        );
        if let Some(e) = &r.error {
            let _ = writeln!(out, "{head}  failed: {e}");
            continue;
        }
        let tail = if enough {
            r.latency_p99_ms
        } else {
            r.latency_max_ms
        };
        let _ = writeln!(
            out,
            "{head}  {:>10}  {:>6}  {:>14}  {:>11}  {:>7}  {:>8}",
            f(r.throughput_mops, 2),
            r.throughput_spread
                .map_or_else(dash, |v| format!("{:.0}%", v * 100.0)),
            f(r.latency_median_ms, 3),
            f(tail, 3),
            r.samples,
            r.forced_switches.map_or_else(dash, |n| n.to_string())
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

    fn output(ops: u64, late: &[f64]) -> WorkloadOutput {
        WorkloadOutput {
            cpu_ops: ops,
            seconds: 0.5,
            latencies_ms: late.to_vec(),
        }
    }

    #[test]
    fn output_parsing_pooling_and_table() {
        let o = parse_output(
            "noise\n{\"cpu_ops\": 2000000, \"seconds\": 0.5, \"latencies_ms\": [0.1, 0.3, 0.2]}\n",
        )
        .unwrap();
        assert!(parse_output("oops").is_err());
        let mut row = SweepRow::empty("gilvm", "fifo", Some(5.0), Some(100));
        row.fill(
            &[o.clone(), output(1_000_000, &[0.4]), output(3_000_000, &[])],
            0,
        );
        assert_eq!(row.throughput_mops, Some(4.0));
        assert_eq!(row.samples, 4, "pooled over the repeats");
        assert_eq!(row.latency_max_ms, Some(0.4));
        assert_eq!(row.latency_p99_ms, None, "4 samples have no p99");
        assert!(
            (row.throughput_spread.unwrap() - 1.0).abs() < 1e-9,
            "(6 - 2) / 4"
        );
        let table = sweep_table(&[
            row,
            SweepRow {
                error: Some("boom".into()),
                ..SweepRow::empty("python3", "cpython", Some(5.0), None)
            },
        ]);
        assert!(
            table.contains("4.00")
                && table.contains("wake max ms")
                && table.contains("failed: boom"),
            "{table}"
        );
        let many: Vec<f64> = (1..=200).map(f64::from).collect();
        let mut row = SweepRow::empty("gilvm", "fifo", Some(5.0), Some(100));
        row.fill(&[output(1, &many)], 0);
        assert_eq!(
            (row.latency_p99_ms, row.latency_max_ms),
            (Some(198.0), Some(200.0))
        );
        assert!(sweep_table(&[row]).contains("wake p99 ms"));
    }

    #[test]
    fn the_knee_is_read_from_the_numbers() {
        let rows = vec![
            SweepRow {
                latency_median_ms: Some(0.05),
                ..SweepRow::empty("gilvm", ALONE, None, None)
            },
            SweepRow::sample("fifo", 1.0, 0, 10.0, 0.8, 1.0),
            SweepRow::sample("fifo", 5.0, 0, 20.0, 4.0, 5.0),
            SweepRow::sample("fifo", 15.0, 0, 20.5, 12.0, 15.0),
            SweepRow::sample("naive", 1.0, 0, 20.0, 0.8, 1.0),
            SweepRow::sample("naive", 5.0, 0, 20.1, 4.0, 5.0),
            SweepRow::sample("io-priority", 1.0, 0, 10.0, 0.1, 1.0),
            SweepRow::sample("io-priority", 5.0, 0, 20.0, 0.1, 5.0),
        ];
        let s = knee(&rows);
        assert!(s[0].contains("wakes 0.050 ms late"), "{s:?}");
        assert!(
            s[1].contains("fifo with 0 instructions: the knee is at 5 ms: CPU throughput grows from 10.00 Mop/s at 1 ms to 20.00")
                && s[1].contains("the median wake-up is 4.000 ms late at 5 ms and 12.000 ms at 15 ms"),
            "{s:?}"
        );
        assert!(
            s[2].contains(
                "naive with 0 instructions: a longer interval than 1 ms buys no CPU throughput"
            ),
            "{s:?}"
        );
        assert!(
            s[3].contains("still grows up to the largest interval") && s[3].contains("no knee"),
            "{s:?}"
        );
    }
}
