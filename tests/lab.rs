//! The lab: `gilvm compare` and `gilvm sweep` (JSON schema and the consistency of its figures,
//! the SVG charts, CPython rows, a user's job), agreement of compare's wall times with timing
//! the same run from outside, and `run --trace` / `--timeline`.

use std::collections::BTreeMap;
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

use crate::util::{self, Output, Scratch};

/// Modes that run under gilvm on this branch: their rows must not fail.
const WORKING_MODES: &[&str] = &["sequential", "threads", "processes", "coroutines"];

/// Run gilvm with a timeout suited to a lab run (many child processes of a debug build).
fn lab(args: &[&str]) -> Output {
    let mut cmd = Command::new(util::gilvm_bin());
    cmd.args(args).current_dir(util::root());
    util::run(cmd, b"", util::timeout_or(Duration::from_secs(300)))
}

fn json_of(out: &Output) -> Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e})\n{}", out.dump()))
}

fn parse_svg(path: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc =
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("SVG is not well-formed: {e}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(|t| t.trim().to_string())
        .collect()
}

const ROW_KEYS: &[&str] = &[
    "runtime",
    "job",
    "kind",
    "mode",
    "workers",
    "work_s",
    "spread",
    "works_s",
    "process_wall_s",
    "cpu_s",
    "cpu_use",
    "speedup",
    "efficiency",
    "gil_wait_share",
    "forced_switches",
    "voluntary_switches",
    "switches",
    "switches_per_s",
    "handoff_s",
    "gil_processes",
    "error",
    "not_run",
];

/// Every row has the documented keys; figures are consistent with each other.
fn check_compare_report(report: &Value) {
    assert_eq!(report["schema"], "gilvm-compare/2");
    for key in [
        "gilvm_version",
        "cores",
        "size",
        "sizes",
        "repeat",
        "min_time_s",
        "startup_s",
        "switch_instructions",
        "switch_interval_ms",
        "gil_policy",
        "rows",
        "summary",
    ] {
        assert!(report.get(key).is_some(), "missing {key}");
    }
    assert!(report["summary"]
        .as_array()
        .unwrap()
        .iter()
        .all(Value::is_string));
    for s in report["startup_s"].as_array().unwrap() {
        assert!(s["seconds"].as_f64().unwrap() > 0.0, "{s}");
    }
    let rows = report["rows"].as_array().unwrap();
    let mut sequential: BTreeMap<(String, String), f64> = BTreeMap::new();
    for row in rows {
        for key in ROW_KEYS {
            assert!(row.get(*key).is_some(), "row lacks {key}: {row}");
        }
        if row["mode"] == "sequential" {
            assert_eq!(row["workers"], 1);
            if let Some(work) = row["work_s"].as_f64() {
                sequential.insert((row["runtime"].to_string(), row["job"].to_string()), work);
            }
        }
    }
    for row in rows {
        let mode = row["mode"].as_str().unwrap();
        if row["runtime"] == "gilvm" && WORKING_MODES.contains(&mode) || row["runtime"] != "gilvm" {
            assert!(row["error"].is_null(), "a {mode} row failed: {row}");
        }
        if !row["error"].is_null() || !row["not_run"].is_null() {
            assert!(row["work_s"].is_null() && row["speedup"].is_null(), "{row}");
            continue;
        }
        let work = row["work_s"].as_f64().unwrap();
        let wall = row["process_wall_s"].as_f64().unwrap();
        let cpu = row["cpu_s"].as_f64().unwrap();
        assert!(work > 0.0 && cpu >= 0.0, "{row}");
        assert!(
            wall >= work,
            "the process lasts longer than its work: {row}"
        );
        let works: Vec<f64> = row["works_s"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect();
        assert_eq!(works.len() as u64, report["repeat"].as_u64().unwrap());
        assert!(works.contains(&work), "work_s is one of the runs: {row}");
        if works.len() > 1 {
            let (min, max) = works
                .iter()
                .fold((f64::MAX, 0.0f64), |(a, b), &w| (a.min(w), b.max(w)));
            let spread = row["spread"].as_f64().unwrap();
            assert!((spread - (max - min) / work).abs() < 1e-9, "{row}");
        }
        let base = sequential[&(row["runtime"].to_string(), row["job"].to_string())];
        let speedup = row["speedup"].as_f64().unwrap();
        assert!(
            (speedup - base / work).abs() < 1e-9,
            "speedup = sequential / work: {row}"
        );
        let workers = row["workers"].as_f64().unwrap();
        assert!(
            (row["efficiency"].as_f64().unwrap() - speedup / workers).abs() < 1e-9,
            "{row}"
        );
        if row["runtime"] != "gilvm" {
            assert!(
                row["gil_wait_share"].is_null() && row["switches"].is_null(),
                "{row}"
            );
        } else {
            assert!(
                row["gil_wait_share"].is_f64() && row["handoff_s"].is_f64(),
                "gilvm runs report GIL stats: {row}"
            );
        }
        if let Some(share) = row["gil_wait_share"].as_f64() {
            assert!((0.0..=1.0).contains(&share), "{row}");
            let (f, v) = (
                row["forced_switches"].as_u64().unwrap(),
                row["voluntary_switches"].as_u64().unwrap(),
            );
            let switches = row["switches"].as_u64().unwrap();
            assert_eq!(switches, f + v);
            let per_s = row["switches_per_s"].as_f64().unwrap();
            assert!(
                (per_s - switches as f64 / work).abs() < 1e-6 * per_s.max(1.0),
                "{row}"
            );
        }
    }
}

#[test]
fn compare_json_schema_and_consistent_figures() {
    let out = lab(&[
        "compare",
        "--json",
        "--size",
        "1",
        "--workers",
        "1,2",
        "--repeat",
        "2",
    ]);
    assert!(
        out.status == Some(0) || out.status == Some(1),
        "{}",
        out.dump()
    );
    let report = json_of(&out);
    check_compare_report(&report);
    let rows = report["rows"].as_array().unwrap();
    // cpu: sequential + 2 thread + 2 process rows and a "not run" coroutine row; io and
    // mixed: sequential and 2 rows of each mode.
    assert_eq!(rows.len(), 6 + 7 + 7, "{}", out.stdout);
    let cpu_coroutines: Vec<&Value> = rows
        .iter()
        .filter(|r| r["job"] == "cpu" && r["mode"] == "coroutines")
        .collect();
    assert_eq!(cpu_coroutines.len(), 1);
    assert!(
        cpu_coroutines[0]["not_run"]
            .as_str()
            .unwrap()
            .contains("nothing to await"),
        "{}",
        cpu_coroutines[0]
    );
    assert_eq!(
        report["min_time_s"],
        Value::Null,
        "--size given: no calibration"
    );
}

#[test]
fn compare_table_and_sentences() {
    let out = lab(&[
        "compare",
        "--repeat",
        "1",
        "--size",
        "12",
        "--jobs",
        "io",
        "--modes",
        "coroutines",
        "--workers",
        "1,4",
    ]);
    assert_eq!(out.status, Some(0), "{}", out.dump());
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines[0].starts_with("runtime") && lines[0].contains("GIL wait"),
        "{}",
        out.stdout
    );
    let rows: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("gilvm    io"))
        .collect();
    assert_eq!(rows.len(), 3, "{}", out.stdout);
    // 12 sleeps of 20 ms, 3 per coroutine: 4 coroutines overlap them.
    let wall = |row: &str| -> f64 { row.split_whitespace().nth(4).unwrap().parse().unwrap() };
    let (seq, coro) = (wall(rows[0]), wall(rows[2]));
    assert!(coro < seq, "{}", out.stdout);
    // Sentences (their wording follows the numbers, see report.rs) follow the table.
    let text = out.stdout.split("\n\n").nth(1).unwrap_or("");
    assert!(
        text.contains("the io job") || text.starts_with("The io job"),
        "{}",
        out.stdout
    );
    // Not a terminal: no progress bar on stderr.
    assert!(!out.stderr.contains("runs"), "{}", out.stderr);
}

