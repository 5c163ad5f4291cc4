//! `gilvm compare`: every job in every mode for every worker count, each run a child process,
//! reported as a table (or JSON, schema below) with a few sentences saying what it shows.
//!
//! # How it measures (design §6)
//!
//! - Each driver times its own work region with `time.perf_counter()` (imports and set-up
//!   outside it) and reports it on stderr; that is the row's `work_s`. The process's wall time
//!   from outside is kept as `process_wall_s`; interpreter start-up is measured once per
//!   runtime on an empty script (`startup_s`).
//! - Unless `--size` is given, a short sequential probe per job and runtime (which is also the
//!   warm-up run) sizes the job so that the faster runtime's sequential work lasts at least
//!   `--min-time` seconds; every runtime then runs the same items.
//! - The repeats are rounds: each round runs every configuration once, in a shuffled order, so
//!   every mode's repeats (the baseline's too) are spread over the whole run. A row reports the
//!   median and the spread ((max - min) / median) of its work times.
//! - `--trace`/`--timeline` record GIL events in one extra run per gilvm configuration, after
//!   the timed ones: recording slows a run, so the table never comes from it.
//!
//! # JSON schema `gilvm-compare/2` (`gilvm compare --json`)
//!
//! ```text
//! {
//!   "schema": "gilvm-compare/2",
//!   "gilvm_version": "0.1.0",
//!   "cores": 2,                       // std::thread::available_parallelism
//!   "size": 28, "repeat": 3,          // items per job (after calibration); rounds
//!   "min_time_s": 0.5,                // the calibration target (null with --size or --quick)
//!   "sizes": [{"job": "io", "size": 28}],  // the items each job ran
//!   "switch_instructions": null, "switch_interval_ms": null, "gil_policy": null,
//!   "startup_s": [{"runtime": "gilvm", "seconds": 0.004}],  // empty script, median
//!   "rows": [ {
//!     "runtime": "gilvm",             // or the --python executable's name, e.g. "python3"
//!     "job": "cpu",                   // cpu, io, mixed, or FILE_STEM:FUNCTION
//!     "kind": "cpu",                  // what the job declares: cpu, io, mixed, user
//!     "mode": "threads",              // sequential, threads, processes, coroutines
//!     "workers": 2,
//!     "work_s": 0.51,                 // median of the repeats' work times
//!     "spread": 0.04,                 // (max - min) / median of the work times
//!     "works_s": [0.51, 0.50, 0.53],  // every repeat's work time, in run order
//!     "process_wall_s": 0.53,         // the median run's process wall time (from outside)
//!     "cpu_s": 0.50,                  // the median run's CPU time (user+sys, process and
//!                                     // the children it waited for)
//!     "cpu_use": 0.47,                // cpu_s / process_wall_s / cores
//!     "speedup": 0.98,                // work_s of the same runtime+job's sequential row / work_s
//!     "efficiency": 0.49,             // speedup / workers
//!     "gil_wait_share": 0.48,         // GIL waiting / lifetime of the worker threads (not
//!                                     // the main thread blocked in join()), over every
//!                                     // interpreter process of the run; null when unknown
//!     "forced_switches": 1500, "voluntary_switches": 2, "switches": 1502,
//!     "switches_per_s": 2945.1,       // switches / work_s
//!     "handoff_s": 0.027,             // time the lock spent in transit between threads
//!     "gil_processes": 3,             // interpreter processes the GIL figures cover
//!     "error": null,                  // why the row failed (then the figures are null)
//!     "not_run": null                 // why the configuration was not run (a mode the job
//!                                     // cannot run in)
//!   } ],
//!   "summary": ["sentence", ...]      // what the numbers show (report.rs)
//! }
//! ```

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::args::{CompareArgs, GilKnobs};
use crate::gilstats::GilSummary;
use crate::progress::Progress;
use crate::runner::{RunResult, Runner, Runtime};
use crate::trace::TraceProcess;
use crate::workloads::{Job, JobKind, Mode};

