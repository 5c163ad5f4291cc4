//! Runs generated scripts as measured child processes: gilvm (this very binary, `run` on the
//! script, with the GIL knobs and a stats file) or CPython (`--python PATH`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::args::GilKnobs;
use crate::child::{measure, Measurement};
use crate::gilstats::StatsFile;

/// Which interpreter runs a script.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Runtime {
    Gilvm,
    /// CPython at this path (e.g. `python3`).
    Python(String),
}

impl Runtime {
    /// The runtime column: `gilvm`, or the Python executable's file name.
    pub fn label(&self) -> String {
        match self {
            Runtime::Gilvm => "gilvm".to_string(),
            Runtime::Python(path) => Path::new(path)
                .file_name()
                .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned()),
        }
    }
}

/// One finished run: its measurement and (gilvm only, when the binary wrote it) its GIL stats.
#[derive(Clone, Debug)]
pub struct RunResult {
    pub measurement: Measurement,
    pub stats: Option<StatsFile>,
}

/// Everything the runs share: the gilvm binary, a scratch directory removed on drop, the
/// lab's time zero, the timeout, the GIL knobs, and whether to record GIL events.
pub struct Runner {
    exe: PathBuf,
    scratch: PathBuf,
    counter: u32,
    pub epoch: Instant,
    pub timeout: Duration,
    pub knobs: GilKnobs,
    pub events: bool,
}

impl Runner {
    pub fn new(knobs: GilKnobs, timeout: Duration, events: bool) -> Result<Runner, String> {
        let exe =
            std::env::current_exe().map_err(|e| format!("cannot find the gilvm binary: {e}"))?;
        let scratch = std::env::temp_dir().join(format!("gilvm-lab-{}", std::process::id()));
        std::fs::create_dir_all(&scratch)
            .map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
        Ok(Runner {
            exe,
            scratch,
            counter: 0,
            epoch: Instant::now(),
            timeout,
            knobs,
            events,
        })
    }

    /// Use another gilvm binary (tests).
    pub fn with_exe(mut self, exe: PathBuf) -> Runner {
        self.exe = exe;
        self
    }

    /// Run `script` under `runtime` with `knobs` (gilvm only) and collect its figures.
    pub fn run(
        &mut self,
        runtime: &Runtime,
        script: &str,
        knobs: &GilKnobs,
    ) -> Result<RunResult, String> {
        self.counter += 1;
        let base = self.scratch.join(format!("run{}", self.counter));
        let script_path = base.with_extension("py");
        std::fs::write(&script_path, script)
            .map_err(|e| format!("cannot write {}: {e}", script_path.display()))?;
        let stats_path = base.with_extension("stats.json");
        let command = match runtime {
            Runtime::Gilvm => {
                let mut cmd = Command::new(&self.exe);
                cmd.arg("run");
                cmd.args(knobs.to_args());
                cmd.arg("--stats-json").arg(&stats_path);
                if self.events {
                    cmd.arg("--stats-events");
                }
                cmd.arg(&script_path);
                cmd
            }
            Runtime::Python(python) => {
                let mut cmd = Command::new(python);
                cmd.arg(&script_path);
                cmd
            }
        };
        let measurement = measure(command, &base, self.timeout, self.epoch);
        let _ = std::fs::remove_file(&script_path);
        let measurement = measurement?;
        let stats = if stats_path.exists() {
            let stats = StatsFile::read(&stats_path);
            let _ = std::fs::remove_file(&stats_path);
            Some(stats?)
        } else {
            None
        };
        Ok(RunResult { measurement, stats })
    }
}

impl Drop for Runner {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.scratch);
    }
}
