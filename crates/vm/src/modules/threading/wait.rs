//! Waiting on an in-interpreter primitive: release the GIL around the wait, and record it in
//! the thread registry so that a wait nobody can end is reported as a deadlock instead of a
//! hang.

use std::io::Write;

use super::registry::Wait;
use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::runtime::interrupt::Stop;

/// The native wait being started (used when no library frame says better).
#[derive(Clone, Copy, Debug)]
pub enum WaitKind {
    Lock,
    Join,
    Shutdown,
}

/// Filenames of the embedded library modules: their frames are not "the user's line", and
/// the outermost of them names what is waited on (`Queue.get`, `Event.wait`).
pub const LIBRARY_FILES: [&str; 2] = ["<gilvm>/threading.py", "<gilvm>/queue.py"];

/// Run `f` (a blocking wait) with the GIL released, recorded as waiting on `key`. If this
/// untimed wait completes a deadlock, print the report and exit the process with status 1.
/// On the main thread a Ctrl-C ends the wait early (`wake` wakes it, `f` returns once its
/// `Stop` is requested: see `Vm::wait_interruptibly`); the caller then runs
/// `vm.check_interrupt()`.
pub fn wait_blocking<T, W, F>(
    vm: &mut Vm,
    key: usize,
    kind: WaitKind,
    timed: bool,
    wake: W,
    f: F,
) -> PyResult<T>
where
    T: Send,
    W: Fn() + Send + Sync + 'static,
    F: FnOnce(&Stop) -> T + Send,
{
    let ident = vm.thread_gil().id();
    let (what, site) = wait_site(vm, kind);
    let wait = Wait {
        key,
        what,
        site,
        timed,
    };
    if let Some(report) = vm.interp.threads.begin_wait(ident, wait) {
        deadlock_exit(vm, &report);
    }
    let r = vm.wait_interruptibly(wake, f);
    vm.interp.threads.end_wait(ident);
    Ok(r)
}

/// Report a deadlock and end the process (status 1): nothing can ever run again.
pub fn deadlock_exit(vm: &Vm, report: &str) -> ! {
    vm.interp.flush_stdout();
    if let Some(limit) = vm.interp.instruction_limit.as_ref() {
        if limit.exhausted() {
            // Threads stopped by the instruction limit left the others waiting: that is the
            // instruction limit's report, not a deadlock's.
            let _ = writeln!(std::io::stderr(), "{}", limit.message());
            std::process::exit(crate::runtime::instr_limit::INSTRUCTION_LIMIT_STATUS)
        }
    }
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(report.as_bytes());
    let _ = err.flush();
    std::process::exit(1)
}

/// What the current thread waits on and where: the outermost library frame's function
/// (`Condition.wait`) or the native primitive, and the innermost user frame's `file:line`.
pub fn wait_site(vm: &Vm, kind: WaitKind) -> (String, String) {
    let mut what = match kind {
        WaitKind::Lock => "Lock.acquire".to_string(),
        WaitKind::Join => "Thread.join".to_string(),
        WaitKind::Shutdown => "the non-daemon threads (the main script has ended)".into(),
    };
    let mut site = String::new();
    for frame in vm.frames.iter().rev() {
        let Some(func) = frame.func.as_ref() else {
            continue;
        };
        let code = &func.code.code;
        let line = code.line_at((frame.ip as usize).saturating_sub(1));
        if LIBRARY_FILES.contains(&&*code.filename) {
            what = func.qualname.as_str().to_string();
            continue;
        }
        site = format!("{}:{line}", code.filename);
        break;
    }
    (what, site)
}