#[test]
fn compare_with_python_adds_cpython_rows() {
    let python = util::python3();
    let scratch = Scratch::new("compare-python");
    let svg = scratch.path.join("chart.svg");
    let out = lab(&[
        "compare",
        "--json",
        "--repeat",
        "1",
        "--python",
        &python,
        "--jobs",
        "cpu,io",
        "--modes",
        "threads,processes,coroutines",
        "--workers",
        "2",
        "--size",
        "2",
        "--svg",
        svg.to_str().unwrap(),
    ]);
    let report = json_of(&out);
    check_compare_report(&report);
    let py_rows: Vec<&Value> = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["runtime"] != "gilvm")
        .collect();
    // cpu: sequential, threads, processes and coroutines not run; io: all four run.
    assert_eq!(py_rows.len(), 4 + 4, "{}", out.stdout);
    let texts = parse_svg(&svg);
    assert!(
        texts
            .iter()
            .any(|t| t.ends_with(" cpu") && t.starts_with("python")),
        "{texts:?}"
    );
}

#[test]
fn compare_runs_a_users_function() {
    let scratch = Scratch::new("compare-job");
    let file = scratch.write(
        "work.py",
        "import time\n\ndef nap(i):\n    time.sleep(0.01)\n",
    );
    let spec = format!("{}:nap", file.display());
    let out = lab(&[
        "compare",
        "--repeat",
        "1",
        "--json",
        "--job",
        &spec,
        "--modes",
        "sequential",
        "--size",
        "2",
    ]);
    assert_eq!(out.status, Some(0), "{}", out.dump());
    let report = json_of(&out);
    let rows = report["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["job"], "work:nap");
    assert_eq!(rows[0]["kind"], "user");
    assert!(rows[0]["work_s"].as_f64().unwrap() >= 0.02);
    // A function the file does not define: one clear message before anything runs, status 2.
    let bad = lab(&[
        "compare",
        "--repeat",
        "1",
        "--job",
        &format!("{}:missing", file.display()),
        "--size",
        "1",
    ]);
    assert_eq!(bad.status, Some(2), "{}", bad.dump());
    assert!(
        bad.stderr.contains(
            "gilvm compare: job 'work:missing': the job file defines no function 'missing'"
        ),
        "{}",
        bad.dump()
    );
    assert!(bad.stdout.is_empty(), "{}", bad.dump());
}

/// A user job that raises fails every row that runs it (threads included: a thread's
/// exception reaches the driver), and coroutines, which a plain function cannot run, are a
/// "not run" row with the reason; the table stays aligned.
#[test]
fn compare_user_job_failures_and_modes_it_cannot_run() {
    let scratch = Scratch::new("compare-job-fail");
    let file = scratch.write(
        "boom.py",
        "def work(i):\n    raise ValueError('boom ' + str(i))\n",
    );
    let spec = format!("{}:work", file.display());
    let out = lab(&[
        "compare",
        "--quick",
        "--job",
        &spec,
        "--workers",
        "2",
        "--modes",
        "threads,processes,coroutines",
    ]);
    assert_eq!(out.status, Some(1), "{}", out.dump());
    let lines: Vec<&str> = out.stdout.lines().take_while(|l| !l.is_empty()).collect();
    let mode_at = lines[0].find("mode").unwrap();
    let body: Vec<&str> = lines[1..]
        .iter()
        .copied()
        .filter(|l| l.starts_with("gilvm"))
        .collect();
    assert_eq!(body.len(), 4, "{}", out.stdout);
    for (line, mode) in body
        .iter()
        .zip(["sequential", "threads", "processes", "coroutines"])
    {
        assert_eq!(line.find(mode), Some(mode_at), "aligned: {}", out.stdout);
    }
    for line in &body[..2] {
        assert!(line.contains("failed: ValueError: boom"), "{}", out.stdout);
    }
    assert!(
        body[2].contains("failed: RuntimeError: a worker process failed"),
        "{}",
        out.stdout
    );
    assert!(
        body[3].contains("not run: work is a plain function"),
        "{}",
        out.stdout
    );
}

#[test]
fn compare_rejects_bad_arguments() {
    for (args, message) in [
        (&["compare", "--jobs", "nope"][..], "unknown job 'nope'"),
        (
            &["compare", "--modes", "fibers"][..],
            "unknown mode 'fibers'",
        ),
        (
            &["compare", "--gil-policy", "bogus"][..],
            "unknown GIL policy 'bogus'",
        ),
        (&["compare", "--workers", "0"][..], "--workers"),
        (&["sweep", "--size", "0"][..], "--size"),
    ] {
        let out = lab(args);
        assert_eq!(out.status, Some(2), "{args:?}\n{}", out.dump());
        assert!(out.stderr.contains(message), "{args:?}\n{}", out.dump());
    }
}

/// compare times the work, not the process: 4 sleeps of 0.15 s give a work time of about
/// 0.6 s, and the process wall time adds the start-up around it.
#[test]
fn compare_times_the_work_not_the_process() {
    let scratch = Scratch::new("compare-timing");
    let file = scratch.write(
        "nap.py",
        "import time\n\ndef nap(i):\n    time.sleep(0.15)\n",
    );
    let spec = format!("{}:nap", file.display());
    let out = lab(&[
        "compare",
        "--repeat",
        "1",
        "--json",
        "--job",
        &spec,
        "--modes",
        "sequential",
        "--size",
        "4",
    ]);
    let report = json_of(&out);
    let row = &report["rows"][0];
    let work = row["work_s"].as_f64().unwrap();
    let wall = row["process_wall_s"].as_f64().unwrap();
    assert!((0.6..0.75).contains(&work), "{row}");
    assert!(wall > work, "{row}");
}

#[test]
fn sweep_with_python_json_and_svg() {
    let python = util::python3();
    let scratch = Scratch::new("sweep");
    let svg = scratch.path.join("sweep.svg");
    let out = lab(&[
        "sweep",
        "--json",
        "--size",
        "3",
        "--switch-interval",
        "1,5",
        "--switch-instructions",
        "100",
        "--gil-policy",
        "fifo",
        "--python",
        &python,
        "--svg",
        svg.to_str().unwrap(),
    ]);
    let report = json_of(&out);
    assert_eq!(report["schema"], "gilvm-sweep/2");
    let rows = report["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1 + 2 + 2, "{}", out.stdout);
    assert_eq!(
        rows[0]["policy"], "sleeper alone",
        "the baseline comes first"
    );
    assert!(rows[0]["throughput_mops"].is_null() && rows[0]["latency_median_ms"].is_f64());
    assert!(report["summary"][0]
        .as_str()
        .unwrap()
        .contains("Alone, the sleeper wakes"));
    for row in &rows[1..] {
        assert!(row["error"].is_null(), "{row}");
        // 3 repeats of 3 sleeps: 9 samples, too few for a p99.
        assert_eq!(row["samples"], 9, "{row}");
        assert!(row["latency_p99_ms"].is_null(), "{row}");
        if row["runtime"] == "gilvm" {
            assert_eq!(row["policy"], "fifo");
            assert!(row["forced_switches"].is_u64(), "{row}");
        } else {
            assert_eq!(row["policy"], "cpython");
        }
        let (med, max) = (
            row["latency_median_ms"].as_f64().unwrap(),
            row["latency_max_ms"].as_f64().unwrap(),
        );
        assert!(med >= 0.0 && max >= med, "{row}");
        let mops = row["throughput_mops"].as_f64().unwrap();
        let expect = row["cpu_ops"].as_f64().unwrap() / row["seconds"].as_f64().unwrap() / 1e6;
        assert!((mops - expect).abs() < 1e-9, "{row}");
        assert!(row["throughput_spread"].is_f64(), "{row}");
    }
    let texts = parse_svg(&svg);
    assert!(texts.iter().any(|t| t == "cpython 5ms"), "{texts:?}");
}

/// `run --trace` writes a Chrome trace that parses, with thread names, whose spans per thread
/// never overlap and tile the thread's life; `--timeline` a well-formed SVG with a lane per
/// thread; `--stats-json` counters that agree with the trace.
#[test]
fn run_trace_timeline_and_stats() {
    let scratch = Scratch::new("run-trace");
    let script = scratch.write(
        "two.py",
        "import threading\nimport time\n\n\ndef spin(n):\n    while n > 0:\n        n -= 1\n\n\n\
         def nap():\n    time.sleep(0.02)\n    spin(2000)\n\n\n\
         threads = [threading.Thread(target=spin, args=(20000,), name='spinner'), threading.Thread(target=nap, name='napper')]\n\
         for t in threads:\n    t.start()\nfor t in threads:\n    t.join()\nprint('done')\n",
    );
    let (trace, timeline, stats) = (
        scratch.path.join("trace.json"),
        scratch.path.join("timeline.svg"),
        scratch.path.join("stats.json"),
    );
    let out = util::gilvm(
        &[
            "run",
            "--trace",
            trace.to_str().unwrap(),
            "--timeline",
            timeline.to_str().unwrap(),
            "--stats-json",
            stats.to_str().unwrap(),
            script.to_str().unwrap(),
        ],
        b"",
        None,
    );
    assert_eq!(out.status, Some(0), "{}", out.dump());
    assert_eq!(out.stdout, "done\n");

    let value: Value = serde_json::from_str(&std::fs::read_to_string(&trace).unwrap()).unwrap();
    let events = value["traceEvents"].as_array().unwrap();
    let mut names = BTreeMap::new();
    let mut spans: BTreeMap<u64, Vec<(f64, f64, String)>> = BTreeMap::new();
    for e in events {
        let tid = e["tid"].as_u64().unwrap();
        match e["ph"].as_str().unwrap() {
            "M" if e["name"] == "thread_name" => {
                names.insert(tid, e["args"]["name"].as_str().unwrap().to_string());
            }
            "M" => {}
            "X" => spans.entry(tid).or_default().push((
                e["ts"].as_f64().unwrap(),
                e["dur"].as_f64().unwrap(),
                e["name"].as_str().unwrap().to_string(),
            )),
            other => panic!("unexpected event phase {other}"),
        }
    }
    let mut thread_names: Vec<&str> = names.values().map(String::as_str).collect();
    thread_names.sort();
    assert_eq!(thread_names, ["MainThread", "napper", "spinner"]);

    let file: Value = serde_json::from_str(&std::fs::read_to_string(&stats).unwrap()).unwrap();
    assert_eq!(file["schema"], "gilvm-gil-stats/1");
    for thread in file["threads"].as_array().unwrap() {
        let tid = thread["id"].as_u64().unwrap();
        let list = spans
            .get_mut(&tid)
            .unwrap_or_else(|| panic!("no spans for {thread}"));
        list.sort_by(|a, b| a.0.total_cmp(&b.0));
        for pair in list.windows(2) {
            let end = pair[0].0 + pair[0].1;
            assert!(
                (end - pair[1].0).abs() < 0.01,
                "thread {tid}: spans overlap or leave a gap: {pair:?}"
            );
        }
        // The spans cover the thread's life: their time per state is the thread's counters.
        let total =
            |state: &str| -> f64 { list.iter().filter(|s| s.2 == state).map(|s| s.1).sum() };
        for (state, key) in [
            ("running", "running_ns"),
            ("waiting for GIL", "waiting_ns"),
            ("blocked", "blocked_ns"),
        ] {
            let counted = thread[key].as_f64().unwrap() / 1000.0;
            assert!(
                (total(state) - counted).abs() < 1.0 + counted * 1e-6,
                "thread {tid} {state}: spans {} us, counter {counted} us",
                total(state)
            );
        }
        let first_event = thread["events"][0]["at_ns"].as_f64().unwrap() / 1000.0;
        assert!(list[0].0 >= first_event);
    }
    let napper = file["threads"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "napper")
        .unwrap();
    assert!(
        napper["blocked_ns"].as_u64().unwrap() >= 15_000_000,
        "{napper}"
    );

    let texts = parse_svg(&timeline);
    for label in [
        "MainThread",
        "napper",
        "spinner",
        "running",
        "waiting for GIL",
        "blocked",
    ] {
        assert!(
            texts.iter().any(|t| t == label),
            "{label} missing: {texts:?}"
        );
    }
}

/// A script with two `Process`es and a `Pool(2)`: `run --trace` has a process per interpreter
/// (the OS pids of the workers), each with thread spans inside the run; `--timeline` a group of
/// lanes per process; `--gil-stats` a table per process under its name; `--stats-json` the
/// workers' reports.
#[test]
fn run_trace_timeline_and_stats_cover_multiprocessing_workers() {
    let scratch = Scratch::new("run-trace-mp");
    let script = scratch.write(
        "mp.py",
        "import multiprocessing\n\n\n\
         def spin(n):\n    total = 0\n    for i in range(n):\n        total += i\n    return total\n\n\n\
         def proc(n):\n    spin(n)\n\n\n\
         if __name__ == '__main__':\n\
         \x20   ps = [multiprocessing.Process(target=proc, args=(20000,)) for _ in range(2)]\n\
         \x20   for p in ps:\n        p.start()\n\
         \x20   for p in ps:\n        p.join()\n\
         \x20   print('pids', ps[0].pid, ps[1].pid, ps[0].exitcode, ps[1].exitcode)\n\
         \x20   with multiprocessing.Pool(2) as pool:\n\
         \x20       print(pool.map(spin, [1000, 2000, 3000, 4000]))\n",
    );
    let (trace, timeline, stats) = (
        scratch.path.join("trace.json"),
        scratch.path.join("timeline.svg"),
        scratch.path.join("stats.json"),
    );
    let out = util::gilvm(
        &[
            "run",
            "--gil-stats",
            "--trace",
            trace.to_str().unwrap(),
            "--timeline",
            timeline.to_str().unwrap(),
            "--stats-json",
            stats.to_str().unwrap(),
            script.to_str().unwrap(),
        ],
        b"",
        None,
    );
    assert_eq!(out.status, Some(0), "{}", out.dump());
    let first = out.stdout.lines().next().unwrap_or_default();
    let words: Vec<&str> = first.split_whitespace().collect();
    assert_eq!(
        (words.len(), words.first(), words.get(3), words.get(4)),
        (5, Some(&"pids"), Some(&"0"), Some(&"0")),
        "{}",
        out.dump()
    );
    let process_pids: Vec<u64> = words[1..3].iter().map(|w| w.parse().unwrap()).collect();
    assert!(out
        .stdout
        .ends_with("[499500, 1999000, 4498500, 7998000]\n"));

    // The trace: one process per interpreter, named, with the workers' OS pids.
    let value: Value = serde_json::from_str(&std::fs::read_to_string(&trace).unwrap()).unwrap();
    let events = value["traceEvents"].as_array().unwrap();
    let mut names: BTreeMap<u64, String> = BTreeMap::new();
    let mut spans: BTreeMap<u64, Vec<(f64, f64)>> = BTreeMap::new();
    for e in events {
        let pid = e["pid"].as_u64().unwrap();
        match e["ph"].as_str().unwrap() {
            "M" if e["name"] == "process_name" => {
                names.insert(pid, e["args"]["name"].as_str().unwrap().to_string());
            }
            "M" => {}
            "X" => spans
                .entry(pid)
                .or_default()
                .push((e["ts"].as_f64().unwrap(), e["dur"].as_f64().unwrap())),
            other => panic!("unexpected event phase {other}"),
        }
    }
    assert!(spans.len() >= 3, "processes with spans: {names:?}");
    for pid in &process_pids {
        assert!(
            names.get(pid).is_some_and(|n| n.starts_with("Process-")),
            "worker {pid} not in the trace: {names:?}"
        );
    }
    assert!(
        names.values().any(|n| n.starts_with("SpawnPoolWorker-")),
        "{names:?}"
    );
    let main_pid = *names
        .iter()
        .find(|(_, n)| n.ends_with("MainProcess"))
        .unwrap_or_else(|| panic!("{names:?}"))
        .0;
    let end_of = |pid: u64| -> f64 {
        spans[&pid]
            .iter()
            .map(|(ts, dur)| ts + dur)
            .fold(0.0, f64::max)
    };
    let run_end = end_of(main_pid);
    for (pid, list) in &spans {
        for &(ts, dur) in list {
            assert!(dur >= 0.0, "{pid}: {ts} {dur}");
            // Within the run: workers start after the parent and end before it (1 ms of slack
            // for reading two clocks).
            assert!(
                ts >= 0.0 && ts + dur <= run_end + 1000.0,
                "{pid}: {ts}+{dur} > {run_end}"
            );
            if *pid != main_pid {
                assert!(ts > 0.0, "worker {pid} starts after its parent: {ts}");
            }
        }
    }

    // The timeline: a group per process, holding its name and a lane per thread.
    let text = std::fs::read_to_string(&timeline).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let groups: BTreeMap<u64, Vec<String>> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("process"))
        .map(|g| {
            let pid = g.attribute("data-pid").unwrap().parse().unwrap();
            let texts = g
                .descendants()
                .filter(|n| n.has_tag_name("text"))
                .filter_map(|n| n.text())
                .map(|t| t.trim().to_string())
                .collect();
            (pid, texts)
        })
        .collect();
    assert_eq!(
        groups.keys().collect::<Vec<_>>(),
        names.keys().collect::<Vec<_>>()
    );
    for (pid, texts) in &groups {
        assert_eq!(texts.first(), names.get(pid), "{texts:?}");
        assert!(texts.iter().any(|t| t == "MainThread"), "{texts:?}");
    }

    // --gil-stats: a table per process under a header naming it.
    for name in ["MainProcess (pid ", "Process-1 (pid ", "Process-2 (pid "] {
        assert!(out.stderr.contains(name), "{name}: {}", out.stderr);
    }
    for pid in &process_pids {
        assert!(out.stderr.contains(&format!(" (pid {pid}, started ")));
    }
    assert!(out.stderr.contains("SpawnPoolWorker-"), "{}", out.stderr);
    assert!(
        out.stderr.matches("running ms").count() >= 3,
        "{}",
        out.stderr
    );

    // --stats-json: the workers' reports, with events (the trace asked for them).
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&stats).unwrap()).unwrap();
    let workers = file["processes"].as_array().unwrap();
    assert_eq!(workers.len() + 1, names.len(), "{file}");
    for w in workers {
        assert!(w["offset_ns"].as_u64().unwrap() > 0, "{w}");
        let main = &w["threads"][0];
        assert_eq!(main["name"], "MainThread");
        assert!(main["running_ns"].as_u64().unwrap() > 0, "{w}");
        assert!(!main["events"].as_array().unwrap().is_empty(), "{w}");
    }
}

