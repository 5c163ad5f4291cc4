//! The command-line arguments of `compare` and `sweep` (clap), kept here so the binary's
//! `main.rs` only names them.

use std::path::PathBuf;

use clap::Args;

/// The GIL knobs passed to every gilvm run.
#[derive(Args, Debug, Clone, Default, PartialEq)]
pub struct GilKnobs {
    /// Instructions a thread runs before it hands the GIL to a waiter (0 = off).
    #[arg(long, value_name = "N")]
    pub switch_instructions: Option<u32>,
    /// Milliseconds a thread may hold the GIL while another waits (0 = off).
    #[arg(long, value_name = "MS")]
    pub switch_interval: Option<f64>,
    /// Who gets the GIL on a forced switch: fifo, naive or io-priority.
    #[arg(long, value_name = "POLICY")]
    pub gil_policy: Option<String>,
}

impl GilKnobs {
    /// The `gilvm run` options for these knobs.
    pub fn to_args(&self) -> Vec<String> {
        let mut args = Vec::new();
        if let Some(n) = self.switch_instructions {
            args.extend(["--switch-instructions".to_string(), n.to_string()]);
        }
        if let Some(ms) = self.switch_interval {
            args.extend(["--switch-interval".to_string(), ms.to_string()]);
        }
        if let Some(p) = &self.gil_policy {
            args.extend(["--gil-policy".to_string(), p.clone()]);
        }
        args
    }

    /// Check the values before running anything.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(p) = &self.gil_policy {
            p.parse::<gilvm_vm::runtime::gil::GilPolicy>()
                .map_err(|e| e.to_string())?;
        }
        if let Some(ms) = self.switch_interval {
            if !(ms.is_finite() && ms >= 0.0) {
                return Err(format!(
                    "--switch-interval must be a number of milliseconds >= 0, not {ms}"
                ));
            }
        }
        Ok(())
    }
}

/// `gilvm compare`: run jobs sequentially, with threads, processes and coroutines.
#[derive(Args, Debug, Clone)]
pub struct CompareArgs {
    /// Built-in jobs to run, comma-separated: cpu, io, mixed, net, files, subprocess, native,
    /// or all [default: cpu,io,mixed, unless --job].
    #[arg(long, value_delimiter = ',', value_name = "JOBS")]
    pub jobs: Option<Vec<String>>,
    /// A job of your own: FUNCTION in FILE, called once per item with the item's index.
    #[arg(long = "job", value_name = "FILE:FUNCTION")]
    pub job: Vec<String>,
    /// Modes, comma-separated: sequential, threads, processes, coroutines, thread-pool,
    /// process-pool (concurrent.futures' executors), or all (sequential, the baseline of the
    /// speedups, always runs).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "sequential,threads,processes,coroutines"
    )]
    pub modes: Vec<String>,
    /// Worker counts, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "1,2,4")]
    pub workers: Vec<u32>,
    /// Rounds: each runs every configuration once, in a shuffled order; a row reports the
    /// median work time and the spread [default: 3, 1 with --quick].
    #[arg(long, value_name = "N")]
    pub repeat: Option<u32>,
    /// Items of work per job, split among the workers [default: calibrated so the sequential
    /// work lasts --min-time; 8 with --quick].
    #[arg(long, value_name = "ITEMS")]
    pub size: Option<u32>,
    /// Seconds the sequential work of each job should last at least (calibrates --size).
    #[arg(long, default_value_t = 0.5, value_name = "SECONDS")]
    pub min_time: f64,
    /// Short runs for smoke tests: 8 items, one round, no calibration (the figures are noisy).
    #[arg(long)]
    pub quick: bool,
    #[command(flatten)]
    pub gil: GilKnobs,
    /// Print the results as JSON (schema gilvm-compare/2) instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Write a bar chart of the speedups to FILE (SVG).
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Also run the very same scripts under this Python (e.g. python3).
    #[arg(long, value_name = "PATH")]
    pub python: Option<String>,
    /// Write a Chrome trace (Perfetto) of the gilvm runs' threads to FILE (recorded in one
    /// extra run per configuration: recording slows a run).
    #[arg(long, value_name = "FILE")]
    pub trace: Option<PathBuf>,
    /// Write an SVG timeline of the gilvm runs' threads to FILE (one panel per run).
    #[arg(long, value_name = "FILE")]
    pub timeline: Option<PathBuf>,
    /// Kill a run that takes longer than this many seconds.
    #[arg(long, default_value_t = 120.0, value_name = "SECONDS")]
    pub timeout: f64,
}

/// `gilvm sweep`: the mixed workload across switch intervals, instruction counts and policies.
#[derive(Args, Debug, Clone)]
pub struct SweepArgs {
    /// Switch intervals in milliseconds, comma-separated.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "1,5,15",
        value_name = "MS,..."
    )]
    pub switch_interval: Vec<f64>,
    /// Instruction counts, comma-separated (0 = switch by time only).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "0,100",
        value_name = "N,..."
    )]
    pub switch_instructions: Vec<u32>,
    /// Policies, comma-separated.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "fifo,naive,io-priority",
        value_name = "POLICY,..."
    )]
    pub gil_policy: Vec<String>,
    /// Wake-ups measured per run (each sleeps 5 ms).
    #[arg(long, default_value_t = 40, value_name = "SLEEPS")]
    pub size: u32,
    /// Rounds: each runs every configuration once, in a shuffled order; wake-ups are pooled
    /// over the rounds, throughput is the median round's with the spread.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub repeat: u32,
    /// Print the results as JSON (schema gilvm-sweep/2) instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Write a chart of throughput against wake latency to FILE (SVG).
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Also run the workload under this Python for each switch interval (sys.setswitchinterval).
    #[arg(long, value_name = "PATH")]
    pub python: Option<String>,
    /// Write a Chrome trace (Perfetto) of the gilvm runs' threads to FILE.
    #[arg(long, value_name = "FILE")]
    pub trace: Option<PathBuf>,
    /// Write an SVG timeline of the gilvm runs' threads to FILE.
    #[arg(long, value_name = "FILE")]
    pub timeline: Option<PathBuf>,
    /// Kill a run that takes longer than this many seconds.
    #[arg(long, default_value_t = 120.0, value_name = "SECONDS")]
    pub timeout: f64,
}
