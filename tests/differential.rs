//! Differential tests: every `programs/*.py` and every `tests/cases/**/*.py` runs under python3
//! and under gilvm, and the two runs must agree.
//!
//! For each case (a `NAME.py` file):
//! - the working directory is the file's directory and the script is passed as `NAME.py`, so
//!   tracebacks and `sys.argv[0]` are the same under both interpreters;
//! - stdin is `NAME.stdin` next to the case if present, else empty;
//! - extra arguments are the whitespace-separated words of `NAME.args` if present; the word
//!   `{tmp}` becomes a fresh empty scratch directory (for cases that write files);
//! - stdout and the exit status must be equal; when the status is non-zero, the last line of
//!   stderr (`TypeName: message`) must be equal too. Under `tests/cases/syntax_errors/` only the
//!   type before the colon is compared (messages may differ), and gilvm's whole stderr (the
//!   `FILE:LINE:COL` report with the source line and a caret) must match the golden file
//!   `NAME.gilvm.stderr`, which `GILVM_BLESS=1 cargo test` (re)writes. Under
//!   `tests/cases/tracebacks/` the whole stderr must be equal, after dropping CPython's position
//!   marker lines (`~~~^^^`), which gilvm does not print;
//! - gilvm must never panic: a stderr mentioning "panicked" fails the case.
//!
//! A case may also be a folder: a directory holding a `main.py` is one case (named by the
//! folder) whose entry point is `main.py`; every other file under it (modules, packages with
//! their `__init__.py`, data) belongs to the case and is not a case itself. Such folders are
//! found under `tests/cases/` at any depth (`tests/cases/imports/NAME/main.py`) and directly
//! under `programs/` (`programs/NAME/main.py`). `main.stdin` and `main.args` work as for a file
//! case. python3 runs a folder case with `-E -s -B` instead of `-I` (isolated mode leaves the
//! script's directory off `sys.path`; `-B` keeps `__pycache__` out of the tree). In stderr, the
//! case's directory (absolute, with a final `/`) is removed under both interpreters, so a
//! traceback through `pkg/mod.py` reads the same on every machine.
//!
//! Cases run in parallel on a few worker threads; all failures are collected and reported
//! together at the end. `GILVM_CASE=substring` runs only the cases whose path contains it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use crate::util::{self, Output, Scratch};

/// How the stderr of a failing run is compared.
#[derive(Clone, Copy, Debug, PartialEq)]
enum StderrCheck {
    /// The last line, exactly.
    LastLine,
    /// Only the exception type of the last line (syntax errors), plus gilvm's golden file.
    TypeAndGolden,
    /// The whole stderr, minus CPython's position markers.
    WholeTraceback,
}

#[derive(Debug)]
struct Case {
    /// The script, absolute.
    path: PathBuf,
    /// The path relative to the project root, for messages and filtering.
    name: String,
    check: StderrCheck,
    /// A folder case (`DIR/main.py` with its own modules).
    folder: bool,
}

/// All `*.py` files under `dir` (recursively if asked), sorted, filtered by `GILVM_CASE`.
fn collect(dir: &Path, recursive: bool) -> Vec<Case> {
    fn walk(dir: &Path, recursive: bool, out: &mut Vec<PathBuf>) {
        let entries =
            std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                let main = path.join("main.py");
                if main.is_file() {
                    out.push(main);
                } else if recursive {
                    walk(&path, recursive, out);
                }
            } else if path.extension().is_some_and(|ext| ext == "py") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(dir, recursive, &mut paths);
    paths.sort();
    let root = util::root();
    let filter = std::env::var("GILVM_CASE").unwrap_or_default();
    paths
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            let check = if name.contains("/syntax_errors/") {
                StderrCheck::TypeAndGolden
            } else if name.contains("/tracebacks/") {
                StderrCheck::WholeTraceback
            } else {
                StderrCheck::LastLine
            };
            let folder = is_folder_case(&path);
            Case {
                path,
                name,
                check,
                folder,
            }
        })
        .filter(|case| case.name.contains(&filter))
        .collect()
}

/// Is `path` the `main.py` of a folder case (a directory whose entry point it is)?
fn is_folder_case(path: &Path) -> bool {
    path.file_name().is_some_and(|f| f == "main.py")
}

/// A file next to the case with another extension (`NAME.stdin`, `NAME.args`, ...).
fn sibling(case: &Case, ext: &str) -> PathBuf {
    case.path.with_extension(ext)
}

