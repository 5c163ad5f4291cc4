//! Running one measured child process: wall time from outside (spawn to reaped), CPU time
//! from the kernel's accounting of reaped children (`getrusage(RUSAGE_CHILDREN)` before and
//! after: user + system time of the child and of every grandchild it waited for, such as
//! multiprocessing workers), stdout and stderr to files (no pipe to fill up), and a timeout
//! after which the child is killed.
//!
//! Children must be run one at a time (the lab does): the rusage delta is process-wide.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use nix::sys::resource::{getrusage, UsageWho};

/// What one run did.
#[derive(Clone, Debug)]
pub struct Measurement {
    pub wall: Duration,
    /// User + system CPU time.
    pub cpu: Duration,
    /// The exit status; None when killed (by a signal or the timeout).
    pub status: Option<i32>,
    pub timed_out: bool,
    pub stdout: String,
    pub stderr: String,
    /// When it started, relative to `epoch`.
    pub started: Duration,
    /// The work region's time as the script measured it (the lab's drivers write it on
    /// stderr, [`crate::workloads::WORK_MARKER`]; the line is taken out of `stderr`).
    pub work: Option<Duration>,
}

impl Measurement {
    pub fn ok(&self) -> bool {
        self.status == Some(0)
    }

    /// A one-line reason for a failed run.
    pub fn failure(&self) -> String {
        if self.timed_out {
            return format!("timed out after {:.1} s", self.wall.as_secs_f64());
        }
        let last = self
            .stderr
            .lines()
            .rev()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
        match self.status {
            Some(code) if last.is_empty() => format!("exit status {code}"),
            Some(_) => last.to_string(),
            None => "killed by a signal".to_string(),
        }
    }
}

fn children_cpu() -> Duration {
    match getrusage(UsageWho::RUSAGE_CHILDREN) {
        Ok(usage) => {
            let to = |tv: nix::sys::time::TimeVal| {
                Duration::from_secs(u64::try_from(tv.tv_sec()).unwrap_or(0))
                    + Duration::from_micros(u64::try_from(tv.tv_usec()).unwrap_or(0))
            };
            to(usage.user_time()) + to(usage.system_time())
        }
        Err(_) => Duration::ZERO,
    }
}

/// Run `command` to completion (or `timeout`), with its output in `scratch`.{out,err}.
pub fn measure(
    mut command: Command,
    scratch: &Path,
    timeout: Duration,
    epoch: Instant,
) -> Result<Measurement, String> {
    let out_path = scratch.with_extension("out");
    let err_path = scratch.with_extension("err");
    let out = File::create(&out_path)
        .map_err(|e| format!("cannot create {}: {e}", out_path.display()))?;
    let err = File::create(&err_path)
        .map_err(|e| format!("cannot create {}: {e}", err_path.display()))?;
    command.stdin(Stdio::null()).stdout(out).stderr(err);

    let cpu_before = children_cpu();
    let start = Instant::now();
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot start {:?}: {e}", command.get_program()))?;
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let status = child.wait();
        let _ = tx.send((status, Instant::now()));
    });
    let mut timed_out = false;
    let (status, end) = match rx.recv_timeout(timeout) {
        Ok(done) => done,
        Err(_) => {
            timed_out = true;
            if let Ok(pid) = i32::try_from(pid) {
                let _ = nix::sys::signal::kill(
                    nix::unistd::Pid::from_raw(pid),
                    nix::sys::signal::Signal::SIGKILL,
                );
            }
            rx.recv()
                .map_err(|_| "lost track of a child process".to_string())?
        }
    };
    let wall = end - start;
    let cpu = children_cpu().saturating_sub(cpu_before);
    let status = status.map_err(|e| format!("waiting for a child process: {e}"))?;
    let read = |p: &Path| {
        let text = std::fs::read(p)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        let _ = std::fs::remove_file(p);
        text
    };
    let (stderr, work) = take_work_marker(read(&err_path));
    Ok(Measurement {
        wall,
        cpu,
        status: status.code(),
        timed_out,
        stdout: read(&out_path),
        stderr,
        started: start.saturating_duration_since(epoch),
        work,
    })
}

/// Split the driver's work-time line out of a run's stderr.
pub fn take_work_marker(stderr: String) -> (String, Option<Duration>) {
    let marker = crate::workloads::WORK_MARKER;
    let mut work = None;
    let mut rest = String::with_capacity(stderr.len());
    for line in stderr.split_inclusive('\n') {
        match line.trim_end().strip_prefix(marker) {
            Some(v) => {
                work = v
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .map(Duration::from_secs_f64)
            }
            None => rest.push_str(line),
        }
    }
    (rest, work)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("gilvm-lab-child-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir.join(name)
    }

    #[test]
    fn measures_wall_cpu_and_output() {
        let _serial = crate::testdata::serial();
        let mut cmd = Command::new("python3");
        cmd.args(["-c", "import time, sys\nt = time.process_time()\nwhile time.process_time() - t < 0.15: pass\ntime.sleep(0.1)\nprint('out')\nprint('err', file=sys.stderr)"]);
        let m = measure(cmd, &scratch("a"), Duration::from_secs(20), Instant::now()).unwrap();
        assert!(m.ok(), "{m:?}");
        assert_eq!((m.stdout.as_str(), m.stderr.as_str()), ("out\n", "err\n"));
        assert!(m.wall >= Duration::from_millis(250), "{m:?}");
        assert!(
            m.cpu >= Duration::from_millis(140) && m.cpu < m.wall,
            "{m:?}"
        );
    }

    #[test]
    fn the_work_marker_is_read_and_removed() {
        let (rest, work) = take_work_marker("warn\ngilvm-lab: work_s=0.25\n".to_string());
        assert_eq!(
            (rest.as_str(), work),
            ("warn\n", Some(Duration::from_millis(250)))
        );
        let (rest, work) = take_work_marker("gilvm-lab: work_s=nan\nx".to_string());
        assert_eq!((rest.as_str(), work), ("x", None));
    }

    #[test]
    fn failures_and_timeouts() {
        let _serial = crate::testdata::serial();
        let mut cmd = Command::new("python3");
        cmd.args(["-c", "raise ValueError('boom')"]);
        let m = measure(cmd, &scratch("b"), Duration::from_secs(20), Instant::now()).unwrap();
        assert_eq!((m.ok(), m.failure().as_str()), (false, "ValueError: boom"));
        let mut cmd = Command::new("sleep");
        cmd.arg("5");
        let m = measure(
            cmd,
            &scratch("c"),
            Duration::from_millis(200),
            Instant::now(),
        )
        .unwrap();
        assert!(m.timed_out && m.wall < Duration::from_secs(3), "{m:?}");
        assert!(m.failure().starts_with("timed out"));
    }
}
