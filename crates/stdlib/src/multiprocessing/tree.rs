//! Limits over the whole process tree (issue 18): `--max-memory`, `--max-instructions` and
//! `--timeout` hold for a program and every `multiprocessing` worker it starts.
//!
//! - Memory is **summed over the tree**: the main process's watchdog (crates/cli/limits.rs)
//!   compares the resident set size of the main process plus all its descendants (found in
//!   `/proc`) with the limit. Each worker also gets the limit, so that one obviously too large
//!   request raises `MemoryError` in it, and its own watchdog sums its own subtree.
//! - The instruction budget is **per process**: each worker gets its own budget of N
//!   instructions (`--max-instructions N` is passed on); any process that spends its budget ends
//!   the whole run.
//! - The timeout is the main process's: its watchdog ends the whole tree.
//!
//! A process that meets a limit calls [`end_run`]: it flushes its stdout, prints the limit's
//! message, kills its descendants, tells its parent (a worker sends `LimitExceeded`, on which
//! the parent does the same without a second message), and exits with the limit's status (123,
//! 124, 125). So no process of the tree survives the run.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use super::process::state;
use super::wire::ToParent;
use gilvm_vm::Interp;

/// The interpreter whose stdout is flushed before the run ends.
static INTERP: OnceLock<Arc<Interp>> = OnceLock::new();

/// Has [`end_run`] started (in this process)?
static ENDING: AtomicBool = AtomicBool::new(false);

/// Register this process's interpreter (its stdout is flushed by [`end_run`]).
pub fn set_interp(interp: Arc<Interp>) {
    let _ = INTERP.set(interp);
}

/// Is this process a multiprocessing worker?
pub fn is_worker() -> bool {
    state().worker.get().is_some()
}

/// Has this process ever started a worker (so that its tree may be larger than itself)?
pub fn has_children() -> bool {
    SPAWNED.load(Ordering::Relaxed)
}

static SPAWNED: AtomicBool = AtomicBool::new(false);

/// Note that a worker was started.
pub(crate) fn note_spawned() {
    SPAWNED.store(true, Ordering::Relaxed);
}

/// The pids of every live descendant of this process (from `/proc/PID/stat`), children first.
pub fn descendants() -> Vec<i32> {
    let me = std::process::id() as i32;
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut parent_of: Vec<(i32, i32)> = Vec::new();
    for entry in dir.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<i32>().ok())
        else {
            continue;
        };
        if let Some(ppid) = parent_pid(pid) {
            parent_of.push((pid, ppid));
        }
    }
    let mut found = vec![me];
    let mut i = 0;
    while i < found.len() {
        let p = found[i];
        for &(pid, ppid) in &parent_of {
            if ppid == p && !found.contains(&pid) {
                found.push(pid);
            }
        }
        i += 1;
    }
    found.remove(0);
    found
}

/// The parent pid of `pid` (field 4 of `/proc/PID/stat`, after the parenthesised name).
fn parent_pid(pid: i32) -> Option<i32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(1)?.parse().ok()
}

/// The resident set size of process `pid` in bytes (`VmRSS`), if it can be read.
pub fn resident_bytes(pid: Option<i32>) -> Option<u64> {
    let path = match pid {
        Some(p) => format!("/proc/{p}/status"),
        None => "/proc/self/status".to_string(),
    };
    let status = std::fs::read_to_string(path).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The resident set size of this process and all its descendants.
pub fn tree_resident_bytes() -> Option<u64> {
    let own = resident_bytes(None)?;
    Some(
        descendants()
            .into_iter()
            .filter_map(|p| resident_bytes(Some(p)))
            .fold(own, u64::saturating_add),
    )
}

/// SIGKILL every descendant (twice over, for children started meanwhile).
pub fn kill_descendants() {
    use nix::sys::signal::{kill, Signal};
    use nix::unistd::Pid;
    for _ in 0..2 {
        let pids = descendants();
        if pids.is_empty() {
            return;
        }
        for pid in pids {
            let _ = kill(Pid::from_raw(pid), Signal::SIGKILL);
        }
    }
}

/// End the whole run because a limit was met: flush stdout, print `message` (if any), kill the
/// descendants, tell the parent (in a worker) and exit with `status`. A second call (another
/// thread) waits for the first to exit the process.
pub fn end_run(message: Option<&str>, status: i32) -> ! {
    if ENDING.swap(true, Ordering::SeqCst) {
        loop {
            std::thread::sleep(Duration::from_secs(1));
        }
    }
    // Flush what the program printed, then keep stdout locked until the exit: the program's
    // threads go on running while the workers are killed, and must not print what follows
    // (a join that saw its workers die).
    let _stdout = INTERP.get().and_then(|interp| {
        let mut out = interp.stdout.try_lock_for(Duration::from_millis(200))?;
        let _ = out.flush();
        Some(out)
    });
    if let Some(message) = message {
        let _ = writeln!(std::io::stderr(), "{message}");
    }
    kill_descendants();
    if let Some(w) = state().worker.get() {
        let _ = w.link.send(&ToParent::LimitExceeded { status });
        // The parent ends the tree (this process included); exit anyway if it does not.
        std::thread::sleep(Duration::from_millis(500));
    }
    std::process::exit(status)
}
