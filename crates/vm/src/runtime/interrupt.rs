//! Ctrl-C: a SIGINT becomes `KeyboardInterrupt` in the main thread, as in CPython.
//!
//! # The path of a Ctrl-C
//!
//! 1. The CLI (crates/cli/interrupt.rs) registers two signal-hook actions for SIGINT, both
//!    async-signal-safe, run by the handler in this order: store `true` in the interpreter's
//!    pending flag ([`Interrupts::signal_flag`]), then write a byte to a self-pipe. A watcher
//!    thread reads the pipe and calls
//!    [`Interp::wake_for_interrupt`](crate::interp::vm::Interp::wake_for_interrupt). Setting the flag
//!    at delivery means one signal is one interrupt, and a wait that ends at the same moment
//!    (a child process that exits on the same Ctrl-C) cannot return before the interrupt is
//!    seen. The VM never touches signals; other callers use
//!    [`Interp::interrupt`](crate::interp::vm::Interp::interrupt), which sets the flag itself.
//! 2. `wake_for_interrupt` asks the GIL for attention (the eval breaker the running thread
//!    already checks every instruction: no new check on the hot path) and wakes the main
//!    thread if it is in an interruptible wait (its *waker*, see below).
//! 3. The running thread sees the breaker at its next instruction and takes the cold path
//!    (`Vm::budget_exhausted`). There the main thread runs the handler
//!    ([`Vm::check_interrupt`], CPython's `PyErr_CheckSignals`): it raises `KeyboardInterrupt`
//!    at the current instruction, so the traceback names the line that was running. Any other
//!    thread only clears the attention request and goes on (only the main thread handles
//!    signals, as in CPython); the main thread handles the interrupt the next time it runs its
//!    cold path, which it does as soon as it gets the GIL back.
//! 4. A main thread blocked in a wait (`time.sleep`, a lock, a join, a queue, the event loop,
//!    a child process) waits *interruptibly* ([`Vm::wait_interruptibly`]): before it lets the
//!    GIL go it installs a waker (a closure that locks the wait's mutex and notifies its
//!    condition variable), and its wait loop ends when [`Stop::requested`] says so. Afterwards
//!    the caller runs [`Vm::check_interrupt`], which raises; the primitive is left as it was (a
//!    lock not acquired stays free for others, a queue keeps its item). A wait that completed
//!    anyway returns its result, and the pending interrupt is raised at the next instruction.
//!
//! Between two instructions of gilvm's own `threading.py` and `queue.py` the interrupt is
//! taken back (`Vm::defer_interrupt`): raised in their blocking waits, or later back in the
//! caller's code.
//!
//! While `asyncio.run` runs on the main thread the handler is asyncio's, as in CPython's
//! `asyncio.Runner`: the first Ctrl-C cancels the main task (its `finally` blocks run and
//! `asyncio.run` then raises `KeyboardInterrupt`), a second one raises at once.
//!
//! An uncaught `KeyboardInterrupt` makes [`Vm::run_main`] return [`INTERRUPTED_STATUS`] and
//! records it ([`Interrupts::unhandled`]); the CLI then ends the process by SIGINT with the
//! default action, as CPython does (bpo-1054041), so a shell sees status 130 and a script
//! loop running gilvm stops too.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use crate::interp::vm::Vm;
use crate::modules::threading::wait::LIBRARY_FILES;
use crate::object::error::{PyErr, PyResult};

/// The exit status of a program ended by an uncaught `KeyboardInterrupt` (128 + SIGINT).
pub const INTERRUPTED_STATUS: i32 = 130;

/// How to wake the main thread's current wait.
type Waker = Arc<dyn Fn() + Send + Sync>;

/// The interpreter's interrupt state (one per process, in `Interp`).
pub struct Interrupts {
    /// A Ctrl-C arrived that the main thread has not handled yet. Shared so that a signal
    /// handler can set it at the moment the signal is delivered ([`Interrupts::signal_flag`]).
    pending: Arc<AtomicBool>,
    /// The GIL id of the main thread (0 until it is known).
    main: AtomicU64,
    /// The main thread's current interruptible wait, if any.
    waker: Mutex<Option<Waker>>,
    /// Where waits without a condition variable of their own (`time.sleep`) sleep.
    bell: Mutex<()>,
    ring: Condvar,
    /// An uncaught KeyboardInterrupt ended the main script.
    unhandled: AtomicBool,
    /// The KeyboardInterrupt (its address) last raised between two instructions.
    boundary: AtomicUsize,
    /// That one was just taken back (the next check lets its instruction run).
    deferred: AtomicBool,
}

