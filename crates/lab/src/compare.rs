//! `gilvm compare`: every job in every mode for every worker count, each run a child process,
//! reported as a table (or JSON, schema below) with a few sentences saying what it shows.
//!
//! # JSON schema `gilvm-compare/1` (`gilvm compare --json`)
//!
//! ```text
//! {
//!   "schema": "gilvm-compare/1",
//!   "gilvm_version": "0.1.0",
//!   "cores": 2,                       // std::thread::available_parallelism
//!   "size": 8, "repeat": 1,           // items per job; runs per row (median by wall time)
//!   "switch_instructions": null, "switch_interval_ms": null, "gil_policy": null,
//!   "rows": [ {
//!     "runtime": "gilvm",             // or the --python executable's name, e.g. "python3"
//!     "job": "cpu",                   // cpu, io, mixed, or FILE_STEM:FUNCTION
//!     "mode": "threads",              // sequential, threads, processes, coroutines
//!     "workers": 2,
//!     "wall_s": 0.51, "cpu_s": 0.50,  // the median run's wall and CPU (user+sys) seconds
//!     "speedup": 0.98,                // wall_s of the same runtime+job's sequential row / wall_s
//!     "efficiency": 0.49,             // speedup / workers
//!     "gil_wait_share": 0.48,         // GIL waiting / thread lifetime, over the threads of
//!                                     // every interpreter process of the run (the main one
//!                                     // and its multiprocessing workers); null when unknown
//!                                     // (CPython, or no GIL statistics)
//!     "forced_switches": 1500, "voluntary_switches": 2, "switches": 1502,   // summed over
//!                                     // the same threads; null if unknown
//!     "gil_processes": 3,             // interpreter processes those figures cover: 1 + the
//!                                     // workers that reported; null if unknown
//!     "walls_s": [0.51],              // every repeat's wall time
//!     "error": null                   // why the row failed (then the figures are null)
//!   } ],
//!   "summary": ["sentence", ...]      // what the numbers show
//! }
//! ```

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::args::{CompareArgs, GilKnobs};
use crate::gilstats::GilSummary;
use crate::progress::Progress;
use crate::runner::{RunResult, Runner, Runtime};
use crate::trace::TraceProcess;
use crate::workloads::{Job, Mode};

/// The schema tag of the JSON report.
pub const COMPARE_SCHEMA: &str = "gilvm-compare/1";

/// One (runtime, job, mode, workers) configuration's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub runtime: String,
    pub job: String,
    pub mode: String,
    pub workers: u32,
    pub wall_s: Option<f64>,
    pub cpu_s: Option<f64>,
    pub speedup: Option<f64>,
    pub efficiency: Option<f64>,
    pub gil_wait_share: Option<f64>,
    pub forced_switches: Option<u64>,
    pub voluntary_switches: Option<u64>,
    pub switches: Option<u64>,
    /// Interpreter processes whose GIL statistics the GIL columns cover (the main one and the
    /// multiprocessing workers that reported).
    #[serde(default)]
    pub gil_processes: Option<usize>,
    pub walls_s: Vec<f64>,
    pub error: Option<String>,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompareReport {
    pub schema: String,
    pub gilvm_version: String,
    pub cores: usize,
    pub size: u32,
    pub repeat: u32,
    pub switch_instructions: Option<u32>,
    pub switch_interval_ms: Option<f64>,
    pub gil_policy: Option<String>,
    pub rows: Vec<Row>,
    pub summary: Vec<String>,
}

/// One planned run.
#[derive(Clone, Debug)]
struct Plan {
    runtime: Runtime,
    job: usize,
    mode: Mode,
    workers: u32,
}

/// The configurations to run, in order: per runtime, per job, per mode, per worker count;
/// sequential once (1 worker) and always (the baseline).
fn plan(jobs: &[Job], modes: &[Mode], workers: &[u32], runtimes: &[Runtime]) -> Vec<Plan> {
    let mut plans = Vec::new();
    for runtime in runtimes {
        for (j, job) in jobs.iter().enumerate() {
            let mut job_modes = vec![Mode::Sequential];
            job_modes.extend(
                modes
                    .iter()
                    .copied()
                    .filter(|&m| m != Mode::Sequential && job.supports(m)),
            );
            for mode in job_modes {
                let counts: Vec<u32> = if mode == Mode::Sequential {
                    vec![1]
                } else {
                    workers.to_vec()
                };
                for w in counts {
                    plans.push(Plan {
                        runtime: runtime.clone(),
                        job: j,
                        mode,
                        workers: w,
                    });
                }
            }
        }
    }
    plans
}

/// Jobs, modes and worker counts, from the arguments.
type Selection = (Vec<Job>, Vec<Mode>, Vec<u32>);

