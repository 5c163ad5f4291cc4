//! The jobs `compare` runs and the driver scripts it generates for them.
//!
//! A job is Python source defining `job(i)`: one item of work, called once per item with the
//! item's index `0 <= i < size`. The items are split among the workers round-robin (worker `k`
//! takes `k, k + workers, ...`), so every mode does the same total work. The built-in jobs are
//! embedded in the binary (`crates/lab/workloads/*.py`); a job that suits coroutines also has
//! an async form `ajob(i)` in a second file, included only in the coroutine driver (so the
//! other modes need no `async` support). A user job is `FILE:FUNCTION`.
//!
//! Every driver is plain Python that runs unchanged under CPython: `compare --python python3`
//! runs the very same file.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

/// How the items are run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    Sequential,
    Threads,
    Processes,
    Coroutines,
    /// `concurrent.futures.ThreadPoolExecutor.map` over the items.
    ThreadPool,
    /// `concurrent.futures.ProcessPoolExecutor.map` over the items (in chunks).
    ProcessPool,
}

impl Mode {
    pub const ALL: [Mode; 6] = [
        Mode::Sequential,
        Mode::Threads,
        Mode::Processes,
        Mode::Coroutines,
        Mode::ThreadPool,
        Mode::ProcessPool,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Sequential => "sequential",
            Mode::Threads => "threads",
            Mode::Processes => "processes",
            Mode::Coroutines => "coroutines",
            Mode::ThreadPool => "thread-pool",
            Mode::ProcessPool => "process-pool",
        }
    }

    pub fn parse(name: &str) -> Result<Mode, String> {
        Mode::ALL
            .into_iter()
            .find(|m| m.name() == name || (name == "seq" && *m == Mode::Sequential))
            .ok_or_else(|| {
                format!(
                    "unknown mode '{name}' (valid modes: sequential, threads, processes, \
                     coroutines, thread-pool, process-pool)"
                )
            })
    }
}

/// What a job is, declared by the job (the sentences under the table are chosen from it and
/// from the figures, never from the figures alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JobKind {
    /// Computes only: no waits.
    Cpu,
    /// Waits only (sleeps, I/O): the GIL is released for nearly all of its time.
    Io,
    /// Computes, then waits.
    Mixed,
    /// Computes in native code that releases the GIL (hashing big buffers).
    Native,
    /// A user's `FILE:FUNCTION`: nothing is known about it.
    User,
}

impl JobKind {
    pub fn name(self) -> &'static str {
        match self {
            JobKind::Cpu => "cpu",
            JobKind::Io => "io",
            JobKind::Mixed => "mixed",
            JobKind::Native => "native",
            JobKind::User => "user",
        }
    }

    /// Does the job spend time blocked (so a released GIL can let others run)?
    pub fn waits(self) -> bool {
        matches!(self, JobKind::Io | JobKind::Mixed)
    }

    /// Does the job compute Python code (so the GIL serialises it)?
    pub fn computes(self) -> bool {
        matches!(self, JobKind::Cpu | JobKind::Mixed)
    }
}

/// The line the driver writes on stderr after the work: `gilvm-lab: work_s=SECONDS`.
pub const WORK_MARKER: &str = "gilvm-lab: work_s=";

/// A job: its name, its source and the function called per item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job {
    pub name: String,
    pub kind: JobKind,
    pub source: String,
    /// Defines `ajob(i)` for the coroutine mode; None when the job does not suit coroutines.
    pub async_source: Option<String>,
    pub function: String,
}

/// The built-in jobs `compare` runs when none is named, in order.
pub const BUILTIN_JOBS: [&str; 3] = ["cpu", "io", "mixed"];
/// The other built-in jobs, run when named (`--jobs net,native`) or with `--jobs all`.
pub const EXTRA_JOBS: [&str; 4] = ["net", "files", "subprocess", "native"];

