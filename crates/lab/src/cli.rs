//! The entry points the `gilvm` binary calls: `compare`, `sweep`, and the outputs of
//! `run --trace/--timeline/--stats-json`. Each returns the process exit status.

use std::path::Path;

use gilvm_vm::gil::ThreadReport;

use crate::args::{CompareArgs, SweepArgs};
use crate::compare::{run_compare, timeout};
use crate::gilstats::StatsFile;
use crate::report::{table, wrap};
use crate::runner::Runner;
use crate::sweep::{run_sweep, sweep_table};
use crate::trace::{write_chrome_trace, TraceProcess};

fn write_views(
    trace: Option<&Path>,
    timeline: Option<&Path>,
    processes: &[TraceProcess],
    title: &str,
) -> Result<(), String> {
    if (trace.is_some() || timeline.is_some()) && processes.is_empty() {
        eprintln!("gilvm: no GIL events were recorded (this gilvm build records none yet): the trace and timeline are empty");
    }
    if let Some(path) = trace {
        write_chrome_trace(path, processes)?;
    }
    if let Some(path) = timeline {
        crate::timeline::write_timeline(path, processes, title)?;
    }
    Ok(())
}

fn write_file(path: &Path, text: String) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `gilvm compare`.
pub fn compare_main(args: &CompareArgs) -> i32 {
    let events = args.trace.is_some() || args.timeline.is_some();
    let result = Runner::new(args.gil.clone(), timeout(args.timeout), events).and_then(|mut runner| {
        let outcome = run_compare(args, &mut runner)?;
        let report = &outcome.report;
        if args.json {
            let text = serde_json::to_string_pretty(report).map_err(|e| e.to_string())?;
            println!("{text}");
        } else {
            print!("{}", table(&report.rows));
            if report.rows.iter().any(|r| r.error.is_none() && r.runtime == "gilvm" && r.gil_wait_share.is_none()) {
                println!("(GIL wait and switches show '-' where the run recorded no GIL statistics.)");
            }
            println!();
            for sentence in &report.summary {
                println!("{}\n", wrap(sentence, 96));
            }
        }
        if let Some(path) = &args.svg {
            write_file(path, crate::chart::compare_chart(&report.rows))?;
        }
        write_views(args.trace.as_deref(), args.timeline.as_deref(), &outcome.trace, "gilvm compare: threads by state")?;
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
    let result =
        Runner::new(Default::default(), timeout(args.timeout), events).and_then(|mut runner| {
            let outcome = run_sweep(args, &mut runner)?;
            let report = &outcome.report;
            if args.json {
                let text = serde_json::to_string_pretty(report).map_err(|e| e.to_string())?;
                println!("{text}");
            } else {
                print!("{}", sweep_table(&report.rows));
            }
            if let Some(path) = &args.svg {
                write_file(path, crate::chart::sweep_chart(&report.rows))?;
            }
            write_views(
                args.trace.as_deref(),
                args.timeline.as_deref(),
                &outcome.trace,
                "gilvm sweep: threads by state",
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

/// What `gilvm run` writes at exit from its threads' reports: the `--stats-json` file, the
/// `--trace` and the `--timeline`. Returns an error message for the user.
pub fn write_run_outputs(
    reports: &[ThreadReport],
    script: &str,
    stats_json: Option<&Path>,
    trace: Option<&Path>,
    timeline: Option<&Path>,
) -> Result<(), String> {
    if let Some(path) = stats_json {
        StatsFile::from_reports(reports).write(path)?;
    }
    let process = TraceProcess {
        pid: std::process::id(),
        name: format!("gilvm {script}"),
        offset: std::time::Duration::ZERO,
        threads: reports.to_vec(),
    };
    if let Some(path) = trace {
        write_chrome_trace(path, std::slice::from_ref(&process))?;
    }
    if let Some(path) = timeline {
        crate::timeline::write_timeline(
            path,
            std::slice::from_ref(&process),
            &format!("gilvm run {script}: threads by state"),
        )?;
    }
    Ok(())
}