/// The schema tag of the JSON report.
pub const COMPARE_SCHEMA: &str = "gilvm-compare/2";

/// A row's spread above this is marked in the table.
pub const NOISY_SPREAD: f64 = 0.10;

/// One (runtime, job, mode, workers) configuration's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub runtime: String,
    pub job: String,
    pub kind: JobKind,
    pub mode: String,
    pub workers: u32,
    pub work_s: Option<f64>,
    pub spread: Option<f64>,
    pub works_s: Vec<f64>,
    pub process_wall_s: Option<f64>,
    pub cpu_s: Option<f64>,
    pub cpu_use: Option<f64>,
    pub speedup: Option<f64>,
    pub efficiency: Option<f64>,
    pub gil_wait_share: Option<f64>,
    pub forced_switches: Option<u64>,
    pub voluntary_switches: Option<u64>,
    pub switches: Option<u64>,
    pub switches_per_s: Option<f64>,
    pub handoff_s: Option<f64>,
    pub gil_processes: Option<usize>,
    pub error: Option<String>,
    pub not_run: Option<String>,
}

impl Row {
    /// A row with no figures yet.
    pub fn empty(runtime: &str, job: &Job, mode: Mode, workers: u32) -> Row {
        Row {
            runtime: runtime.to_string(),
            job: job.name.clone(),
            kind: job.kind,
            mode: mode.name().to_string(),
            workers,
            work_s: None,
            spread: None,
            works_s: Vec::new(),
            process_wall_s: None,
            cpu_s: None,
            cpu_use: None,
            speedup: None,
            efficiency: None,
            gil_wait_share: None,
            forced_switches: None,
            voluntary_switches: None,
            switches: None,
            switches_per_s: None,
            handoff_s: None,
            gil_processes: None,
            error: None,
            not_run: None,
        }
    }

    /// Did the row run and produce figures?
    pub fn measured(&self) -> bool {
        self.error.is_none() && self.not_run.is_none() && self.work_s.is_some()
    }
}

/// The items a job ran.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobSize {
    pub job: String,
    pub size: u32,
}

/// A runtime's start-up time (an empty script, median of a few runs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Startup {
    pub runtime: String,
    pub seconds: f64,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompareReport {
    pub schema: String,
    pub gilvm_version: String,
    pub cores: usize,
    pub size: u32,
    pub repeat: u32,
    pub min_time_s: Option<f64>,
    pub sizes: Vec<JobSize>,
    pub switch_instructions: Option<u32>,
    pub switch_interval_ms: Option<f64>,
    pub gil_policy: Option<String>,
    pub startup_s: Vec<Startup>,
    pub rows: Vec<Row>,
    pub summary: Vec<String>,
}

/// One planned configuration; `skip` says why it is not run.
#[derive(Clone, Debug)]
struct Plan {
    runtime: Runtime,
    job: usize,
    mode: Mode,
    workers: u32,
    skip: Option<String>,
}