const CPU: &str = include_str!("../workloads/cpu.py");
const IO: &str = include_str!("../workloads/io.py");
const IO_ASYNC: &str = include_str!("../workloads/io_async.py");
const MIXED: &str = include_str!("../workloads/mixed.py");
const MIXED_ASYNC: &str = include_str!("../workloads/mixed_async.py");
const NET: &str = include_str!("../workloads/net.py");
const NET_ASYNC: &str = include_str!("../workloads/net_async.py");
const FILES: &str = include_str!("../workloads/files.py");
const SUBPROCESS: &str = include_str!("../workloads/subprocess_job.py");
const NATIVE: &str = include_str!("../workloads/native.py");
/// The workload of `sweep`.
pub const SWEEP: &str = include_str!("../workloads/sweep.py");

impl Job {
    /// A built-in job by name (`cpu`, `io`, `mixed`, `net`, `files`, `subprocess`, `native`).
    pub fn builtin(name: &str) -> Option<Job> {
        let (kind, source, async_source) = match name {
            "cpu" => (JobKind::Cpu, CPU, None),
            "io" => (JobKind::Io, IO, Some(IO_ASYNC)),
            "mixed" => (JobKind::Mixed, MIXED, Some(MIXED_ASYNC)),
            "net" => (JobKind::Io, NET, Some(NET_ASYNC)),
            "files" => (JobKind::Io, FILES, None),
            "subprocess" => (JobKind::Io, SUBPROCESS, None),
            "native" => (JobKind::Native, NATIVE, None),
            _ => return None,
        };
        Some(Job {
            name: name.to_string(),
            kind,
            source: source.to_string(),
            async_source: async_source.map(str::to_string),
            function: "job".to_string(),
        })
    }

    /// A built-in job's name, or a user's `FILE:FUNCTION` (read from disk).
    pub fn parse(spec: &str) -> Result<Job, String> {
        if let Some(job) = Job::builtin(spec) {
            return Ok(job);
        }
        let Some((file, function)) = spec.rsplit_once(':') else {
            return Err(format!(
                "unknown job '{spec}' (built-in jobs: {}, {}; or FILE:FUNCTION)",
                BUILTIN_JOBS.join(", "),
                EXTRA_JOBS.join(", ")
            ));
        };
        let is_identifier = !function.is_empty()
            && !function.starts_with(|c: char| c.is_ascii_digit())
            && function.chars().all(|c| c.is_alphanumeric() || c == '_');
        if !is_identifier {
            return Err(format!(
                "'{function}' in job '{spec}' is not a function name"
            ));
        }
        let source = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read job file '{file}': {e}"))?;
        let stem = std::path::Path::new(file)
            .file_stem()
            .map_or_else(|| file.to_string(), |s| s.to_string_lossy().into_owned());
        Ok(Job {
            name: format!("{stem}:{function}"),
            kind: JobKind::User,
            source,
            async_source: None,
            function: function.to_string(),
        })
    }

    /// Does the job run in `mode`?
    pub fn supports(&self, mode: Mode) -> bool {
        self.unsupported(mode).is_none()
    }

    /// Why the job cannot run in `mode` (None when it can).
    pub fn unsupported(&self, mode: Mode) -> Option<String> {
        if mode != Mode::Coroutines || self.async_source.is_some() {
            return None;
        }
        Some(match self.kind {
            JobKind::User => format!(
                "{} is a plain function; coroutines need an async form of the job",
                self.function
            ),
            _ if self.kind.waits() => format!(
                "the {} job has no async form: its waits are blocking calls that would stop \
                 the event loop",
                self.name
            ),
            _ => format!(
                "the {} job has nothing to await, so coroutines could only run it one at a time",
                self.name
            ),
        })
    }

    /// A script that exits with status 3 and a message on stderr when the job's file does not
    /// define its function (run once before anything is measured).
    pub fn check_script(&self) -> String {
        let f = &self.function;
        format!(
            "{}\n\nif __name__ == \"__main__\":\n    import sys as _lab_sys\n    \
             if not callable(globals().get(\"{f}\")):\n        \
             _lab_sys.stderr.write(\"the job file defines no function '{f}'\\n\")\n        \
             _lab_sys.exit(3)\n",
            self.source
        )
    }