impl Default for Interrupts {
    fn default() -> Self {
        Interrupts {
            pending: Arc::new(AtomicBool::new(false)),
            main: AtomicU64::new(0),
            waker: Mutex::new(None),
            bell: Mutex::new(()),
            ring: Condvar::new(),
            unhandled: AtomicBool::new(false),
            boundary: AtomicUsize::new(0),
            deferred: AtomicBool::new(false),
        }
    }
}

impl std::fmt::Debug for Interrupts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interrupts")
            .field("pending", &self.pending())
            .field("unhandled", &self.unhandled())
            .finish()
    }
}

impl Interrupts {
    /// Record a Ctrl-C.
    pub(crate) fn set(&self) {
        // SeqCst: a waiter that installs its waker after this store sees it (see `Stop`).
        self.pending.store(true, Ordering::SeqCst);
    }

    /// Wake the main thread's interruptible wait, if it is in one.
    pub(crate) fn wake_main(&self) {
        let waker = self.waker.lock().clone();
        if let Some(wake) = waker {
            wake();
        }
    }

    /// The pending flag itself, for a signal handler to set when the signal is delivered (it
    /// must only store `true`, e.g. `signal_hook::flag::register`); whoever watches the signal
    /// then calls [`crate::interp::vm::Interp::wake_for_interrupt`]. Setting it at delivery means a
    /// wait that ends at the same moment (a child that exits on the same Ctrl-C) cannot return
    /// before the interrupt is seen, and one signal is one KeyboardInterrupt.
    pub fn signal_flag(&self) -> Arc<AtomicBool> {
        self.pending.clone()
    }

    /// Is a Ctrl-C waiting to be handled?
    #[inline]
    pub fn pending(&self) -> bool {
        self.pending.load(Ordering::Relaxed)
    }

    /// Take the pending Ctrl-C (true if there was one).
    fn take(&self) -> bool {
        self.pending.swap(false, Ordering::SeqCst)
    }

    /// Did an uncaught KeyboardInterrupt end the main script? (The CLI then ends the process
    /// by SIGINT.)
    pub fn unhandled(&self) -> bool {
        self.unhandled.load(Ordering::Relaxed)
    }

    pub(crate) fn set_unhandled(&self) {
        self.unhandled.store(true, Ordering::Relaxed)
    }

    pub(crate) fn set_main(&self, id: u64) {
        self.main.store(id, Ordering::Relaxed)
    }

    fn install(&self, waker: Waker) {
        *self.waker.lock() = Some(waker);
    }

    fn uninstall(&self) {
        *self.waker.lock() = None;
    }

    /// Sleep until `deadline` unless `stop` asks first (the bell is what the waker rings).
    fn sleep_until(&self, deadline: Instant, stop: &Stop) {
        let mut g = self.bell.lock();
        while !stop.requested() && Instant::now() < deadline {
            self.ring.wait_until(&mut g, deadline);
        }
    }

    fn ring(&self) {
        let _g = self.bell.lock();
        self.ring.notify_all();
    }
}

/// Handed to an interruptible wait: its loop must end when [`Stop::requested`] is true. For a
/// thread other than the main thread it never is.
#[derive(Clone)]
pub struct Stop(Option<Arc<Interrupts>>);

impl Stop {
    /// A stop that never asks (waits that nothing can interrupt).
    pub fn never() -> Stop {
        Stop(None)
    }

    /// Must the wait end now (a Ctrl-C is pending and this is the main thread)? Check it with
    /// the wait's mutex held, before each wait on its condition variable: the waker takes the
    /// same mutex before it notifies, so no wake-up is lost.
    #[inline]
    pub fn requested(&self) -> bool {
        self.0
            .as_ref()
            .is_some_and(|i| i.pending.load(Ordering::SeqCst) || crate::runtime::signals::pending())
    }
}

/// Clears the waker when the wait ends, even by unwinding.
struct Installed<'a>(Option<&'a Interrupts>);

impl Drop for Installed<'_> {
    fn drop(&mut self) {
        if let Some(i) = self.0 {
            i.uninstall();
        }
    }
}

impl Vm {
    /// Is this the interpreter's main thread (the one that handles Ctrl-C)?
    pub fn is_main_thread(&self) -> bool {
        self.interp.interrupts.main.load(Ordering::Relaxed) == self.thread_gil.id()
    }

    /// Run the blocking wait `f` with the GIL released; on the main thread a Ctrl-C ends it
    /// early: `wake` is called (from the signal watcher thread; it must lock the wait's mutex
    /// and notify its condition variable) and `f`'s loop must return once its [`Stop`] is
    /// requested. Call [`Vm::check_interrupt`] afterwards (it raises `KeyboardInterrupt`),
    /// then go on waiting if the wait was not done and nothing was raised.
    pub fn wait_interruptibly<T, W, F>(&mut self, wake: W, f: F) -> T
    where
        T: Send,
        W: Fn() + Send + Sync + 'static,
        F: FnOnce(&Stop) -> T + Send,
    {
        if !self.is_main_thread() {
            let stop = Stop::never();
            return self.allow_threads(move || f(&stop));
        }
        let interrupts = self.interp.interrupts.clone();
        interrupts.install(Arc::new(wake));
        let _installed = Installed(Some(&interrupts));
        let stop = Stop(Some(interrupts.clone()));
        self.allow_threads(move || f(&stop))
    }