/// Parse the arguments into jobs, modes and worker counts.
fn parse_args(args: &CompareArgs) -> Result<Selection, String> {
    let mut jobs = Vec::new();
    let builtin: Vec<String> = match (&args.jobs, args.job.is_empty()) {
        (Some(list), _) => list.clone(),
        (None, true) => crate::workloads::BUILTIN_JOBS
            .iter()
            .map(|s| s.to_string())
            .collect(),
        (None, false) => Vec::new(),
    };
    for spec in builtin.iter().chain(&args.job) {
        let job = Job::parse(spec.trim())?;
        if !jobs.iter().any(|j: &Job| j.name == job.name) {
            jobs.push(job);
        }
    }
    if jobs.is_empty() {
        return Err("no job to run".to_string());
    }
    let mut modes = Vec::new();
    for m in &args.modes {
        let mode = Mode::parse(m.trim())?;
        if !modes.contains(&mode) {
            modes.push(mode);
        }
    }
    let mut workers: Vec<u32> = Vec::new();
    for &w in &args.workers {
        if !workers.contains(&w) {
            workers.push(w);
        }
    }
    if workers.is_empty() || workers.contains(&0) || workers.iter().any(|&w| w > 256) {
        return Err("--workers takes counts from 1 to 256".to_string());
    }
    if args.size == 0 {
        return Err("--size must be at least 1".to_string());
    }
    if args.repeat == 0 || args.repeat > 100 {
        return Err("--repeat takes a count from 1 to 100".to_string());
    }
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        return Err("--timeout must be a positive number of seconds".to_string());
    }
    args.gil.validate()?;
    Ok((jobs, modes, workers))
}

/// The run with the median wall time among `runs` (the lower median for an even count).
pub fn median_run(runs: &[RunResult]) -> Option<&RunResult> {
    let mut sorted: Vec<&RunResult> = runs.iter().collect();
    sorted.sort_by_key(|r| r.measurement.wall);
    sorted.get((sorted.len().saturating_sub(1)) / 2).copied()
}

/// Fill in speedup and efficiency against each (runtime, job)'s sequential row.
pub fn fill_speedups(rows: &mut [Row]) {
    let baselines: Vec<(String, String, Option<f64>)> = rows
        .iter()
        .filter(|r| r.mode == Mode::Sequential.name())
        .map(|r| (r.runtime.clone(), r.job.clone(), r.wall_s))
        .collect();
    for row in rows.iter_mut() {
        let base = baselines
            .iter()
            .find(|(rt, job, _)| *rt == row.runtime && *job == row.job)
            .and_then(|b| b.2);
        if let (Some(base), Some(wall)) = (base, row.wall_s) {
            if wall > 0.0 {
                let speedup = base / wall;
                row.speedup = Some(speedup);
                row.efficiency = Some(speedup / f64::from(row.workers));
            }
        }
    }
}

/// The outcome of `compare`: the report and the trace of its gilvm runs.
pub struct CompareOutcome {
    pub report: CompareReport,
    pub trace: Vec<TraceProcess>,
}