    /// The driver script running `size` items in `mode` with `workers` workers.
    pub fn driver(&self, mode: Mode, workers: u32, size: u32) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "# Generated by `gilvm compare`: job {}, mode {}, {workers} worker(s), {size} item(s).",
            self.name,
            mode.name()
        );
        s.push_str(match mode {
            Mode::Sequential => "",
            Mode::Threads => "import threading\n",
            Mode::Processes => "import multiprocessing\n",
            Mode::Coroutines => "import asyncio\n",
            Mode::ThreadPool | Mode::ProcessPool => "import concurrent.futures\n",
        });
        s.push_str("\n# ---- the job ----\n");
        s.push_str(&self.source);
        if mode == Mode::Coroutines {
            if let Some(async_source) = &self.async_source {
                s.push('\n');
                s.push_str(async_source);
            }
        }
        let f = &self.function;
        let _ = write!(
            s,
            "\n# ---- the driver ----\n_LAB_SIZE = {size}\n_LAB_WORKERS = {workers}\n\n\n\
             def _lab_chunk(k):\n    for i in range(k, _LAB_SIZE, _LAB_WORKERS):\n        {f}(i)\n\n\n"
        );
        s.push_str(match mode {
            Mode::Sequential => "def _lab_main():\n    for i in range(_LAB_SIZE):\n        FUNCTION(i)\n",
            Mode::Threads => {
                "_lab_errors = []\n\n\ndef _lab_thread(k):\n    try:\n        _lab_chunk(k)\n    \
                 except BaseException as e:\n        _lab_errors.append(e)\n        raise\n\n\n\
                 def _lab_main():\n    threads = []\n    for k in range(_LAB_WORKERS):\n        \
                 threads.append(threading.Thread(target=_lab_thread, args=(k,)))\n    \
                 for t in threads:\n        t.start()\n    for t in threads:\n        t.join()\n    \
                 if _lab_errors:\n        raise _lab_errors[0]\n"
            }
            Mode::Processes => {
                "def _lab_main():\n    procs = []\n    for k in range(_LAB_WORKERS):\n        \
                 procs.append(multiprocessing.Process(target=_lab_chunk, args=(k,)))\n    \
                 for p in procs:\n        p.start()\n    for p in procs:\n        p.join()\n    \
                 for p in procs:\n        if p.exitcode != 0:\n            \
                 raise RuntimeError('a worker process failed with exit code ' + str(p.exitcode))\n"
            }
            Mode::Coroutines => {
                "async def _lab_achunk(k):\n    for i in range(k, _LAB_SIZE, _LAB_WORKERS):\n        \
                 await ajob(i)\n\n\nasync def _lab_amain():\n    tasks = []\n    \
                 for k in range(_LAB_WORKERS):\n        tasks.append(_lab_achunk(k))\n    \
                 await asyncio.gather(*tasks)\n\n\ndef _lab_main():\n    asyncio.run(_lab_amain())\n"
            }
            // One call per item, as a program maps a pool over its items (results in order).
            Mode::ThreadPool => {
                "def _lab_main():\n    with concurrent.futures.ThreadPoolExecutor(\
                 max_workers=_LAB_WORKERS) as ex:\n        for _ in ex.map(FUNCTION, \
                 range(_LAB_SIZE)):\n            pass\n"
            }
            // In chunks (four per worker), so the pool's per-call messages stay a small part.
            Mode::ProcessPool => {
                "def _lab_main():\n    chunk = max(1, _LAB_SIZE // (4 * _LAB_WORKERS))\n    \
                 with concurrent.futures.ProcessPoolExecutor(max_workers=_LAB_WORKERS) as ex:\n        \
                 for _ in ex.map(FUNCTION, range(_LAB_SIZE), chunksize=chunk):\n            pass\n"
            }
        }
        .replace("FUNCTION", f)
        .as_str());
        // The work region: set-up and imports are outside it (as pyperf times a benchmark).
        let _ = write!(
            s,
            "\n\nif __name__ == \"__main__\":\n    import sys as _lab_sys\n    \
             import time as _lab_time\n    _lab_t0 = _lab_time.perf_counter()\n    _lab_main()\n    \
             _lab_t1 = _lab_time.perf_counter()\n    \
             _lab_sys.stderr.write(\"{WORK_MARKER}\" + repr(_lab_t1 - _lab_t0) + \"\\n\")\n"
        );
        s
    }
}

