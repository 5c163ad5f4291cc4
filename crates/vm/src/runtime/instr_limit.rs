//! The instruction limit (`VmConfig::max_instructions`, `gilvm run --max-instructions N`): a
//! budget of bytecode instructions for the whole interpreter, shared by all its threads.
//!
//! # Cost
//!
//! Nothing on the hot path: the eval loop already counts instructions down for the GIL (design
//! §3) and takes a cold path when its countdown reaches zero — at least every
//! `UNCOUNTED_CHUNK` (10 000) instructions, every `switch_instructions` when threads wait. That
//! cold path ([`Vm::budget_exhausted`]) charges the instructions run since the thread's last
//! charge to the shared budget (one atomic subtraction per slice), and, when less than a slice is
//! left, arms the countdown with what is left so the next check comes on time. So that
//! instructions run in nested runs of the eval loop (a `sorted` key, a generator resumed by
//! native code) are counted, a nested run stores its countdown back when it returns.
//!
//! Measured with callgrind on a release build (instructions executed, 2026-11-22): `fib.py 22`
//! 37.053 M before, 37.060 M after this change, 37.075 M with `--max-instructions 10**12`; a loop
//! of 30 000 `sorted` key calls and 40 000 generator resumptions 69.28 M before, 69.68 M after
//! (+0.6%: the store when a nested run returns).
//!
//! # Precision
//!
//! Instructions are counted as the GIL counts them: one per dispatched instruction (a few fused
//! pairs count once). A thread notices the end of the budget at its next check, so a program
//! with several threads may run a few instructions past the limit (at most one slice per
//! thread); one thread alone stops within a handful of instructions of it. Time spent in native
//! code (sorting, `sum(range(10**12))`) or blocked (sleeping, waiting on a lock) is not counted:
//! `--timeout` covers those.
//!
//! # What happens
//!
//! When the budget is used up, the thread that notices raises `InstructionLimitExceeded` (a
//! `BaseException` subclass that is not in builtins). Python code cannot catch it: the unwinder
//! skips every handler for it — `except`, `except BaseException`, bare `except:`, `finally`
//! blocks and `with` exits do **not** run — and pops frames straight to the native caller. Native
//! code that would swallow an error and run Python code again (an asyncio callback, a thread's
//! excepthook) cannot loop: once the budget is spent, every thread's next instruction raises it
//! again (the thread that spends the budget also sets the eval breaker, so the others check at
//! their next instruction rather than at the end of their slice). The error ends the program:
//! [`Vm::run_main`] prints `gilvm: instruction limit of N exceeded` on stderr, does not wait for
//! other threads (they are stopped at their next instruction or abandoned at exit), stops child
//! processes as after Ctrl-C, and returns [`INSTRUCTION_LIMIT_STATUS`] (123) — also when the
//! main thread finished (or failed otherwise) after another thread spent the budget. Another
//! thread that meets it ends silently. Child processes started by `multiprocessing` get a budget
//! of N of their own; a worker that spends it ends the whole process tree at once with status
//! 123 (the worker's `exit_hooks::set_budget_end`, gilvm-stdlib's multiprocessing/tree.rs).
//!
//! # The in-process memory limit
//!
//! The same switch points enforce the memory limit when the embedder counts its heap
//! (`alloc_limit::set_usage_probe`; the `run` fuzz target does, the `gilvm` command line uses its
//! RSS watchdog instead): slices are then at most [`MEMORY_CHECK_EVERY`] instructions long, and
//! when the heap is above the limit the program ends as with the instruction limit, with
//! `MemoryLimitExceeded` (uncaught by anything), `gilvm: memory limit of N MB exceeded` and
//! status [`MEMORY_LIMIT_STATUS`] (125, as `--max-memory`).

use std::sync::atomic::{AtomicI64, Ordering};

use crate::interp::vm::Vm;
use crate::object::error::{PyErr, PyResult};

/// Exit status of a program stopped by the instruction limit (124 is `--timeout`, 125
/// `--max-memory`).
pub const INSTRUCTION_LIMIT_STATUS: i32 = 123;

/// Exit status of a program stopped by the in-process memory limit (as `--max-memory`).
pub const MEMORY_LIMIT_STATUS: i32 = 125;

/// With a heap usage probe, the heap is checked at least this often (instructions).
pub const MEMORY_CHECK_EVERY: u32 = 1000;

/// The interpreter's instruction budget.
#[derive(Debug)]
pub struct InstructionLimit {
    limit: u64,
    /// Instructions left; negative once the limit has been passed (and stays so).
    remaining: AtomicI64,
}

impl InstructionLimit {
    pub fn new(limit: u64) -> InstructionLimit {
        let limit = limit.min(i64::MAX as u64);
        InstructionLimit {
            limit,
            remaining: AtomicI64::new(limit as i64),
        }
    }

    /// The limit set.
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// Instructions left (0 once exhausted).
    pub fn left(&self) -> u64 {
        self.remaining.load(Ordering::Relaxed).max(0) as u64
    }

    /// Has the program run more instructions than the limit?
    pub fn exhausted(&self) -> bool {
        self.remaining.load(Ordering::Relaxed) < 0
    }

    /// Charge `n` instructions; true if the budget is now exhausted.
    fn charge(&self, n: u64) -> bool {
        let n = n.min(i64::MAX as u64) as i64;
        let before = self.remaining.fetch_sub(n, Ordering::Relaxed);
        before.saturating_sub(n) < 0
    }