/// Run everything the arguments ask for.
pub fn run_compare(args: &CompareArgs, runner: &mut Runner) -> Result<CompareOutcome, String> {
    let (jobs, modes, workers) = parse_args(args)?;
    let mut runtimes = vec![Runtime::Gilvm];
    if let Some(python) = &args.python {
        runtimes.push(Runtime::Python(python.clone()));
    }
    let plans = plan(&jobs, &modes, &workers, &runtimes);
    let progress = Progress::new(plans.len() as u64 * u64::from(args.repeat));
    let mut rows = Vec::new();
    let mut trace = Vec::new();
    for plan in &plans {
        let job = &jobs[plan.job];
        let label = format!(
            "{} {} {} x{}",
            plan.runtime.label(),
            job.name,
            plan.mode.name(),
            plan.workers
        );
        let script = job.driver(plan.mode, plan.workers, args.size);
        let mut runs = Vec::new();
        let mut error = None;
        for _ in 0..args.repeat {
            progress.start(&label);
            let knobs = if plan.runtime == Runtime::Gilvm {
                args.gil.clone()
            } else {
                GilKnobs::default()
            };
            let result = runner.run(&plan.runtime, &script, &knobs);
            progress.done();
            match result {
                Ok(run) if run.measurement.ok() => runs.push(run),
                Ok(run) => {
                    error = Some(run.measurement.failure());
                    break;
                }
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
        }
        let mut row = Row {
            runtime: plan.runtime.label(),
            job: job.name.clone(),
            mode: plan.mode.name().to_string(),
            workers: plan.workers,
            wall_s: None,
            cpu_s: None,
            speedup: None,
            efficiency: None,
            gil_wait_share: None,
            forced_switches: None,
            voluntary_switches: None,
            switches: None,
            gil_processes: None,
            walls_s: runs
                .iter()
                .map(|r| r.measurement.wall.as_secs_f64())
                .collect(),
            error: error.clone(),
        };
        if error.is_none() {
            if let Some(median) = median_run(&runs) {
                row.wall_s = Some(median.measurement.wall.as_secs_f64());
                row.cpu_s = Some(median.measurement.cpu.as_secs_f64());
                if let Some(stats) = &median.stats {
                    let GilSummary {
                        wait_share,
                        forced_switches,
                        voluntary_switches,
                        processes,
                        ..
                    } = stats.summary();
                    row.gil_processes = Some(processes);
                    row.gil_wait_share = Some(wait_share);
                    row.forced_switches = Some(forced_switches);
                    row.voluntary_switches = Some(voluntary_switches);
                    row.switches = Some(forced_switches + voluntary_switches);
                    if runner.events {
                        trace.extend(stats.to_trace_processes(
                            &label,
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
    fill_speedups(&mut rows);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let summary = crate::report::summarize(&rows, cores);
    Ok(CompareOutcome {
        report: CompareReport {
            schema: COMPARE_SCHEMA.to_string(),
            gilvm_version: env!("CARGO_PKG_VERSION").to_string(),
            cores,
            size: args.size,
            repeat: args.repeat,
            switch_instructions: args.gil.switch_instructions,
            switch_interval_ms: args.gil.switch_interval,
            gil_policy: args.gil.gil_policy.clone(),
            rows,
            summary,
        },
        trace,
    })
}

/// How long a lab run may take by default.
pub fn timeout(seconds: f64) -> Duration {
    Duration::from_secs_f64(seconds.clamp(0.001, 86_400.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn row(runtime: &str, job: &str, mode: &str, workers: u32, wall: f64) -> Row {
        Row {
            runtime: runtime.into(),
            job: job.into(),
            mode: mode.into(),
            workers,
            wall_s: Some(wall),
            cpu_s: Some(wall),
            speedup: None,
            efficiency: None,
            gil_wait_share: None,
            forced_switches: None,
            voluntary_switches: None,
            switches: None,
            gil_processes: None,
            walls_s: vec![wall],
            error: None,
        }
    }

    #[test]
    fn speedups_are_against_the_same_runtime_and_job() {
        let mut rows = vec![
            row("gilvm", "cpu", "sequential", 1, 1.0),
            row("gilvm", "cpu", "threads", 4, 1.0),
            row("gilvm", "cpu", "processes", 2, 0.5),
            row("python3", "cpu", "sequential", 1, 2.0),
            row("python3", "cpu", "processes", 2, 1.0),
            row("gilvm", "io", "threads", 2, 1.0),
        ];
        fill_speedups(&mut rows);
        assert_eq!(rows[0].speedup, Some(1.0));
        assert_eq!(
            (rows[1].speedup, rows[1].efficiency),
            (Some(1.0), Some(0.25))
        );
        assert_eq!(
            (rows[2].speedup, rows[2].efficiency),
            (Some(2.0), Some(1.0))
        );
        assert_eq!(rows[4].speedup, Some(2.0));
        assert_eq!(rows[5].speedup, None, "no io baseline");
    }

    #[test]
    fn plan_runs_sequential_once_and_coroutines_only_where_they_fit() {
        let jobs = vec![Job::builtin("cpu").unwrap(), Job::builtin("io").unwrap()];
        let plans = plan(
            &jobs,
            &[Mode::Threads, Mode::Coroutines],
            &[1, 2],
            &[Runtime::Gilvm],
        );
        let names: Vec<String> = plans
            .iter()
            .map(|p| format!("{} {} {}", jobs[p.job].name, p.mode.name(), p.workers))
            .collect();
        assert_eq!(
            names,
            [
                "cpu sequential 1",
                "cpu threads 1",
                "cpu threads 2",
                "io sequential 1",
                "io threads 1",
                "io threads 2",
                "io coroutines 1",
                "io coroutines 2"
            ]
        );
    }

    #[test]
    fn median_is_by_wall_time() {
        let run = |ms: u64| RunResult {
            measurement: crate::child::Measurement {
                wall: Duration::from_millis(ms),
                cpu: Duration::from_millis(ms / 2),
                status: Some(0),
                timed_out: false,
                stdout: String::new(),
                stderr: String::new(),
                started: Duration::ZERO,
            },
            stats: None,
        };
        let runs = [run(30), run(10), run(20)];
        assert_eq!(
            median_run(&runs).unwrap().measurement.wall,
            Duration::from_millis(20)
        );
        let runs = [run(30), run(10)];
        assert_eq!(
            median_run(&runs).unwrap().measurement.wall,
            Duration::from_millis(10)
        );
        assert!(median_run(&[]).is_none());
    }
}