/// The driver of `sweep`: `sleeps` wake-ups measured, with `setswitchinterval` when given
/// (the way to set the interval under CPython).
pub fn sweep_driver(sleeps: u32, switch_interval_ms: Option<f64>, alone: bool) -> String {
    let mut s = String::from("# Generated by `gilvm sweep`.\n");
    if let Some(ms) = switch_interval_ms {
        let _ = writeln!(s, "import sys\nsys.setswitchinterval({})", ms / 1000.0);
    }
    s.push_str(SWEEP);
    let _ = write!(
        s,
        "\nSLEEPS = {sleeps}\nALONE = {}\n\nif __name__ == \"__main__\":\n    main()\n",
        if alone { "True" } else { "False" }
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    fn python(script: &str) -> std::process::Output {
        let _serial = crate::testdata::serial();
        let dir = std::env::temp_dir().join(format!("gilvm-lab-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("d{}.py", script.len()));
        std::fs::write(&path, script).unwrap();
        let out = Command::new("python3")
            .arg(&path)
            .output()
            .expect("python3 runs");
        let _ = std::fs::remove_file(&path);
        out
    }

    #[test]
    fn every_builtin_driver_runs_under_python3() {
        for name in BUILTIN_JOBS.into_iter().chain(EXTRA_JOBS) {
            let job = Job::builtin(name).unwrap();
            for mode in Mode::ALL {
                if !job.supports(mode) {
                    continue;
                }
                let out = python(&job.driver(mode, 2, 3));
                assert!(
                    out.status.success(),
                    "{name} {mode:?}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        }
    }

    #[test]
    fn coroutines_only_where_the_job_suits_them() {
        assert!(!Job::builtin("cpu").unwrap().supports(Mode::Coroutines));
        assert!(Job::builtin("io").unwrap().supports(Mode::Coroutines));
        let driver = Job::builtin("io").unwrap().driver(Mode::Threads, 2, 4);
        assert!(!driver.contains("async def"), "{driver}");
    }

    #[test]
    fn user_jobs_and_bad_specs() {
        let dir = std::env::temp_dir().join(format!("gilvm-lab-job-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("work.py");
        std::fs::write(&file, "def square(i):\n    print(i * i)\n").unwrap();
        let job = Job::parse(&format!("{}:square", file.display())).unwrap();
        assert_eq!(job.name, "work:square");
        assert!(python(&job.driver(Mode::Threads, 2, 3)).status.success());
        let out = python(&job.driver(Mode::Sequential, 1, 3));
        let mut lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(String::from)
            .collect();
        lines.sort();
        assert_eq!(lines, ["0", "1", "4"]);
        assert!(Job::parse("nope").unwrap_err().contains("unknown job"));
        assert!(Job::parse("x.py:1bad")
            .unwrap_err()
            .contains("not a function"));
        assert!(Job::parse("/no/such/file.py:f")
            .unwrap_err()
            .contains("cannot read"));
        assert_eq!(Mode::parse("seq"), Ok(Mode::Sequential));
        assert!(Mode::parse("fibers").is_err());
    }

    #[test]
    fn sweep_driver_prints_json() {
        let out = python(&sweep_driver(3, Some(1.0), false));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(value["latencies_ms"].as_array().unwrap().len(), 3);
        assert!(value["cpu_ops"].as_u64().unwrap() > 0);
        let out = python(&sweep_driver(3, None, true));
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(value["cpu_ops"].as_u64(), Some(0), "the sleeper alone");
        assert_eq!(value["latencies_ms"].as_array().unwrap().len(), 3);
    }
}