/// Run one interpreter on a case.
fn run_one(case: &Case, mut cmd: Command, timeout: Duration) -> Output {
    let dir = case.path.parent().unwrap_or(Path::new("."));
    let file = case
        .path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stdin = std::fs::read(sibling(case, "stdin")).unwrap_or_default();
    let scratch = Scratch::new(&case.name);
    let args: Vec<String> = std::fs::read_to_string(sibling(case, "args"))
        .unwrap_or_default()
        .split_whitespace()
        .map(|word| word.replace("{tmp}", &scratch.path.to_string_lossy()))
        .collect();
    cmd.current_dir(dir).arg(&file).args(&args);
    util::run(cmd, &stdin, timeout)
}

/// The exception type of a `TypeName: message` line.
fn exception_type(line: &str) -> &str {
    line.split(':').next().unwrap_or("").trim()
}

/// Stderr without CPython's position-marker lines (only spaces, `~` and `^`, after the `| `
/// margin of an exception group's sub-exceptions).
fn without_markers(stderr: &str) -> String {
    stderr
        .lines()
        .filter(|line| {
            let t = line.trim();
            let t = t.strip_prefix('|').map_or(t, str::trim);
            t.is_empty() || !t.chars().all(|c| c == '~' || c == '^')
        })
        .map(|line| format!("{line}\n"))
        .collect()
}

