//! The text of `compare`: the table and the sentences that say what its numbers show.

use std::fmt::Write;

use crate::compare::Row;

fn opt(v: Option<f64>, f: impl Fn(f64) -> String) -> String {
    v.map_or_else(|| "-".to_string(), f)
}

/// The table: one line per row, failed rows with their reason.
pub fn table(rows: &[Row]) -> String {
    let headers = [
        "runtime", "job", "mode", "workers", "wall s", "cpu s", "speedup", "effic.", "GIL wait",
        "switches",
    ];
    let mut cells: Vec<Vec<String>> = Vec::new();
    for r in rows {
        if let Some(error) = &r.error {
            cells.push(vec![
                r.runtime.clone(),
                r.job.clone(),
                r.mode.clone(),
                r.workers.to_string(),
                format!("failed: {error}"),
            ]);
            continue;
        }
        cells.push(vec![
            r.runtime.clone(),
            r.job.clone(),
            r.mode.clone(),
            r.workers.to_string(),
            opt(r.wall_s, |v| format!("{v:.3}")),
            opt(r.cpu_s, |v| format!("{v:.3}")),
            opt(r.speedup, |v| format!("{v:.2}x")),
            opt(r.efficiency, |v| format!("{:.0}%", v * 100.0)),
            opt(r.gil_wait_share, |v| format!("{:.0}%", v * 100.0)),
            r.switches
                .map_or_else(|| "-".to_string(), |v| v.to_string()),
        ]);
    }
    let mut widths: Vec<usize> = headers.iter().map(|h| h.len()).collect();
    for line in &cells {
        if line.len() == headers.len() {
            for (w, cell) in widths.iter_mut().zip(line) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let mut out = String::new();
    let render = |out: &mut String, line: &[String]| {
        let mut text = String::new();
        for (i, cell) in line.iter().enumerate() {
            let last = i + 1 == line.len();
            let width = if last && line.len() < headers.len() {
                0
            } else {
                widths[i]
            };
            if i > 0 {
                text.push_str("  ");
            }
            // Names left-aligned, figures right-aligned.
            if i < 3 || (last && line.len() < headers.len()) {
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

/// The speedup of (runtime, job, mode) at its largest worker count, with that count and the
/// row's GIL wait share.
fn at_most_workers<'a>(rows: &'a [Row], runtime: &str, job: &str, mode: &str) -> Option<&'a Row> {
    rows.iter()
        .filter(|r| r.runtime == runtime && r.job == job && r.mode == mode && r.speedup.is_some())
        .max_by_key(|r| r.workers)
}

fn count(n: u32, noun: &str) -> String {
    match (n, noun) {
        (1, _) => format!("1 {noun}"),
        (_, "process") => format!("{n} processes"),
        _ => format!("{n} {noun}s"),
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn x(v: f64) -> String {
    format!("{v:.2}x")
}

/// A speedup below this does not count as one (noise, start-up costs).
const REAL_SPEEDUP: f64 = 1.3;

/// Two or three sentences per runtime saying what the numbers show, from the numbers.
pub fn summarize(rows: &[Row], cores: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut runtimes: Vec<&str> = Vec::new();
    for r in rows {
        if !runtimes.contains(&r.runtime.as_str()) {
            runtimes.push(&r.runtime);
        }
    }
    for runtime in runtimes {
        let who = if runtime == "gilvm" {
            String::new()
        } else {
            format!("Under {runtime}, ")
        };
        let mut jobs: Vec<&str> = Vec::new();
        for r in rows.iter().filter(|r| r.runtime == runtime) {
            if !jobs.contains(&r.job.as_str()) {
                jobs.push(&r.job);
            }
        }
        for job in jobs {
            let threads = at_most_workers(rows, runtime, job, "threads");
            let procs = at_most_workers(rows, runtime, job, "processes");
            let coros = at_most_workers(rows, runtime, job, "coroutines");
            let speed = |r: Option<&Row>| r.and_then(|r| r.speedup.map(|s| (s, r.workers)));
            let (t, p, c) = (speed(threads), speed(procs), speed(coros));
            let fast = |v: Option<(f64, u32)>| v.is_some_and(|(s, _)| s >= REAL_SPEEDUP);
            let sentence = if t.is_some() && !fast(t) && fast(p) {
                let (ts, tw) = t.unwrap_or_default();
                let (ps, pw) = p.unwrap_or_default();
                let wait = threads
                    .and_then(|t| t.gil_wait_share.filter(|_| t.workers > 1))
                    .map(|w| {
                        format!(
                            ", its threads waiting for the GIL {:.0}% of their time",
                            w * 100.0
                        )
                    })
                    .unwrap_or_default();
                Some(format!(
                    "{who}the {job} job does not get faster with threads ({} with {}{wait}) but does \
                     with processes ({} with {} on {cores} cores): under the GIL only one thread \
                     runs Python code at a time, while each process has its own interpreter and GIL.",
                    x(ts),
                    count(tw, "thread"),
                    x(ps),
                    count(pw, "process")
                ))
            } else if fast(t) || fast(c) {
                let mut overlap = Vec::new();
                if let Some((s, w)) = t.filter(|_| fast(t)) {
                    overlap.push(format!("{} reach {}", count(w, "thread"), x(s)));
                }
                if let Some((s, w)) = c.filter(|_| fast(c)) {
                    overlap.push(format!("{} reach {}", count(w, "coroutine"), x(s)));
                }
                let why = match (fast(t), fast(c)) {
                    (true, true) => "a thread blocked in a sleep releases the GIL and an awaiting coroutine hands the event loop to another",
                    (true, false) => "a thread blocked in a sleep releases the GIL",
                    _ => "an awaiting coroutine hands the event loop to another",
                };
                let mut rest = Vec::new();
                if let Some((s, w)) = t.filter(|_| !fast(t)) {
                    rest.push(format!("{} only {}", count(w, "thread"), x(s)));
                }
                if let Some((s, w)) = c.filter(|_| !fast(c)) {
                    rest.push(format!("{} only {}", count(w, "coroutine"), x(s)));
                }
                if let Some((s, w)) = p {
                    rest.push(format!("{} {}", count(w, "process"), x(s)));
                }
                let rest = if rest.is_empty() {
                    String::new()
                } else {
                    format!(" (against {})", rest.join(", "))
                };
                Some(format!(
                    "{who}the {job} job overlaps its waits: {}{rest}, because {why}.",
                    overlap.join(" and ")
                ))
            } else if let (Some((ts, tw)), None) = (t.filter(|_| !fast(t)), p) {
                let wait = threads
                    .and_then(|t| t.gil_wait_share.filter(|_| t.workers > 1))
                    .map(|w| {
                        format!(
                            ", its threads waiting for the GIL {:.0}% of their time",
                            w * 100.0
                        )
                    })
                    .unwrap_or_default();
                Some(format!(
                    "{who}the {job} job does not get faster with threads ({} with {}{wait}): under \
                     the GIL only one thread runs Python code at a time.",
                    x(ts),
                    count(tw, "thread")
                ))
            } else if let Some((s, w)) = p.filter(|_| fast(p)) {
                Some(format!(
                    "{who}only processes speed the {job} job up: {} with {}.",
                    x(s),
                    count(w, "process")
                ))
            } else {
                rows.iter()
                    .filter(|r| r.runtime == runtime && r.job == job && r.mode != "sequential")
                    .filter_map(|r| r.speedup.map(|s| (s, r)))
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(s, r)| {
                        format!(
                            "{who}nothing runs the {job} job much faster than sequentially: the best is \
                             {} with {} at {}.",
                            r.mode,
                            count(r.workers, "worker"),
                            x(s)
                        )
                    })
            };
            let sentence = sentence.map(|s| capitalize(&s));
            out.extend(sentence);
        }
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
mod tests {
    use super::*;
    use crate::compare::fill_speedups;

    fn row(runtime: &str, job: &str, mode: &str, workers: u32, wall: f64) -> Row {
        Row {
            runtime: runtime.into(),
            job: job.into(),
            mode: mode.into(),
            workers,
            wall_s: Some(wall),
            cpu_s: Some(wall),
            speedup: None,
            efficiency: None,
            gil_wait_share: Some(0.5),
            forced_switches: Some(10),
            voluntary_switches: Some(2),
            switches: Some(12),
            gil_processes: Some(1),
            walls_s: vec![wall],
            error: None,
        }
    }

    fn sample() -> Vec<Row> {
        let mut rows = vec![
            row("gilvm", "cpu", "sequential", 1, 1.0),
            row("gilvm", "cpu", "threads", 4, 1.02),
            row("gilvm", "cpu", "processes", 4, 0.55),
            row("gilvm", "io", "sequential", 1, 0.16),
            row("gilvm", "io", "threads", 4, 0.042),
            row("gilvm", "io", "coroutines", 4, 0.041),
        ];
        fill_speedups(&mut rows);
        rows
    }

    #[test]
    fn table_aligns_and_shows_failures() {
        let mut rows = sample();
        rows.push(Row {
            error: Some("NameError: x".into()),
            ..row("gilvm", "mixed", "coroutines", 2, 0.0)
        });
        let t = table(&rows);
        let lines: Vec<&str> = t.lines().collect();
        assert!(lines[0].starts_with("runtime") && lines[0].ends_with("switches"));
        assert!(
            lines[2].contains("0.98x") && lines[2].contains("25%") && lines[2].contains("50%"),
            "{t}"
        );
        assert!(lines.last().unwrap().contains("failed: NameError: x"));
        let width = lines[0].len();
        assert!(lines[1..7].iter().all(|l| l.len() == width), "{t}");
    }

    #[test]
    fn sentences_follow_the_numbers() {
        let s = summarize(&sample(), 2);
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].starts_with("The cpu job"), "{}", s[0]);
        assert!(
            s[0].contains("does not get faster with threads (0.98x with 4 threads"),
            "{}",
            s[0]
        );
        assert!(
            s[0].contains("1.82x with 4 processes on 2 cores"),
            "{}",
            s[0]
        );
        assert!(
            s[1].contains("overlaps its waits: 4 threads reach 3.81x and 4 coroutines reach 3.90x"),
            "{}",
            s[1]
        );
        // If threads had sped the CPU job up, the text would not claim the opposite.
        let mut rows = sample();
        rows[1].wall_s = Some(0.5);
        fill_speedups(&mut rows);
        assert!(!summarize(&rows, 2)[0].contains("does not get faster"));
        // Without processes (say they failed), threads alone still tell the GIL's story.
        let mut rows = sample();
        rows.remove(2);
        let s = summarize(&rows, 2);
        assert!(
            s[0].contains("does not get faster with threads (0.98x with 4 threads, its threads waiting for the GIL 50%"),
            "{}",
            s[0]
        );
    }

    #[test]
    fn wrap_keeps_words() {
        assert_eq!(wrap("aaa bbb ccc", 7), "aaa bbb\nccc");
    }
}