/// The configurations, in table order: per runtime, per job, per mode, per worker count;
/// sequential once (1 worker) and always (the baseline). A mode the job cannot run in is one
/// row saying why.
fn plan(jobs: &[Job], modes: &[Mode], workers: &[u32], runtimes: &[Runtime]) -> Vec<Plan> {
    let mut plans = Vec::new();
    for runtime in runtimes {
        for (j, job) in jobs.iter().enumerate() {
            let mut job_modes = vec![Mode::Sequential];
            job_modes.extend(modes.iter().copied().filter(|&m| m != Mode::Sequential));
            for mode in job_modes {
                let skip = job.unsupported(mode);
                let counts: Vec<u32> = if mode == Mode::Sequential {
                    vec![1]
                } else if skip.is_some() {
                    // One row says why, whatever the worker counts.
                    vec![workers.iter().copied().max().unwrap_or(1)]
                } else {
                    workers.to_vec()
                };
                for w in counts {
                    plans.push(Plan {
                        runtime: runtime.clone(),
                        job: j,
                        mode,
                        workers: w,
                        skip: skip.clone(),
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
    let all: Vec<String> = crate::workloads::BUILTIN_JOBS
        .iter()
        .chain(&crate::workloads::EXTRA_JOBS)
        .map(|s| s.to_string())
        .collect();
    let builtin: Vec<String> = builtin
        .into_iter()
        .flat_map(|b| {
            if b.trim() == "all" {
                all.clone()
            } else {
                vec![b]
            }
        })
        .collect();
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
        let parsed = if m.trim() == "all" {
            Mode::ALL.to_vec()
        } else {
            vec![Mode::parse(m.trim())?]
        };
        for mode in parsed {
            if !modes.contains(&mode) {
                modes.push(mode);
            }
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
    if args.size == Some(0) {
        return Err("--size must be at least 1".to_string());
    }
    if args.repeat == Some(0) || args.repeat.is_some_and(|r| r > 100) {
        return Err("--repeat takes a count from 1 to 100".to_string());
    }
    if !(args.min_time >= 0.0 && args.min_time.is_finite() && args.min_time <= 600.0) {
        return Err("--min-time must be a number of seconds from 0 to 600".to_string());
    }
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        return Err("--timeout must be a positive number of seconds".to_string());
    }
    args.gil.validate()?;
    Ok((jobs, modes, workers))
}

/// A run's work time: what the driver measured, else (no marker) the process wall time.
pub fn work_time(run: &RunResult) -> Duration {
    run.measurement.work.unwrap_or(run.measurement.wall)
}

/// The run with the median work time among `runs` (the lower median for an even count).
pub fn median_run(runs: &[RunResult]) -> Option<&RunResult> {
    let mut sorted: Vec<&RunResult> = runs.iter().collect();
    sorted.sort_by_key(|r| work_time(r));
    sorted.get((sorted.len().saturating_sub(1)) / 2).copied()
}

/// (max - min) / median of `values` (None for fewer than two).
pub fn spread(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[(sorted.len() - 1) / 2];
    let (min, max) = (sorted[0], sorted[sorted.len() - 1]);
    (median > 0.0).then(|| (max - min) / median)
}

/// Fill in speedup and efficiency against each (runtime, job)'s sequential row.
pub fn fill_speedups(rows: &mut [Row]) {
    let baselines: Vec<(String, String, Option<f64>)> = rows
        .iter()
        .filter(|r| r.mode == Mode::Sequential.name())
        .map(|r| (r.runtime.clone(), r.job.clone(), r.work_s))
        .collect();
    for row in rows.iter_mut() {
        let base = baselines
            .iter()
            .find(|(rt, job, _)| *rt == row.runtime && *job == row.job)
            .and_then(|b| b.2);
        if let (Some(base), Some(work)) = (base, row.work_s) {
            if work > 0.0 {
                let speedup = base / work;
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

/// A deterministic shuffle (xorshift, seeded by the round) of `0..n`.
pub fn shuffled(n: usize, round: u32) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut x =
        0x9E37_79B9_7F4A_7C15u64 ^ (u64::from(round) + 1).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    for i in (1..n).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let j = usize::try_from(x % (i as u64 + 1)).unwrap_or(0);
        order.swap(i, j);
    }
    order
}

fn knobs_for(runtime: &Runtime, args: &CompareArgs) -> GilKnobs {
    if *runtime == Runtime::Gilvm {
        args.gil.clone()
    } else {
        GilKnobs::default()
    }
}

/// Run a script once; a failed run is its one-line reason.
fn run_once(
    runner: &mut Runner,
    runtime: &Runtime,
    script: &str,
    knobs: &GilKnobs,
) -> Result<RunResult, String> {
    let run = runner.run(runtime, script, knobs)?;
    if run.measurement.ok() {
        Ok(run)
    } else {
        Err(run.measurement.failure())
    }
}

/// Check once, before anything is measured, that every user job's file defines its function
/// and runs its top level under gilvm.
fn check_jobs(jobs: &[Job], runner: &mut Runner) -> Result<(), String> {
    for job in jobs.iter().filter(|j| j.kind == JobKind::User) {
        run_once(
            runner,
            &Runtime::Gilvm,
            &job.check_script(),
            &GilKnobs::default(),
        )
        .map_err(|e| format!("job '{}': {e}", job.name))?;
    }
    Ok(())
}

/// The start-up time of `runtime`: an empty script, median of `runs` runs.
fn startup(runner: &mut Runner, runtime: &Runtime, runs: u32) -> Result<f64, String> {
    let mut walls = Vec::new();
    for _ in 0..runs.max(1) {
        let run = run_once(runner, runtime, "pass\n", &GilKnobs::default())
            .map_err(|e| format!("{} does not start: {e}", runtime.label()))?;
        walls.push(run.measurement.wall.as_secs_f64());
    }
    walls.sort_by(f64::total_cmp);
    Ok(walls[(walls.len() - 1) / 2])
}

/// The items each job runs: `--size`, or the probe's calibration to `min_time` (rounded up to
/// a multiple of every worker count, so each worker gets the same share).
fn calibrate(
    job: &Job,
    runtimes: &[Runtime],
    workers: &[u32],
    args: &CompareArgs,
    runner: &mut Runner,
) -> u32 {
    let unit = workers.iter().fold(1u32, |acc, &w| lcm(acc, w)).min(64);
    let probe = unit.max(4);
    let mut per_item: Option<f64> = None;
    for runtime in runtimes {
        let script = job.driver(Mode::Sequential, 1, probe);
        // A failed probe is not an error here: the row's own runs will say why.
        if let Ok(run) = run_once(runner, runtime, &script, &knobs_for(runtime, args)) {
            let t = work_time(&run).as_secs_f64() / f64::from(probe);
            per_item = Some(per_item.map_or(t, |p: f64| p.min(t)));
        }
    }
    let Some(per_item) = per_item.filter(|t| *t > 0.0) else {
        return 8;
    };
    let items = (args.min_time / per_item).ceil().clamp(1.0, 1_000_000.0) as u32;
    items.div_ceil(unit).max(1) * unit
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn lcm(a: u32, b: u32) -> u32 {
    a / gcd(a, b).max(1) * b
}

/// Fill a row's figures from its runs (in run order).
fn fill_row(row: &mut Row, runs: &[RunResult], cores: usize) {
    row.works_s = runs.iter().map(|r| work_time(r).as_secs_f64()).collect();
    row.spread = spread(&row.works_s);
    let Some(median) = median_run(runs) else {
        return;
    };
    let work = work_time(median).as_secs_f64();
    let wall = median.measurement.wall.as_secs_f64();
    let cpu = median.measurement.cpu.as_secs_f64();
    row.work_s = Some(work);
    row.process_wall_s = Some(wall);
    row.cpu_s = Some(cpu);
    if wall > 0.0 {
        row.cpu_use = Some(cpu / wall / cores as f64);
    }
    if let Some(stats) = &median.stats {
        let GilSummary {
            wait_share,
            forced_switches,
            voluntary_switches,
            processes,
            handoff,
            ..
        } = stats.summary();
        let switches = forced_switches + voluntary_switches;
        row.gil_processes = Some(processes);
        row.gil_wait_share = Some(wait_share);
        row.forced_switches = Some(forced_switches);
        row.voluntary_switches = Some(voluntary_switches);
        row.switches = Some(switches);
        row.handoff_s = Some(handoff.as_secs_f64());
        if work > 0.0 {
            row.switches_per_s = Some(switches as f64 / work);
        }
    }
}

/// Run everything the arguments ask for.
pub fn run_compare(args: &CompareArgs, runner: &mut Runner) -> Result<CompareOutcome, String> {
    let (jobs, modes, workers) = parse_args(args)?;
    let mut runtimes = vec![Runtime::Gilvm];
    if let Some(python) = &args.python {
        runtimes.push(Runtime::Python(python.clone()));
    }
    let events = runner.events;
    runner.events = false;
    let repeat = args.repeat.unwrap_or(if args.quick { 1 } else { 3 });
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    check_jobs(&jobs, runner)?;

    let mut startup_s = Vec::new();
    for runtime in &runtimes {
        startup_s.push(Startup {
            runtime: runtime.label(),
            seconds: startup(runner, runtime, if args.quick { 1 } else { 3 })?,
        });
    }
    let calibrated = args.size.is_none() && !args.quick;
    let sizes: Vec<u32> = jobs
        .iter()
        .map(|job| match args.size {
            Some(size) => size,
            None if args.quick => 8,
            None => calibrate(job, &runtimes, &workers, args, runner),
        })
        .collect();

    let plans = plan(&jobs, &modes, &workers, &runtimes);
    let runnable: Vec<usize> = (0..plans.len())
        .filter(|&i| plans[i].skip.is_none())
        .collect();
    let progress = Progress::new(runnable.len() as u64 * u64::from(repeat));
    let label = |p: &Plan| {
        format!(
            "{} {} {} x{}",
            p.runtime.label(),
            jobs[p.job].name,
            p.mode.name(),
            p.workers
        )
    };
    let mut runs: Vec<Vec<RunResult>> = vec![Vec::new(); plans.len()];
    let mut errors: Vec<Option<String>> = vec![None; plans.len()];
    for round in 0..repeat {
        for k in shuffled(runnable.len(), round) {
            let i = runnable[k];
            let p = &plans[i];
            if errors[i].is_some() {
                progress.done();
                continue;
            }
            progress.start(&label(p));
            let script = jobs[p.job].driver(p.mode, p.workers, sizes[p.job]);
            match run_once(runner, &p.runtime, &script, &knobs_for(&p.runtime, args)) {
                Ok(run) => runs[i].push(run),
                Err(e) => errors[i] = Some(e),
            }
            progress.done();
        }
    }
    progress.finish();

    let mut rows = Vec::new();
    for (i, p) in plans.iter().enumerate() {
        let mut row = Row::empty(&p.runtime.label(), &jobs[p.job], p.mode, p.workers);
        if let Some(why) = &p.skip {
            row.not_run = Some(why.clone());
        } else if let Some(e) = &errors[i] {
            row.error = Some(e.clone());
        } else {
            fill_row(&mut row, &runs[i], cores);
        }
        rows.push(row);
    }
    fill_speedups(&mut rows);

    // The views come from one more run per gilvm configuration, with events recorded.
    let mut trace = Vec::new();
    if events {
        runner.events = true;
        for (i, p) in plans.iter().enumerate() {
            if p.runtime != Runtime::Gilvm || p.skip.is_some() || errors[i].is_some() {
                continue;
            }
            let script = jobs[p.job].driver(p.mode, p.workers, sizes[p.job]);
            let run = run_once(runner, &p.runtime, &script, &args.gil)?;
            if let Some(stats) = &run.stats {
                trace.extend(stats.to_trace_processes(
                    &label(p),
                    trace.len() as u32 + 1,
                    run.measurement.started,
                )?);
            }
        }
        runner.events = false;
    }

    let summary = crate::report::summarize(&rows, cores, args.gil.switch_instructions);
    Ok(CompareOutcome {
        report: CompareReport {
            schema: COMPARE_SCHEMA.to_string(),
            gilvm_version: env!("CARGO_PKG_VERSION").to_string(),
            cores,
            size: sizes.iter().copied().max().unwrap_or(0),
            repeat,
            min_time_s: calibrated.then_some(args.min_time),
            sizes: jobs
                .iter()
                .zip(&sizes)
                .map(|(j, &size)| JobSize {
                    job: j.name.clone(),
                    size,
                })
                .collect(),
            switch_instructions: args.gil.switch_instructions,
            switch_interval_ms: args.gil.switch_interval,
            gil_policy: args.gil.gil_policy.clone(),
            startup_s,
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

    pub(crate) fn row(runtime: &str, job: &str, mode: &str, workers: u32, work: f64) -> Row {
        let job = Job::builtin(job).unwrap_or(Job {
            name: job.to_string(),
            kind: JobKind::User,
            source: String::new(),
            async_source: None,
            function: "f".into(),
        });
        let mode = Mode::parse(mode).unwrap();
        Row {
            work_s: Some(work),
            cpu_s: Some(work),
            works_s: vec![work],
            ..Row::empty(runtime, &job, mode, workers)
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
    fn plan_says_which_modes_a_job_cannot_run() {
        let jobs = vec![Job::builtin("cpu").unwrap(), Job::builtin("io").unwrap()];
        let plans = plan(
            &jobs,
            &[Mode::Threads, Mode::Coroutines],
            &[1, 2],
            &[Runtime::Gilvm],
        );
        let names: Vec<String> = plans
            .iter()
            .map(|p| {
                format!(
                    "{} {} {}{}",
                    jobs[p.job].name,
                    p.mode.name(),
                    p.workers,
                    if p.skip.is_some() { " skip" } else { "" }
                )
            })
            .collect();
        assert_eq!(
            names,
            [
                "cpu sequential 1",
                "cpu threads 1",
                "cpu threads 2",
                "cpu coroutines 2 skip",
                "io sequential 1",
                "io threads 1",
                "io threads 2",
                "io coroutines 1",
                "io coroutines 2"
            ]
        );
    }

    fn run(work_ms: u64, wall_ms: u64) -> RunResult {
        RunResult {
            measurement: crate::child::Measurement {
                wall: Duration::from_millis(wall_ms),
                cpu: Duration::from_millis(wall_ms / 2),
                status: Some(0),
                timed_out: false,
                stdout: String::new(),
                stderr: String::new(),
                started: Duration::ZERO,
                work: Some(Duration::from_millis(work_ms)),
            },
            stats: None,
        }
    }

    #[test]
    fn median_spread_and_figures_are_of_the_work_time() {
        let runs = [run(30, 100), run(10, 300), run(20, 50)];
        assert_eq!(
            work_time(median_run(&runs).unwrap()),
            Duration::from_millis(20)
        );
        let runs2 = [run(30, 1), run(10, 1)];
        assert_eq!(
            work_time(median_run(&runs2).unwrap()),
            Duration::from_millis(10)
        );
        assert!(median_run(&[]).is_none());
        let job = Job::builtin("cpu").unwrap();
        let mut r = Row::empty("gilvm", &job, Mode::Sequential, 1);
        fill_row(&mut r, &runs, 2);
        assert_eq!(r.works_s, [0.03, 0.01, 0.02]);
        assert_eq!(r.work_s, Some(0.02));
        assert_eq!(
            r.process_wall_s,
            Some(0.05),
            "the median run's process wall"
        );
        assert_eq!(r.cpu_use, Some(0.025 / 0.05 / 2.0));
        assert!((r.spread.unwrap() - 1.0).abs() < 1e-9, "(30 - 10) / 20");
        assert_eq!(spread(&[1.0]), None);
    }

    #[test]
    fn shuffles_are_permutations_that_differ_by_round() {
        let a = shuffled(10, 0);
        let b = shuffled(10, 1);
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
        assert_ne!(a, b);
        assert_eq!(lcm(lcm(1, 2), 4), 4);
        assert_eq!(lcm(4, 6), 12);
    }
}