/// `compare`'s processes rows count the workers' GIL statistics: 3 interpreters for 2
/// workers, their switches summed; its trace has the workers' threads running.
#[test]
fn compare_processes_rows_include_the_workers() {
    let scratch = Scratch::new("compare-mp");
    let trace = scratch.path.join("trace.json");
    let out = lab(&[
        "compare",
        "--jobs",
        "cpu",
        "--modes",
        "processes",
        "--workers",
        "2",
        "--size",
        "2",
        "--repeat",
        "1",
        "--json",
        "--trace",
        trace.to_str().unwrap(),
    ]);
    assert_eq!(out.status, Some(0), "{}", out.dump());
    let report = json_of(&out);
    check_compare_report(&report);
    let rows = report["rows"].as_array().unwrap();
    let row = |mode: &str| {
        rows.iter()
            .find(|r| r["mode"] == mode)
            .unwrap_or_else(|| panic!("no {mode} row: {report}"))
    };
    let (sequential, processes) = (row("sequential"), row("processes"));
    assert_eq!(sequential["gil_processes"], 1, "{sequential}");
    assert_eq!(processes["gil_processes"], 3, "{processes}");
    // The parent releases its GIL in each join, each worker's main thread at least once (its
    // exit-time joins).
    let switches = processes["voluntary_switches"].as_u64().unwrap();
    assert!(switches >= 4, "{processes}");
    assert!(
        processes["gil_wait_share"].as_f64().is_some(),
        "{processes}"
    );

    // The trace: the workers of the processes run, each with time running Python code.
    let value: Value = serde_json::from_str(&std::fs::read_to_string(&trace).unwrap()).unwrap();
    let events = value["traceEvents"].as_array().unwrap();
    let workers: Vec<u64> = events
        .iter()
        .filter(|e| e["name"] == "process_name")
        .filter(|e| {
            let name = e["args"]["name"].as_str().unwrap();
            name.contains("processes") && name.contains(": Process-")
        })
        .map(|e| e["pid"].as_u64().unwrap())
        .collect();
    assert_eq!(workers.len(), 2, "{value}");
    for pid in workers {
        let running: f64 = events
            .iter()
            .filter(|e| e["pid"] == pid && e["ph"] == "X" && e["name"] == "running")
            .map(|e| e["dur"].as_f64().unwrap())
            .sum();
        assert!(running > 0.0, "worker track {pid} never runs");
    }
}

