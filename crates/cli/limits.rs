//! `--timeout SECONDS` and `--max-memory MB`: a watchdog thread that ends a runaway program.
//! (`--max-instructions N` is the VM's own: `gilvm_vm::runtime::instr_limit`, status 123.)
//!
//! The watchdog wakes every few milliseconds. Past the deadline it flushes the program's
//! buffered stdout (if the interpreter does not hold it at that moment), prints
//! `gilvm: time limit of N s exceeded` and exits the process with status 124 (the status of
//! coreutils' `timeout`). When the resident set size (`VmRSS` in `/proc/self/status`, summed
//! with the program's multiprocessing workers') is above the memory limit it does the same with
//! `gilvm: memory limit of N MB exceeded` and status 125. Either way the workers are killed
//! first (gilvm_stdlib::multiprocessing::tree).
//! Exiting from the watchdog works whatever the interpreter is doing (a tight loop, a long
//! native call such as sorting, a blocked lock), without any cooperation from the eval loop.
//! The memory limit is also handed to the VM (`gilvm_vm::runtime::alloc_limit`), so that one request
//! obviously too large (`'x' * 10**9` under `--max-memory 64`) raises `MemoryError` in the
//! program instead of ending it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use gilvm_stdlib::multiprocessing::tree;
use gilvm_vm::Interp;

/// Exit status when the time limit is exceeded.
pub const TIMEOUT_STATUS: i32 = 124;
/// Exit status when the memory limit is exceeded.
pub const MEMORY_STATUS: i32 = 125;

/// How often the watchdog looks at the clock and the RSS.
const TICK: Duration = Duration::from_millis(5);

/// With workers, the whole tree's RSS is summed every this many ticks (it walks `/proc`).
const TREE_EVERY: u64 = 4;

/// Register the interpreter whose stdout the watchdog flushes.
pub fn set_interp(interp: Arc<Interp>) {
    tree::set_interp(interp);
}

/// The limits a user set on the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Limits {
    pub timeout: Option<f64>,
    pub max_memory_mb: Option<u64>,
}

/// Check a `--timeout` value: a positive number of seconds.
pub fn parse_seconds(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 && s < 1e9 => Ok(s),
        _ => Err(format!(
            "expected a positive number of seconds, got {text:?}"
        )),
    }
}

/// Check a `--max-instructions` value: a positive number of instructions.
pub fn parse_instructions(text: &str) -> Result<u64, String> {
    let digits: String = text.trim().chars().filter(|&c| c != '_').collect();
    match digits.parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!(
            "expected a positive whole number of instructions, got {text:?}"
        )),
    }
}

/// Check a `--max-memory` value: a positive number of megabytes.
pub fn parse_megabytes(text: &str) -> Result<u64, String> {
    match text.trim().parse::<u64>() {
        Ok(mb) if mb > 0 && mb < (1 << 40) => Ok(mb),
        _ => Err(format!(
            "expected a positive number of megabytes, got {text:?}"
        )),
    }
}

/// Start the watchdog if any limit is set.
pub fn start(limits: Limits) {
    if limits.timeout.is_none() && limits.max_memory_mb.is_none() {
        return;
    }
    let max_bytes = limits.max_memory_mb.map(|mb| mb.saturating_mul(1 << 20));
    if let Some(bytes) = max_bytes {
        gilvm_vm::runtime::alloc_limit::set_memory_limit(
            usize::try_from(bytes).unwrap_or(usize::MAX),
        );
    }
    let deadline = limits
        .timeout
        .map(|s| Instant::now() + Duration::from_secs_f64(s));
    let spawned = std::thread::Builder::new()
        .name("gilvm-watchdog".into())
        .spawn(move || {
            let mut tick: u64 = 0;
            loop {
                std::thread::sleep(TICK);
                tick += 1;
                if let (Some(deadline), Some(seconds)) = (deadline, limits.timeout) {
                    if Instant::now() >= deadline {
                        finish(
                            &format!("gilvm: time limit of {} s exceeded", seconds),
                            TIMEOUT_STATUS,
                        );
                    }
                }
                if let (Some(max), Some(mb)) = (max_bytes, limits.max_memory_mb) {
                    // The tree's RSS (multiprocessing workers included) every TREE_EVERY ticks.
                    let rss = if tree::has_children() && tick.is_multiple_of(TREE_EVERY) {
                        tree::tree_resident_bytes()
                    } else {
                        tree::resident_bytes(None)
                    };
                    if rss.is_some_and(|rss| rss > max) {
                        finish(
                            &format!("gilvm: memory limit of {mb} MB exceeded"),
                            MEMORY_STATUS,
                        );
                    }
                }
            }
        });
    if let Err(err) = spawned {
        eprintln!("gilvm: cannot start the limits watchdog: {err}");
        std::process::exit(1);
    }
}

/// End the run (the whole process tree: multiprocessing/tree.rs) with `message` and `status`.
fn finish(message: &str, status: i32) -> ! {
    tree::end_run(Some(message), status)
}
