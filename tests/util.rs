//! Helpers shared by the integration tests: run the `gilvm` binary and `python3` as child
//! processes with a timeout (a hung child is killed and reported, never waited on forever),
//! scratch directories, and short line diffs for failure messages.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What a finished (or killed) child process did.
#[derive(Debug, Clone)]
pub struct Output {
    /// The exit status; `None` when the child was killed by a signal or by the timeout. A
    /// child that ended by SIGINT (what CPython and gilvm do after an uncaught
    /// KeyboardInterrupt) has 130, as a shell reports it.
    pub status: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// True when the child ran past its timeout and was killed.
    pub timed_out: bool,
    pub elapsed: Duration,
}

impl Output {
    /// The last non-empty line of stderr (`TypeName: message` after a traceback).
    pub fn last_stderr_line(&self) -> &str {
        last_line(&self.stderr)
    }

    /// The line that names the exception a traceback ends with: the first unindented line
    /// after the last `Traceback` header (a message may span lines, as CPython's MRO error
    /// does), or the last stderr line when there is no traceback.
    pub fn exception_line(&self) -> &str {
        match self.stderr.rfind("Traceback (most recent call last):") {
            Some(at) => self.stderr[at..]
                .lines()
                .skip(1)
                .find(|l| !l.starts_with(' ') && !l.trim().is_empty())
                .unwrap_or_else(|| self.last_stderr_line()),
            None => self.last_stderr_line(),
        }
    }

    /// A one-line description of how the child ended, for failure messages.
    pub fn describe_status(&self) -> String {
        match (self.timed_out, self.status) {
            (true, _) => format!(
                "killed after a timeout of {:.1}s",
                self.elapsed.as_secs_f64()
            ),
            (false, Some(code)) => format!("exit status {code}"),
            (false, None) => "killed by a signal".to_string(),
        }
    }

    /// Everything about the run, for an assertion message.
    pub fn dump(&self) -> String {
        format!(
            "{}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.describe_status(),
            truncate(&self.stdout, 2000),
            truncate(&self.stderr, 2000)
        )
    }
}

/// The last non-empty line of a text, trimmed of trailing whitespace.
pub fn last_line(text: &str) -> &str {
    text.lines()
        .rev()
        .map(str::trim_end)
        .find(|line| !line.is_empty())
        .unwrap_or("")
}

/// Keep at most `max` bytes of a text (on a char boundary), marking the cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}... [{} more bytes]", &text[..end], text.len() - end)
}

/// The project root (where Cargo.toml, programs/ and tests/ are).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The gilvm binary built for this test run, or `GILVM_BIN` when set (to test another build,
/// such as `target/release/gilvm`).
pub fn gilvm_bin() -> PathBuf {
    match std::env::var_os("GILVM_BIN") {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_gilvm")),
    }
}

/// The timeout for one child process: `GILVM_TEST_TIMEOUT` seconds if set, else `default`
/// (a debug build of gilvm is slow, but a small case that takes this long is hung, not slow).
pub fn timeout_or(default: Duration) -> Duration {
    std::env::var("GILVM_TEST_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(default, Duration::from_secs_f64)
}

/// The default timeout of a gilvm run in the CLI tests.
pub fn timeout() -> Duration {
    timeout_or(Duration::from_secs(30))
}

/// The python3 executable (`GILVM_PYTHON` overrides). Panics with a clear message when it cannot
/// be run: the differential tests need CPython as their oracle.
pub fn python3() -> String {
    let python = std::env::var("GILVM_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let mut cmd = Command::new(&python);
    cmd.arg("--version");
    let out = run(cmd, b"", Duration::from_secs(30));
    let version = format!("{}{}", out.stdout, out.stderr);
    if out.status != Some(0) || !version.starts_with("Python 3.") {
        panic!(
            "python3 is required to run the differential tests (CPython 3.11+ is the oracle), \
             but `{python} --version` failed: {}\nInstall python3 or point GILVM_PYTHON at it.",
            out.dump()
        );
    }
    python
}

/// A command running python3 on a script in isolated mode (no user site, no PYTHON* variables,
/// no script directory on sys.path) with UTF-8 I/O.
pub fn python_command(python: &str) -> Command {
    let mut cmd = Command::new(python);
    cmd.args(["-I", "-X", "utf8"]);
    cmd
}

/// Run a command to completion with `stdin` as its standard input, killing it when it runs past
/// `timeout`. Never panics on the child's behaviour; a failure to spawn is reported as a status
/// of `None` with the error in `stderr`.
pub fn run(mut cmd: Command, stdin: &[u8], timeout: Duration) -> Output {
    let start = Instant::now();
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(child) => child,
        Err(err) => {
            return Output {
                status: None,
                stdout: String::new(),
                stderr: format!("cannot start {cmd:?}: {err}"),
                timed_out: false,
                elapsed: start.elapsed(),
            }
        }
    };

    // Feed stdin and drain stdout/stderr on their own threads so that a child blocked on a full
    // pipe never deadlocks us; results come back over a channel so that we never join a thread
    // that a stray grandchild keeps blocked.
    if let Some(mut pipe) = child.stdin.take() {
        let input = stdin.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    let (tx, rx) = mpsc::channel::<(bool, Vec<u8>)>();
    if let Some(mut pipe) = child.stdout.take() {
        let tx = tx.clone();
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            let _ = tx.send((true, buf));
        });
    }
    if let Some(mut pipe) = child.stderr.take() {
        let tx = tx.clone();
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            let _ = tx.send((false, buf));
        });
    }
    drop(tx);

    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                use std::os::unix::process::ExitStatusExt;
                break status.code().or(match status.signal() {
                    Some(2) => Some(130),
                    _ => None,
                });
            }
            Ok(None) => {}
            Err(_) => break None,
        }
        if start.elapsed() >= timeout {
            timed_out = true;
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };

    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let grace = Instant::now() + Duration::from_secs(5);
    for _ in 0..2 {
        let left = grace.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok((true, buf)) => stdout = buf,
            Ok((false, buf)) => stderr = buf,
            Err(_) => break,
        }
    }
    Output {
        status,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        timed_out,
        elapsed: start.elapsed(),
    }
}

