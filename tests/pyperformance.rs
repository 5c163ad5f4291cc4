//! The pyperformance benchmarks of `benches/pyperformance/` as differential tests: every
//! benchmark that `benches/pyperformance/MANIFEST` marks `runs` is run at its smallest size
//! under python3 and gilvm, and must exit 0 under both with the same stdout (each port prints a
//! deterministic check value — a result or a checksum — and the pyperf shim writes its timings
//! to stderr, which is not compared). The cases run in parallel on a few threads, as the
//! differential tests do. `GILVM_PYPERF=NAME[,NAME]` runs only the benchmarks whose names
//! contain one of the NAMEs, and is the way to run those marked `slow` (too big even at their
//! smallest size for a debug build): `GILVM_BIN=$PWD/target/release/gilvm GILVM_PYPERF=all`
//! runs every benchmark that runs, slow ones included.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use crate::util::{self, Output};

/// One MANIFEST row that runs: the benchmark's name and its smallest command-line arguments.
struct Bench {
    name: String,
    args: Vec<String>,
}

fn bench_dir() -> PathBuf {
    util::root().join("benches").join("pyperformance")
}

/// The benchmarks MANIFEST marks `runs`, filtered by `GILVM_PYPERF` (which also selects `slow`
/// ones by name).
fn manifest() -> Vec<Bench> {
    let path = bench_dir().join("MANIFEST");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let only: Vec<String> = std::env::var("GILVM_PYPERF")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    let mut benches = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        assert_eq!(fields.len(), 4, "MANIFEST line without four fields: {line}");
        let name = fields[0];
        assert!(
            bench_dir().join(format!("bm_{name}.py")).is_file(),
            "MANIFEST names bm_{name}.py, which is missing"
        );
        assert!(
            matches!(fields[3], "runs" | "slow" | "fails"),
            "MANIFEST status must be runs, slow or fails: {line}"
        );
        let named = only.iter().any(|o| o == "all" || name.contains(o.as_str()));
        let wanted = match fields[3] {
            "runs" => only.is_empty() || named,
            "slow" => named,
            _ => false,
        };
        if !wanted {
            continue;
        }
        benches.push(Bench {
            name: name.to_string(),
            args: fields[1].split_whitespace().map(String::from).collect(),
        });
    }
    benches
}

/// Run one benchmark under python3 and gilvm and compare them.
fn check(bench: &Bench, python: &str, timeout: Duration) -> Result<(), String> {
    let script = format!("bm_{}.py", bench.name);
    // Not util::python_command: its -I leaves the script's directory, where the pyperf shim
    // is, off sys.path. -E -s still ignore PYTHON* variables and the user site.
    let mut cmd = std::process::Command::new(python);
    cmd.args(["-E", "-s", "-X", "utf8"]);
    cmd.current_dir(bench_dir()).arg(&script).args(&bench.args);
    let expected = util::run(cmd, b"", timeout);
    let mut cmd = std::process::Command::new(util::gilvm_bin());
    cmd.current_dir(bench_dir()).arg(&script).args(&bench.args);
    let actual = util::run(cmd, b"", timeout);
    eprintln!(
        "pyperformance {}: python3 {:.2}s, gilvm {:.2}s",
        bench.name,
        expected.elapsed.as_secs_f64(),
        actual.elapsed.as_secs_f64()
    );
    let ok = |out: &Output| out.status == Some(0) && !out.stdout.trim().is_empty();
    if !ok(&expected) {
        return Err(format!("python3 did not run it:\n{}", expected.dump()));
    }
    if !ok(&actual) {
        return Err(format!(
            "gilvm: {}\n{}",
            actual.exception_line(),
            actual.dump()
        ));
    }
    if expected.stdout != actual.stdout {
        return Err(format!(
            "stdout differs (- python3, + gilvm):\n{}",
            util::short_diff(&expected.stdout, &actual.stdout, 12)
        ));
    }
    Ok(())
}

#[test]
fn pyperformance_benchmarks_match_python3() {
    let python = util::python3();
    let benches = manifest();
    if benches.is_empty() {
        assert!(
            std::env::var("GILVM_PYPERF").is_ok(),
            "MANIFEST lists no benchmark that runs"
        );
        return;
    }
    let timeout = util::timeout_or(Duration::from_secs(120));
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 4)
        .min(benches.len());
    let next = AtomicUsize::new(0);
    let failures: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(bench) = benches.get(i) else { break };
                if let Err(why) = check(bench, &python, timeout) {
                    failures
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((bench.name.clone(), why));
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort();
    if !failures.is_empty() {
        let mut report = format!(
            "{} of {} pyperformance benchmarks disagree with python3:\n",
            failures.len(),
            benches.len()
        );
        for (name, why) in &failures {
            report.push_str(&format!("\n=== {name}\n{why}\n"));
        }
        panic!("{report}");
    }
}