    /// The message printed when a program is stopped.
    pub fn message(&self) -> String {
        format!("gilvm: instruction limit of {} exceeded", self.limit)
    }
}

impl Vm {
    /// The instruction limit's part of the GIL's cold path (see the module docs), before the
    /// switch decision: charge this thread's instructions since its last charge, and raise
    /// `InstructionLimitExceeded` if the budget is spent (making this thread's next instruction
    /// check again).
    #[cold]
    fn charge_instructions(&mut self) -> PyResult<()> {
        let run = self.thread_gil.instructions_run();
        let delta = run.saturating_sub(self.charged);
        self.charged = run;
        let exhausted = match &self.interp.instruction_limit {
            Some(limit) => limit.charge(delta),
            None => false,
        };
        if let (true, Some(end)) = (exhausted, crate::runtime::exit_hooks::budget_end()) {
            // A worker's budget ends the whole tree's run (runtime/exit_hooks.rs).
            let message = self.interp.instruction_limit.as_ref().map(|l| l.message());
            end(message.as_deref(), INSTRUCTION_LIMIT_STATUS);
        }
        if exhausted {
            // This thread checks again at its next instruction; the eval breaker makes the
            // other threads check at theirs.
            self.thread_gil.limit_countdown(1);
            self.interp.gil.request_attention();
            return Err(self.instruction_limit_error());
        }
        Ok(())
    }

    /// The limits' part of the GIL's cold path, before the switch decision: the instruction
    /// budget, then (with a heap usage probe) the memory limit.
    #[cold]
    pub(crate) fn check_limits(&mut self) -> PyResult<()> {
        if self.interp.instruction_limit.is_some() {
            self.charge_instructions()?;
        }
        if crate::runtime::alloc_limit::has_usage_probe()
            && (self.interp.memory_limit_hit.load(Ordering::Relaxed)
                || crate::runtime::alloc_limit::heap_over_limit())
        {
            self.interp.memory_limit_hit.store(true, Ordering::Relaxed);
            self.thread_gil.limit_countdown(1);
            self.interp.gil.request_attention();
            let class = self.types().memory_limit.clone();
            return Err(self.new_error(&class, memory_limit_message()));
        }
        Ok(())
    }

    /// Are any limits checked at the GIL's switch points?
    #[inline]
    pub(crate) fn limits_on(&self) -> bool {
        self.interp.instruction_limit.is_some() || crate::runtime::alloc_limit::has_usage_probe()
    }

    /// After the countdown was (re)armed: if less than a slice of the budget is left, check
    /// again once it is used up; with a heap usage probe, check the heap often enough.
    pub(crate) fn cap_countdown(&mut self) {
        let mut cap = u32::MAX;
        if let Some(limit) = &self.interp.instruction_limit {
            cap = u32::try_from(limit.left()).unwrap_or(u32::MAX);
        }
        if crate::runtime::alloc_limit::has_usage_probe() {
            cap = cap.min(MEMORY_CHECK_EVERY);
        }
        self.thread_gil.limit_countdown(cap);
    }

    /// A new `InstructionLimitExceeded`.
    pub(crate) fn instruction_limit_error(&self) -> PyErr {
        let msg = match &self.interp.instruction_limit {
            Some(limit) => format!("instruction limit of {} exceeded", limit.limit()),
            None => "instruction limit exceeded".to_string(),
        };
        self.new_error(&self.types().instruction_limit.clone(), msg)
    }

    /// Is `err` the instruction limit's or the memory limit's error (which no handler may
    /// catch)?
    #[inline]
    pub fn is_limit_error(&self, err: &PyErr) -> bool {
        std::sync::Arc::ptr_eq(err.class(), &self.types().instruction_limit)
            || std::sync::Arc::ptr_eq(err.class(), &self.types().memory_limit)
    }

    /// If a limit ended the program: report it on stderr and return its exit status.
    pub fn report_limit(&mut self) -> Option<i32> {
        let (msg, status) = if self.interp.memory_limit_hit.load(Ordering::Relaxed) {
            (
                format!("gilvm: {}", memory_limit_message()),
                MEMORY_LIMIT_STATUS,
            )
        } else {
            match &self.interp.instruction_limit {
                Some(limit) if limit.exhausted() => (limit.message(), INSTRUCTION_LIMIT_STATUS),
                _ => return None,
            }
        };
        self.interp.flush_stdout();
        let _ = self.interp.write_stderr(format!("{msg}\n").as_bytes());
        Some(status)
    }
}

fn memory_limit_message() -> String {
    format!(
        "memory limit of {} MB exceeded",
        crate::runtime::alloc_limit::memory_limit() >> 20
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charging_past_the_limit_exhausts_for_good() {
        let l = InstructionLimit::new(100);
        assert!(!l.charge(60));
        assert_eq!(l.left(), 40);
        assert!(!l.charge(40));
        assert!(!l.exhausted());
        assert!(l.charge(1));
        assert!(l.exhausted());
        assert_eq!(l.left(), 0);
        assert!(l.charge(0), "stays exhausted");
        assert_eq!(l.message(), "gilvm: instruction limit of 100 exceeded");
    }

    #[test]
    fn a_huge_limit_does_not_wrap() {
        let l = InstructionLimit::new(u64::MAX);
        assert!(!l.charge(u64::MAX / 4));
        assert!(!l.exhausted());
    }
}