/// Run gilvm with arguments in `cwd` (the project root when `None`).
pub fn gilvm(args: &[&str], stdin: &[u8], cwd: Option<&Path>) -> Output {
    let mut cmd = Command::new(gilvm_bin());
    cmd.args(args);
    cmd.current_dir(cwd.map_or_else(root, Path::to_path_buf));
    run(cmd, stdin, timeout())
}

/// A fresh, empty scratch directory under the system temp dir; removed when dropped.
pub struct Scratch {
    pub path: PathBuf,
}

impl Scratch {
    pub fn new(label: &str) -> Scratch {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let safe: String = label
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let path =
            std::env::temp_dir().join(format!("gilvm-test-{}-{n}-{safe}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path)
            .unwrap_or_else(|e| panic!("cannot create scratch dir {}: {e}", path.display()));
        Scratch { path }
    }

    /// Write a file in the scratch directory and return its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path.join(name);
        std::fs::write(&path, contents)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// A short line diff: the first differing lines with a little context, at most `max_lines`
/// lines of output. Empty when the texts are equal.
pub fn short_diff(expected: &str, actual: &str, max_lines: usize) -> String {
    if expected == actual {
        return String::new();
    }
    let exp: Vec<&str> = expected.lines().collect();
    let act: Vec<&str> = actual.lines().collect();
    let first = exp
        .iter()
        .zip(act.iter())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| exp.len().min(act.len()));
    let mut out = Vec::new();
    let from = first.saturating_sub(2);
    for line in &exp[from..first] {
        out.push(format!("    {line}"));
    }
    let end_exp = (first + max_lines / 2).min(exp.len());
    let end_act = (first + max_lines / 2).min(act.len());
    for line in &exp[first..end_exp] {
        out.push(format!("  - {line}"));
    }
    if end_exp < exp.len() {
        out.push(format!("  - ... ({} more lines)", exp.len() - end_exp));
    }
    for line in &act[first..end_act] {
        out.push(format!("  + {line}"));
    }
    if end_act < act.len() {
        out.push(format!("  + ... ({} more lines)", act.len() - end_act));
    }
    if first >= exp.len().min(act.len()) && exp.len() == act.len() {
        // Same lines, different line endings or trailing newline.
        out.push(format!(
            "  (texts differ only in line endings / final newline: expected {:?}, got {:?})",
            tail(expected, 20),
            tail(actual, 20)
        ));
    }
    format!(
        "  first difference at line {} (- expected, + actual):\n{}",
        first + 1,
        out.join("\n")
    )
}

/// The last `n` characters of a text.
fn tail(text: &str, n: usize) -> &str {
    let start = text
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &text[start..]
}

/// Runs `gilvm run --stats-json FILE script args...` and returns its output with the stats of
/// each thread by name (the `threads` array of the JSON file), for tests that check a blocking
/// call counted as blocked while another thread ran.
pub fn run_with_thread_stats(
    scratch: &Scratch,
    script: &Path,
    args: &[&str],
) -> (Output, Vec<serde_json::Value>) {
    let stats = scratch.path.join("stats.json");
    let mut argv = vec![
        "run",
        "--stats-json",
        stats.to_str().unwrap(),
        script.to_str().unwrap(),
    ];
    argv.extend_from_slice(args);
    let out = gilvm(&argv, b"", None);
    let threads = std::fs::read_to_string(&stats)
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|file| file["threads"].as_array().cloned())
        .unwrap_or_default();
    (out, threads)
}

/// The stats of the thread called `name` among `threads` (see [`run_with_thread_stats`]).
pub fn thread_named<'a>(threads: &'a [serde_json::Value], name: &str) -> &'a serde_json::Value {
    threads
        .iter()
        .find(|t| t["name"] == name)
        .unwrap_or_else(|| panic!("no thread {name} in the stats: {threads:?}"))
}
