//! Python-level signal handlers (`signal.signal`), the VM's side: which signals arrived
//! ([`note`], async-signal-safe: one atomic OR), and the hook that runs their handlers on
//! the main thread between two instructions, as CPython's `PyErr_CheckSignals` does. The
//! `signal` module (gilvm-stdlib) installs the OS handlers and the [`Runner`]; the VM knows
//! only these bits. A pending signal asks the GIL for attention
//! ([`crate::interp::vm::Interp::wake_for_signal`]) and ends the main thread's interruptible
//! wait (`Stop::requested`), which then goes on after the handler ran (PEP 475), unless the
//! handler raised.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::Interp;

/// Runs the handlers of the signals in the mask (bit n: signal n), on the main thread.
pub type Runner = fn(&mut Vm, u64) -> PyResult<()>;

/// Signals that arrived and whose handlers have not run yet.
static PENDING: AtomicU64 = AtomicU64::new(0);
/// Signals with a Python-level disposition (a handler or SIG_IGN set through `signal`).
static HANDLED: AtomicU64 = AtomicU64::new(0);
static RUNNER: OnceLock<Runner> = OnceLock::new();

/// Install the runner (once per process).
pub fn set_runner(r: Runner) {
    let _ = RUNNER.set(r);
}

/// Record that `sig` arrived (async-signal-safe).
pub fn note(sig: i32) {
    if (1..64).contains(&sig) {
        PENDING.fetch_or(1 << sig, Ordering::SeqCst);
    }
}

/// Is a signal waiting for its handler?
#[inline]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed) != 0
}

/// Mark `sig` as handled at the Python level (or not).
pub fn set_handled(sig: i32, on: bool) {
    if (1..64).contains(&sig) {
        if on {
            HANDLED.fetch_or(1 << sig, Ordering::SeqCst);
        } else {
            HANDLED.fetch_and(!(1 << sig), Ordering::SeqCst);
        }
    }
}

/// Does `sig` have a Python-level disposition?
pub fn handled(sig: i32) -> bool {
    (1..64).contains(&sig) && HANDLED.load(Ordering::SeqCst) & (1 << sig) != 0
}

/// After sending `sig` to this very process (`os.kill(os.getpid(), sig)`): wait a moment for
/// its delivery (another thread of the process may take it) so that its handler runs before
/// the call returns, as it does in CPython.
pub fn await_own(sig: i32) {
    if !handled(sig) || sig == libc::SIGINT {
        return;
    }
    let start = std::time::Instant::now();
    while PENDING.load(Ordering::SeqCst) & (1 << sig) == 0
        && start.elapsed() < std::time::Duration::from_millis(50)
    {
        std::thread::yield_now();
    }
}

impl Interp {
    /// Called by the signal module's watcher after [`note`]: the running thread takes its
    /// cold path soon and the main thread's interruptible wait ends.
    pub fn wake_for_signal(&self) {
        self.gil.request_attention();
        self.interrupts.wake_main();
    }
}

impl Vm {
    /// Run the handlers of the pending signals, if this is the main thread.
    pub fn run_pending_signals(&mut self) -> PyResult<()> {
        if !pending() || !self.is_main_thread() {
            return Ok(());
        }
        let bits = PENDING.swap(0, Ordering::SeqCst);
        match RUNNER.get() {
            Some(run) if bits != 0 => run(self, bits),
            _ => Ok(()),
        }
    }

    /// A Ctrl-C taken by a Python-level SIGINT handler: true if it was (and that handler ran).
    pub(crate) fn sigint_to_handler(&mut self) -> Option<PyResult<()>> {
        if !handled(libc::SIGINT) {
            return None;
        }
        let run = RUNNER.get()?;
        Some(run(self, 1 << libc::SIGINT))
    }
}
