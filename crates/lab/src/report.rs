//! The text of `compare`: the table and the sentences that say what its numbers show.
//!
//! Every sentence is derived from the rows and from what each job declares it is
//! ([`JobKind`]): a cause is named only where the job's kind and the figures both support it
//! (a job that never waits never "overlaps its waits"), a speedup is quoted only from a row
//! with more than one worker, and nothing is called "the best". `tests` feeds synthetic rows
//! of every kind and pattern and checks each claim against them.

use std::fmt::Write;

use gilvm_vm::runtime::gil::{DEFAULT_SWITCH_INSTRUCTIONS, DEFAULT_SWITCH_INTERVAL};

use crate::compare::{CompareReport, Row, Startup, NOISY_SPREAD};
use crate::workloads::JobKind;

fn opt(v: Option<f64>, f: impl Fn(f64) -> String) -> String {
    v.map_or_else(|| "-".to_string(), f)
}

/// The table: one line per row; failed and not-run rows say why after the names.
pub fn table(rows: &[Row]) -> String {
    let headers = [
        "runtime",
        "job",
        "mode",
        "workers",
        "work s",
        "spread",
        "cpu s",
        "cpu use",
        "speedup",
        "effic.",
        "GIL wait",
        "switches",
        "hand-off s",
    ];
    let mut cells: Vec<Vec<String>> = Vec::new();
    for r in rows {
        let names = vec![
            r.runtime.clone(),
            r.job.clone(),
            r.mode.clone(),
            r.workers.to_string(),
        ];
        let why = match (&r.not_run, &r.error) {
            (Some(why), _) => Some(format!("not run: {why}")),
            (None, Some(e)) => Some(format!("failed: {e}")),
            _ => None,
        };
        if let Some(why) = why {
            let mut line = names;
            line.push(why);
            cells.push(line);
            continue;
        }
        let mut line = names;
        line.extend([
            opt(r.work_s, |v| format!("{v:.3}")),
            opt(r.spread, |v| {
                let mark = if v > NOISY_SPREAD { "!" } else { "" };
                format!("{:.0}%{mark}", v * 100.0)
            }),
            opt(r.cpu_s, |v| format!("{v:.3}")),
            opt(r.cpu_use, |v| format!("{:.0}%", v * 100.0)),
            opt(r.speedup, |v| format!("{v:.2}x")),
            opt(r.efficiency, |v| format!("{:.0}%", v * 100.0)),
            opt(r.gil_wait_share, |v| format!("{:.0}%", v * 100.0)),
            r.switches
                .map_or_else(|| "-".to_string(), |v| v.to_string()),
            opt(r.handoff_s, |v| format!("{v:.3}")),
        ]);
        cells.push(line);
    }
    // Every line counts for the name columns; only full lines for the figures.
    let mut widths: Vec<usize> = headers.iter().map(|h| h.len()).collect();
    for line in &cells {
        let full = line.len() == headers.len();
        for (i, cell) in line.iter().enumerate() {
            if i < 4 || full {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
    }
    let mut out = String::new();
    let render = |out: &mut String, line: &[String]| {
        let mut text = String::new();
        for (i, cell) in line.iter().enumerate() {
            let reason = i == 4 && line.len() < headers.len();
            if i > 0 {
                text.push_str("  ");
            }
            let width = if reason { 0 } else { widths[i] };
            // Names and reasons left-aligned, figures right-aligned.
            if i < 3 || reason {
                let _ = write!(text, "{cell:<width$}");
            } else {
                let _ = write!(text, "{cell:>width$}");
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    let header: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
    render(&mut out, &header);
    for line in &cells {
        render(&mut out, line);
    }
    out
}

/// The run's settings in one line, for the pictures: cores, items, rounds, gilvm's GIL.
pub fn settings(report: &CompareReport) -> String {
    let sizes: Vec<String> = report
        .sizes
        .iter()
        .map(|s| format!("{} {}", s.job, s.size))
        .collect();
    format!(
        "{} cores; items: {}; median of {} round(s); gilvm GIL: {}",
        report.cores,
        sizes.join(", "),
        report.repeat,
        gil_settings(
            report.switch_instructions,
            report.switch_interval_ms,
            report.gil_policy.as_deref()
        )
    )
}

/// gilvm's GIL settings as a phrase ("switch every 100 instructions or 15 ms, policy fifo").
pub fn gil_settings(
    instructions: Option<u32>,
    interval_ms: Option<f64>,
    policy: Option<&str>,
) -> String {
    let n = instructions.unwrap_or(DEFAULT_SWITCH_INSTRUCTIONS);
    let ms = interval_ms.unwrap_or(DEFAULT_SWITCH_INTERVAL.as_nanos() as f64 / 1e6);
    let every = if n == 0 {
        format!("switch after a waiter waited {ms} ms")
    } else {
        format!("switch every {n} instructions or after a waiter waited {ms} ms")
    };
    format!("{every}, policy {}", policy.unwrap_or("fifo"))
}

/// The line under the table with each runtime's start-up time.
pub fn startup_line(startup: &[Startup]) -> String {
    let parts: Vec<String> = startup
        .iter()
        .map(|s| format!("{} {:.0} ms", s.runtime, s.seconds * 1000.0))
        .collect();
    format!(
        "start-up (an empty script, not in the work times): {}",
        parts.join(", ")
    )
}

fn count(n: u32, noun: &str) -> String {
    match (n, noun) {
        (1, _) => format!("1 {noun}"),
        (_, noun) if noun.ends_with("ss") => format!("{n} {noun}es"),
        _ => format!("{n} {noun}s"),
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A speedup as the table prints it.
pub fn x(v: f64) -> String {
    format!("{v:.2}x")
}

/// A speedup at least this is "faster" ...
pub const FASTER: f64 = 1.3;
/// ... and at most this is "slower"; between the two it is "about the same".
pub const SLOWER: f64 = 0.9;
/// CPU time growing by this factor (threads against sequential) is switch overhead.
pub const CPU_GROWTH: f64 = 1.5;
/// The GIL in transit for this share of a threads row's time makes the hand-offs the cause.
pub const HANDOFF_SHARE: f64 = 0.25;

/// What a job is, for the sentences: the built-in jobs by name, others by kind.
fn job_words(job: &str, kind: JobKind) -> &'static str {
    match (job, kind) {
        ("net", _) => "round trips to a local echo server",
        ("files", _) => "it writes, fsyncs and reads back a file",
        ("subprocess", _) => "it runs a short child process",
        ("native", _) => "it hashes 4 MB buffers in native code that releases the GIL",
        (_, JobKind::Cpu) => "it only computes",
        (_, JobKind::Io) => "it only sleeps",
        (_, JobKind::Mixed) => "it computes, then sleeps",
        (_, JobKind::Native) => "it computes in native code that releases the GIL",
        (_, JobKind::User) => "your function",
    }
}

/// What a thread of the job blocks in (releasing the GIL), for the sentences.
fn wait_words(job: &str) -> &'static str {
    match job {
        "net" => "a recv",
        "files" => "a write, fsync or read",
        "subprocess" => "a wait for its child",
        _ => "a sleep",
    }
}

/// The measured row of (runtime, job, mode) with the most workers, if that is more than one.
fn top<'a>(rows: &'a [Row], runtime: &str, job: &str, mode: &str) -> Option<&'a Row> {
    rows.iter()
        .filter(|r| r.runtime == runtime && r.job == job && r.mode == mode)
        .filter(|r| r.measured() && r.speedup.is_some() && r.workers > 1)
        .max_by_key(|r| r.workers)
}

fn noun(mode: &str) -> &'static str {
    match mode {
        "threads" => "thread",
        "processes" => "process",
        "thread-pool" => "pool thread",
        "process-pool" => "pool process",
        _ => "coroutine",
    }
}

/// The share of a threads row's work time the GIL spent in transit between threads, if known.
pub fn handoff_share(t: &Row) -> Option<f64> {
    match (t.handoff_s, t.work_s) {
        (Some(h), Some(w)) if w > 0.0 => Some(h / w),
        _ => None,
    }
}

/// The share of the sequential run's time spent computing (CPU time over wall time; both
/// include start-up, so this overstates it a little), if known.
pub fn compute_share(seq: &Row) -> Option<f64> {
    match (seq.cpu_s, seq.process_wall_s.or(seq.work_s)) {
        (Some(c), Some(w)) if w > 0.0 => Some((c / w).min(1.0)),
        _ => None,
    }
}

/// The cause of the threads row `t` (the most workers) that its figures and the job's kind
/// support, if any.
fn thread_cause(seq: &Row, t: &Row) -> Option<String> {
    let kind = seq.kind;
    let s = t.speedup.unwrap_or_default();
    let growth = match (t.cpu_s, seq.cpu_s) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    };
    let w = count(t.workers, "thread");
    let switches = t
        .switches
        .map(|n| format!(" ({n} switches)"))
        .unwrap_or_default();
    // The lock in transit for a good part of the time: the hand-offs are what costs.
    let transit = handoff_share(t).filter(|&h| h >= HANDOFF_SHARE).map(|_| {
        format!(
            "the GIL was in transit between threads for {:.2} s of the {:.2} s{switches}",
            t.handoff_s.unwrap_or_default(),
            t.work_s.unwrap_or_default()
        )
    });
    match kind {
        JobKind::Cpu if s < SLOWER && growth.is_some_and(|g| g >= CPU_GROWTH) => {
            let mut c = format!(
                "{w} are slower than one: they use {:.1}x the sequential CPU time",
                growth.unwrap_or_default()
            );
            match &transit {
                Some(tr) => {
                    let _ = write!(c, ", and {tr}");
                }
                None => {
                    if let Some(n) = t.switches {
                        let _ = write!(c, " over {n} GIL switches");
                    }
                }
            }
            c.push_str(
                "; under the GIL one thread computes at a time, so more threads only add \
                 switching",
            );
            Some(c)
        }
        JobKind::Cpu if s < FASTER => Some(format!(
            "threads cannot speed this job up: under the GIL only one thread runs Python code \
             at a time, and the job has no waits to overlap{}",
            if s < SLOWER {
                format!(
                    "; {w} even take {:.1}x the sequential time{}",
                    1.0 / s.max(1e-9),
                    transit.map(|tr| format!(" ({tr})")).unwrap_or_default()
                )
            } else {
                String::new()
            }
        )),
        JobKind::Native if s >= FASTER => Some(format!(
            "{w} compute at once although the job only computes: the native code releases the \
             GIL while it works, so threads scale like processes"
        )),
        JobKind::Native => Some(format!(
            "{w} do not scale here although the native code releases the GIL: the cores were \
             busy, or the GIL-holding part between the native calls dominates"
        )),
        JobKind::Io | JobKind::Mixed if s >= FASTER => {
            let mut c = format!(
                "threads overlap the waits: a thread blocked in {} releases the GIL",
                wait_words(&seq.job)
            );
            if kind == JobKind::Mixed && t.efficiency.is_some_and(|e| e < 0.8) {
                c.push_str(", while the computing parts still take turns holding it");
            }
            Some(c)
        }
        JobKind::Mixed if s < FASTER => {
            if let Some(tr) = transit {
                Some(format!(
                    "{w} do not overlap their sleeps here because the hand-offs cost: {tr}"
                ))
            } else if compute_share(seq).is_some_and(|c| c * f64::from(t.workers) >= 1.0) {
                Some(format!(
                    "{w} do not overlap much here: their computing parts alone would keep the \
                     GIL busy, and while one computes the others' sleeps end waiting for it"
                ))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The sentences of one (runtime, job): the figures, then the causes they support.
fn job_sentences(rows: &[Row], runtime: &str, job: &str, cores: usize) -> Vec<String> {
    let Some(seq) = rows
        .iter()
        .find(|r| r.runtime == runtime && r.job == job && r.mode == "sequential" && r.measured())
    else {
        return Vec::new();
    };
    let kind = seq.kind;
    let who = if runtime == "gilvm" {
        String::new()
    } else {
        format!("under {runtime}, ")
    };
    let modes = [
        "threads",
        "processes",
        "coroutines",
        "thread-pool",
        "process-pool",
    ];
    let tops: Vec<&Row> = modes
        .iter()
        .filter_map(|m| top(rows, runtime, job, m))
        .collect();
    if tops.is_empty() {
        return Vec::new();
    }
    let figures: Vec<String> = tops
        .iter()
        .map(|r| {
            let mark = if r.spread.is_some_and(|s| s > NOISY_SPREAD) {
                " (noisy)"
            } else {
                ""
            };
            format!(
                "{} {}{mark}",
                count(r.workers, noun(&r.mode)),
                x(r.speedup.unwrap_or_default())
            )
        })
        .collect();
    let mut out = vec![capitalize(&format!(
        "{who}the {job} job ({}), as speedups over sequential: {}.",
        job_words(job, kind),
        figures.join(", ")
    ))];
    let get = |m: &str| tops.iter().find(|r| r.mode == m).copied();
    let mut causes = Vec::new();
    if let Some(t) = get("threads") {
        causes.extend(thread_cause(seq, t));
    }
    if let Some(p) = get("processes") {
        let s = p.speedup.unwrap_or_default();
        if s >= FASTER {
            let ideal = p.workers.min(u32::try_from(cores).unwrap_or(u32::MAX));
            let bound = if kind == JobKind::Cpu {
                format!(" ({cores} cores allow about {ideal}x)")
            } else {
                String::new()
            };
            causes.push(format!(
                "each process has its own interpreter and GIL, so {} reach {}{bound}",
                count(p.workers, "process"),
                x(s)
            ));
        }
    }
    if let Some(c) = get("coroutines") {
        if kind.waits() && c.speedup.unwrap_or_default() >= FASTER {
            causes.push(
                "an awaiting coroutine hands the event loop to another, so one thread overlaps \
                 the waits"
                    .to_string(),
            );
        }
    }
    if !causes.is_empty() {
        out.push(capitalize(&format!("{}.", causes.join("; "))));
    }
    out
}

/// Where gilvm and another runtime disagree on the same job and workers by more than their
/// spreads allow, say so (and why, when the figures say why).
fn disagreements(rows: &[Row], switch_instructions: Option<u32>) -> Vec<String> {
    let mut out = Vec::new();
    for g in rows
        .iter()
        .filter(|r| r.runtime == "gilvm" && r.mode == "threads")
    {
        let Some(gs) = g.speedup.filter(|_| g.measured() && g.workers > 1) else {
            continue;
        };
        if top(rows, "gilvm", &g.job, "threads").map(|t| t.workers) != Some(g.workers) {
            continue;
        }
        for o in rows.iter().filter(|r| {
            r.runtime != "gilvm" && r.job == g.job && r.mode == "threads" && r.workers == g.workers
        }) {
            let Some(os) = o.speedup.filter(|_| o.measured()) else {
                continue;
            };
            let margin = 1.0 + 0.2 + g.spread.unwrap_or(0.0) + o.spread.unwrap_or(0.0);
            if gs.max(os) / gs.min(os).max(1e-9) <= margin {
                continue;
            }
            let mut s = format!(
                "gilvm and {} disagree on the {} job with {}: {} against {}.",
                o.runtime,
                g.job,
                count(g.workers, "thread"),
                x(gs),
                x(os)
            );
            let n = switch_instructions.unwrap_or(DEFAULT_SWITCH_INSTRUCTIONS);
            if g.kind.computes() && gs < os && n > 0 {
                let _ = write!(
                    s,
                    " gilvm hands the GIL to a waiting thread every {n} instructions (CPython \
                     only after a waiter has waited 5 ms), and each hand-off costs time{}: \
                     compare with --switch-instructions 0.",
                    g.handoff_s
                        .map(|h| format!(" ({h:.3} s in transit here)"))
                        .unwrap_or_default()
                );
            }
            out.push(s);
        }
    }
    out
}

/// The sentences under the table, from the numbers and the jobs' kinds.
pub fn summarize(rows: &[Row], cores: usize, switch_instructions: Option<u32>) -> Vec<String> {
    let mut out = Vec::new();
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for r in rows {
        if !pairs.contains(&(r.runtime.as_str(), r.job.as_str())) {
            pairs.push((&r.runtime, &r.job));
        }
    }
    for (runtime, job) in pairs {
        out.extend(job_sentences(rows, runtime, job, cores));
    }
    out.extend(disagreements(rows, switch_instructions));
    if rows
        .iter()
        .any(|r| r.measured() && r.spread.is_some_and(|s| s > NOISY_SPREAD))
    {
        out.push(format!(
            "A spread marked ! (and a figure marked noisy) varies by more than {:.0}% between \
             repeats: the machine's load moved it, read it with care.",
            NOISY_SPREAD * 100.0
        ));
    }
    let failed = rows.iter().filter(|r| r.error.is_some()).count();
    if failed > 0 {
        out.push(format!(
            "{failed} configuration(s) failed; their rows say why."
        ));
    }
    out
}

/// Wrap text to `width` columns.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if line > 0 && line + 1 + len > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += len;
    }
    out
}

#[cfg(test)]
mod tests;
