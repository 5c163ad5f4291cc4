//! The interpreter's exit hooks: work that a registered module must do when the program ends,
//! after the `atexit` functions and the final flush of stdout — `multiprocessing` joins its
//! non-daemon children and stops daemon ones and pools there (CPython's own atexit hook in
//! `multiprocessing.util`). The VM knows no module: the module's crate registers its hook
//! ([`register`]) when it registers its modules, and [`Vm::run_exit_hooks`] runs them in
//! registration order.
//!
//! A hook's wait must be interruptible: it is run inside [`Vm::wait_interruptibly`] with its
//! `wake` function (which ends the wait on Ctrl-C) and must return when its [`Stop`] says so.
//!
//! The second hook here, [`set_budget_end`], is for a process that is one part of a larger run
//! (a `multiprocessing` worker): when its instruction budget is spent, the whole run ends
//! (runtime/instr_limit.rs calls it), not only this process.

use std::sync::{Mutex, OnceLock};

use crate::interp::vm::Vm;
use crate::runtime::interrupt::Stop;

/// One module's exit work.
#[derive(Clone, Copy)]
pub struct ExitHook {
    /// Do the work; `interrupted` is true after Ctrl-C or a limit (the module then stops what
    /// it waits for instead of waiting). Must return when `stop` is requested.
    pub run: fn(interrupted: bool, stop: &Stop),
    /// Wake the hook's wait (called on Ctrl-C while it runs).
    pub wake: fn(),
}

fn hooks() -> &'static Mutex<Vec<ExitHook>> {
    static HOOKS: Mutex<Vec<ExitHook>> = Mutex::new(Vec::new());
    &HOOKS
}

/// Add `hook` to the list (once: a second registration of the same `run` does nothing).
pub fn register(hook: ExitHook) {
    let mut hooks = hooks().lock().unwrap_or_else(|e| e.into_inner());
    if !hooks.iter().any(|h| std::ptr::fn_addr_eq(h.run, hook.run)) {
        hooks.push(hook);
    }
}

impl Vm {
    /// Run every registered exit hook, each inside an interruptible wait.
    pub(crate) fn run_exit_hooks(&mut self, interrupted: bool) {
        let list = hooks().lock().unwrap_or_else(|e| e.into_inner()).clone();
        for hook in list {
            self.wait_interruptibly(hook.wake, move |stop| (hook.run)(interrupted, stop));
        }
    }
}

/// How a spent instruction budget ends the run, for a process that is part of a larger run:
/// `end(message, status)` does not return.
pub type BudgetEnd = fn(message: Option<&str>, status: i32);

static BUDGET_END: OnceLock<BudgetEnd> = OnceLock::new();

/// Make a spent instruction budget end the run through `end` (set once, by a worker).
pub fn set_budget_end(end: BudgetEnd) {
    let _ = BUDGET_END.set(end);
}

/// The registered [`BudgetEnd`], if this process is part of a larger run.
pub(crate) fn budget_end() -> Option<BudgetEnd> {
    BUDGET_END.get().copied()
}