fn bless() -> bool {
    std::env::var("GILVM_BLESS").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Run a case under both interpreters; `Err` describes every way they disagree.
fn check_case(
    case: &Case,
    python: &str,
    timeout: Duration,
    hung: &AtomicUsize,
) -> Result<(), String> {
    let py_cmd = if case.folder {
        let mut cmd = Command::new(python);
        cmd.args(["-E", "-s", "-B", "-X", "utf8"]);
        cmd
    } else {
        util::python_command(python)
    };
    let mut py = run_one(case, py_cmd, timeout);
    // CPython 3.9+ shows the main script's path absolute in tracebacks; gilvm shows it as given.
    // Both are normalised to the name given on the command line.
    let file = case
        .path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = case
        .path
        .parent()
        .map(|d| format!("{}/", d.to_string_lossy()))
        .unwrap_or_default();
    py.stderr = py
        .stderr
        .replace(&*case.path.to_string_lossy(), &file)
        .replace(&dir, "");
    if py.timed_out || py.status.is_none() {
        return Err(format!(
            "python3 itself did not finish the case ({}): fix the case\n{}",
            py.describe_status(),
            py.dump()
        ));
    }
    let mut gv = run_one(case, Command::new(util::gilvm_bin()), timeout);
    gv.stderr = gv
        .stderr
        .replace(&*case.path.to_string_lossy(), &file)
        .replace(&dir, "");
    let mut problems = Vec::new();
    if gv.timed_out {
        hung.fetch_add(1, Ordering::Relaxed);
        problems.push(format!("gilvm hung: {}", gv.describe_status()));
    }
    if gv.stderr.contains("panicked") {
        problems.push(format!(
            "gilvm panicked:\n{}",
            util::truncate(&gv.stderr, 1500)
        ));
    }
    if py.status != gv.status {
        problems.push(format!(
            "exit status: python3 {}, gilvm {}",
            py.describe_status(),
            gv.describe_status()
        ));
    }
    if py.stdout != gv.stdout {
        problems.push(format!(
            "stdout differs\n{}",
            util::short_diff(&py.stdout, &gv.stdout, 12)
        ));
    }
    if py.status != Some(0) {
        let (want, got) = (py.last_stderr_line(), gv.last_stderr_line());
        match case.check {
            StderrCheck::LastLine => {
                if want != got {
                    problems.push(format!(
                        "last line of stderr:\n  python3: {want}\n  gilvm:   {got}"
                    ));
                }
            }
            StderrCheck::WholeTraceback => {
                let (want, got) = (without_markers(&py.stderr), without_markers(&gv.stderr));
                if want != got {
                    problems.push(format!(
                        "traceback differs\n{}",
                        util::short_diff(&want, &got, 16)
                    ));
                }
            }
            StderrCheck::TypeAndGolden => {
                if exception_type(want) != exception_type(got) {
                    problems.push(format!("error type:\n  python3: {want}\n  gilvm:   {got}"));
                }
                let golden = sibling(case, "gilvm.stderr");
                if bless() {
                    if let Err(e) = std::fs::write(&golden, &gv.stderr) {
                        problems.push(format!("cannot bless {}: {e}", golden.display()));
                    }
                } else {
                    match std::fs::read_to_string(&golden) {
                        Ok(expected) if expected == gv.stderr => {}
                        Ok(expected) => problems.push(format!(
                            "gilvm's error report differs from {} (GILVM_BLESS=1 rewrites it)\n{}",
                            golden.display(),
                            util::short_diff(&expected, &gv.stderr, 16)
                        )),
                        Err(_) => problems.push(format!(
                            "no golden file {}: check gilvm's report below, then create it \
                             with GILVM_BLESS=1 cargo test\n{}",
                            golden.display(),
                            util::truncate(&gv.stderr, 1500)
                        )),
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        if py.status != Some(0) || gv.status != Some(0) {
            problems.push(format!(
                "gilvm stderr (tail):\n{}",
                util::truncate(&tail_lines(&gv.stderr, 8), 1200)
            ));
        }
        Err(problems.join("\n"))
    }
}

/// The last `n` lines of a text.
fn tail_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// After this many hung gilvm runs the remaining cases are reported as not run, so that a
/// hanging interpreter fails the suite in minutes rather than hours.
const MAX_HUNG: usize = 5;

/// Run every case on a few workers and fail once, listing every failing case.
fn run_all(group: &str, cases: Vec<Case>, timeout: Duration) {
    let python = util::python3();
    if cases.is_empty() {
        if std::env::var("GILVM_CASE").is_ok() {
            eprintln!("{group}: no case matches GILVM_CASE");
            return;
        }
        panic!("{group}: no cases found");
    }
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 4)
        .min(cases.len());
    let next = AtomicUsize::new(0);
    let hung = AtomicUsize::new(0);
    let failures: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(case) = cases.get(i) else { break };
                let verdict = if hung.load(Ordering::Relaxed) >= MAX_HUNG {
                    Err(format!("not run: {MAX_HUNG} cases already hung"))
                } else {
                    check_case(case, &python, timeout, &hung)
                };
                if let Err(report) = verdict {
                    failures
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((case.name.clone(), report));
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort();
    eprintln!(
        "{group}: {} of {} cases agree with python3",
        cases.len() - failures.len(),
        cases.len()
    );
    if !failures.is_empty() {
        let mut report = format!(
            "{} of {} {group} disagree with python3:\n",
            failures.len(),
            cases.len()
        );
        for (name, _) in &failures {
            report.push_str(&format!("  {name}\n"));
        }
        for (name, why) in &failures {
            report.push_str(&format!("\n=== {name}\n{why}\n"));
        }
        panic!("{report}");
    }
}

#[test]
fn programs() {
    // The programs run with the small sizes of their NAME.args; a debug build is still slow.
    let timeout = util::timeout_or(Duration::from_secs(120));
    run_all(
        "programs",
        collect(&util::root().join("programs"), false),
        timeout,
    );
}

#[test]
fn cases() {
    let timeout = util::timeout_or(Duration::from_secs(20));
    run_all(
        "cases",
        collect(&util::root().join("tests/cases"), true),
        timeout,
    );
}

/// The case tree itself: enough cases, each in a topic directory, and every side file
/// (`.stdin`, `.args`, `.gilvm.stderr`) belongs to a case.
#[test]
fn case_tree_is_well_formed() {
    let dir = util::root().join("tests/cases");
    let mut problems = Vec::new();
    let mut count = 0;
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            let name = path
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            if path.is_dir() {
                if path.join("main.py").is_file() {
                    // A folder case: its other files are its own modules and data.
                    count += 1;
                    if d == dir {
                        problems.push(format!("{name}: cases belong in a topic subdirectory"));
                    }
                } else {
                    stack.push(path);
                }
                continue;
            }
            if d == dir {
                problems.push(format!("{name}: cases belong in a topic subdirectory"));
            }
            let stem = [".py", ".stdin", ".args", ".gilvm.stderr"]
                .iter()
                .find_map(|ext| name.strip_suffix(ext));
            match stem {
                Some(_) if name.ends_with(".py") => count += 1,
                Some(stem) => {
                    if !d.join(format!("{stem}.py")).exists() {
                        problems.push(format!("{}: no {stem}.py next to it", path.display()));
                    }
                }
                None => problems.push(format!("{}: unexpected file", path.display())),
            }
        }
    }
    if count < 120 {
        problems.push(format!(
            "only {count} cases; the suite should have at least 120"
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
