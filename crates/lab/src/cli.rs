//! The entry points the `gilvm` binary calls: `compare`, `sweep`, and the outputs of
//! `run --trace/--timeline/--stats-json`. Each returns the process exit status.

use std::path::Path;

use gilvm_vm::runtime::gil::{format_gil_stats, ThreadReport, WorkerReport};

use crate::args::{CompareArgs, SweepArgs};
use crate::compare::{run_compare, timeout};
use crate::gilstats::StatsFile;
use crate::report::{startup_line, table, wrap};
use crate::runner::Runner;
use crate::sweep::{run_sweep, sweep_table};
use crate::trace::{write_chrome_trace, TraceProcess};

fn write_views(
    trace: Option<&Path>,
    timeline: Option<&Path>,
    processes: &[TraceProcess],
    title: &str,
    note: &str,
) -> Result<(), String> {
    if (trace.is_some() || timeline.is_some()) && processes.is_empty() {
        eprintln!("gilvm: no GIL events were recorded (this gilvm build records none yet): the trace and timeline are empty");
    }
    if let Some(path) = trace {
        write_chrome_trace(path, processes)?;
    }
    if let Some(path) = timeline {
        crate::timeline::write_timeline(path, processes, title, note)?;
    }
    Ok(())
}

fn write_file(path: &Path, text: String) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `gilvm compare`.
pub fn compare_main(args: &CompareArgs) -> i32 {
    let events = args.trace.is_some() || args.timeline.is_some();
    if events {
        eprintln!("gilvm compare: --trace/--timeline record GIL events in one extra run per gilvm configuration, after the timed runs (recording slows a run; the table does not come from it)");
    }
    let result = Runner::new(args.gil.clone(), timeout(args.timeout), events).and_then(|mut runner| {
        let outcome = run_compare(args, &mut runner)?;
        let report = &outcome.report;
        if args.json {
            let text = serde_json::to_string_pretty(report).map_err(|e| e.to_string())?;
            println!("{text}");
        } else {
            print!("{}", table(&report.rows));
            if report.rows.iter().any(|r| r.measured() && r.runtime == "gilvm" && r.gil_wait_share.is_none()) {
                println!("(GIL wait and switches show '-' where the run recorded no GIL statistics.)");
            }
            let sizes: Vec<String> = report.sizes.iter().map(|s| format!("{} {}", s.job, s.size)).collect();
            println!(
                "work s: the median of {} round(s) of the job's own timing (perf_counter around the work); spread: (max - min) / median; items per job: {}{}",
                report.repeat,
                sizes.join(", "),
                report.min_time_s.map(|t| format!(" (calibrated to {t} s of sequential work)")).unwrap_or_default()
            );
            println!("{}", startup_line(&report.startup_s));
            println!();
            for sentence in &report.summary {
                println!("{}\n", wrap(sentence, 96));
            }
        }
        if let Some(path) = &args.svg {
            write_file(path, crate::chart::compare_chart(report))?;
        }
        write_views(args.trace.as_deref(), args.timeline.as_deref(), &outcome.trace, "gilvm compare: each thread's state over time, one panel per run", &format!("{}; recorded with GIL events in a separate run after the timed ones", crate::report::settings(report)))?;
        Ok(report.rows.iter().all(|r| r.error.is_none()))
    });
    match result {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(e) => {
            eprintln!("gilvm compare: {e}");
            2
        }
    }
}

/// `gilvm sweep`.
pub fn sweep_main(args: &SweepArgs) -> i32 {
    let events = args.trace.is_some() || args.timeline.is_some();
    if events {
        eprintln!("gilvm sweep: --trace/--timeline record GIL events in one extra run per gilvm configuration, after the timed runs (recording slows a run; the table does not come from it)");
    }
    let result =
        Runner::new(Default::default(), timeout(args.timeout), events).and_then(|mut runner| {
            let outcome = run_sweep(args, &mut runner)?;
            let report = &outcome.report;
            if args.json {
                let text = serde_json::to_string_pretty(report).map_err(|e| e.to_string())?;
                println!("{text}");
            } else {
                print!("{}", sweep_table(&report.rows));
                println!();
                for sentence in &report.summary {
                    println!("{}\n", wrap(sentence, 96));
                }
            }
            if let Some(path) = &args.svg {
                write_file(path, crate::sweep_chart::sweep_chart(report))?;
            }
            write_views(
                args.trace.as_deref(),
                args.timeline.as_deref(),
                &outcome.trace,
                "gilvm sweep: each thread's state over time, one panel per configuration",
                &format!("{} wake-ups per run; recorded with GIL events in a separate run after the timed ones", report.sleeps),
            )?;
            Ok(report.rows.iter().all(|r| r.error.is_none()))
        });
    match result {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(e) => {
            eprintln!("gilvm sweep: {e}");
            2
        }
    }
}

/// What `gilvm run` writes at exit from its threads' reports and its multiprocessing workers'
/// (`workers`, empty unless some reported): the `--stats-json` file, the `--trace` (a process
/// per interpreter process) and the `--timeline` (a group of lanes per process). Returns an
/// error message for the user.
pub fn write_run_outputs(
    reports: &[ThreadReport],
    workers: &[WorkerReport],
    script: &str,
    stats_json: Option<&Path>,
    trace: Option<&Path>,
    timeline: Option<&Path>,
) -> Result<(), String> {
    if let Some(path) = stats_json {
        StatsFile::from_run(reports, workers).write(path)?;
    }
    if trace.is_none() && timeline.is_none() {
        return Ok(());
    }
    let main_name = if workers.is_empty() {
        format!("gilvm {script}")
    } else {
        format!("gilvm {script}: MainProcess")
    };
    let mut processes = vec![TraceProcess {
        pid: std::process::id(),
        run: 1,
        name: main_name,
        offset: std::time::Duration::ZERO,
        threads: reports.to_vec(),
    }];
    processes.extend(workers.iter().map(|w| TraceProcess {
        pid: w.pid,
        run: 1,
        name: format!("{} (pid {})", w.name, w.pid),
        offset: w.offset,
        threads: w.threads.clone(),
    }));
    if let Some(path) = trace {
        write_chrome_trace(path, &processes)?;
    }
    if let Some(path) = timeline {
        crate::timeline::write_timeline(
            path,
            &processes,
            &format!("gilvm run {script}: threads by state"),
            "",
        )?;
    }
    Ok(())
}

/// The `--gil-stats` text of `gilvm run`: the table of the main process's threads alone, or,
/// when multiprocessing workers reported, a table per process under a header naming it.
pub fn format_run_stats(reports: &[ThreadReport], workers: &[WorkerReport]) -> String {
    if workers.is_empty() {
        return format_gil_stats(reports);
    }
    let mut out = format!(
        "MainProcess (pid {})\n{}",
        std::process::id(),
        format_gil_stats(reports)
    );
    for w in workers {
        out.push_str(&format!(
            "\n{} (pid {}, started {:.3} ms after MainProcess)\n{}",
            w.name,
            w.pid,
            w.offset.as_secs_f64() * 1000.0,
            format_gil_stats(&w.threads)
        ));
    }
    out
}