/// The jobs beyond the default three and the executor modes: every built-in job runs in every
/// mode it supports, under gilvm, and the rest say why not.
#[test]
fn compare_runs_every_builtin_job_in_every_mode() {
    let out = lab(&[
        "compare",
        "--json",
        "--size",
        "2",
        "--workers",
        "2",
        "--repeat",
        "1",
        "--jobs",
        "all",
        "--modes",
        "all",
    ]);
    assert_eq!(out.status, Some(0), "{}", out.dump());
    let report = json_of(&out);
    check_compare_report(&report);
    let rows = report["rows"].as_array().unwrap();
    let jobs = ["cpu", "io", "mixed", "net", "files", "subprocess", "native"];
    // Every job: sequential and one row of each of the five other modes.
    assert_eq!(rows.len(), jobs.len() * 6, "{}", out.stdout);
    for r in rows {
        let (job, mode) = (r["job"].as_str().unwrap(), r["mode"].as_str().unwrap());
        let no_coroutines = ["cpu", "files", "subprocess", "native"].contains(&job);
        if mode == "coroutines" && no_coroutines {
            assert!(r["not_run"].as_str().is_some(), "{r}");
        } else {
            assert!(r["work_s"].as_f64().is_some_and(|w| w > 0.0), "{r}");
        }
    }
    let kind = |job: &str| {
        rows.iter().find(|r| r["job"] == job).unwrap()["kind"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(kind("native"), "native");
    assert_eq!(kind("net"), "io");
}