    /// `time.sleep`: sleep with the GIL released; on the main thread a Ctrl-C ends the sleep
    /// and raises `KeyboardInterrupt` (or, under `asyncio.run`, the sleep goes on).
    pub fn interruptible_sleep(&mut self, dur: Duration) -> PyResult<()> {
        let Some(deadline) = Instant::now().checked_add(dur) else {
            // Longer than the clock can count: sleep "for ever", a year at a time.
            loop {
                self.interruptible_sleep(Duration::from_secs(365 * 86_400))?;
            }
        };
        if !self.is_main_thread() {
            self.allow_threads(move || std::thread::sleep(dur));
            return Ok(());
        }
        loop {
            let interrupts = self.interp.interrupts.clone();
            let i = interrupts.clone();
            self.wait_interruptibly(
                move || i.ring(),
                move |stop| interrupts.sleep_until(deadline, stop),
            );
            self.check_interrupt()?;
            if Instant::now() >= deadline {
                return Ok(());
            }
        }
    }

    /// CPython's `PyErr_CheckSignals`: on the main thread, handle a pending Ctrl-C — raise
    /// `KeyboardInterrupt`, unless `asyncio.run` takes it (it cancels its main task). A no-op
    /// on other threads and when nothing is pending.
    pub fn check_interrupt(&mut self) -> PyResult<()> {
        self.run_pending_signals()?;
        if !self.interp.interrupts.pending() || !self.is_main_thread() {
            return Ok(());
        }
        if !self.interp.interrupts.take() {
            return Ok(());
        }
        if let Some(r) = self.sigint_to_handler() {
            return r;
        }
        if crate::modules::asyncio::on_interrupt() {
            return Ok(());
        }
        Err(self.keyboard_interrupt())
    }

    /// The eval breaker's side of a pending Ctrl-C (called on the cold path of an
    /// instruction): the main thread raises KeyboardInterrupt here; any other thread only stops
    /// the breaker from firing (the main thread looks when it next runs the cold path).
    pub(crate) fn interrupt_at_instruction(&mut self) -> PyResult<()> {
        self.interp.gil.take_attention();
        if self
            .interp
            .interrupts
            .deferred
            .swap(false, Ordering::Relaxed)
        {
            // Just taken back in library code (`defer_interrupt`): let that instruction run
            // (this check comes at once when the eval loop's countdown was left at 1); the
            // next one raises.
            return Ok(());
        }
        self.check_interrupt().inspect_err(|err| {
            // Remembered so that the unwinder can tell it from a raised one
            // (`defer_interrupt`).
            let ptr = Arc::as_ptr(&err.0) as usize;
            self.interp
                .interrupts
                .boundary
                .store(ptr, Ordering::Relaxed);
        })
    }

    /// Called first thing by the unwinder. A KeyboardInterrupt raised between two instructions
    /// of gilvm's own `threading.py` or `queue.py` is taken back: their locks are C code in
    /// CPython, which a signal cannot interrupt half-way, and an exception in the middle of
    /// `RLock._release_save` would break the lock. The instruction it came before runs after
    /// all (its frame's `ip` steps back), and the interrupt stays pending: it is raised in
    /// their next blocking wait, or at the next cold-path check back in the caller's code.
    /// True if the error was taken back.
    pub(crate) fn defer_interrupt(&mut self, err: &PyErr) -> bool {
        let interrupts = &self.interp.interrupts;
        let ptr = Arc::as_ptr(&err.0) as usize;
        if interrupts.boundary.load(Ordering::Relaxed) != ptr {
            return false;
        }
        interrupts.boundary.store(0, Ordering::Relaxed);
        let Some(frame) = self.frames.last_mut() else {
            return false;
        };
        let library = frame
            .func
            .as_ref()
            .is_some_and(|f| LIBRARY_FILES.contains(&&*f.code.code.filename));
        if !library || frame.ip == 0 {
            return false;
        }
        frame.ip -= 1;
        interrupts.set();
        interrupts.deferred.store(true, Ordering::Relaxed);
        true
    }

    /// A fresh `KeyboardInterrupt()` (no arguments, as the one CPython raises for Ctrl-C).
    pub fn keyboard_interrupt(&self) -> PyErr {
        let class = self.types().keyboard_interrupt.clone();
        self.new_error_args(&class, Vec::new())
    }
}
