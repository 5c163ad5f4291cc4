//! Ctrl-C for the commands that run Python code (`run`, `FILE`, `-c` and the multiprocessing
//! worker): SIGINT becomes KeyboardInterrupt in the main Python thread, as in CPython.
//!
//! Once the interpreter exists ([`set_interp`]), SIGINT has two signal-hook actions, both
//! async-signal-safe and run by the handler in this order: set the interpreter's pending flag
//! (an atomic store), then write to a self-pipe. A watcher thread reads the pipe and calls
//! [`Interp::wake_for_interrupt`], which asks the GIL for the main thread's attention and wakes
//! its wait (crates/vm/src/interrupt.rs); the flag is already set when it runs. Before that
//! (while the script compiles) SIGINT keeps its default action and ends gilvm, as a Ctrl-C
//! during CPython's start-up does.
//!
//! When an uncaught KeyboardInterrupt ended the program, [`exit_if_interrupted`] ends the
//! process by SIGINT with the default action, as CPython does (bpo-1054041): the shell sees
//! status 130, and a shell script looping over gilvm runs stops at the Ctrl-C too.

use std::sync::{Arc, OnceLock};

use gilvm_vm::Interp;
use signal_hook::consts::SIGINT;
use signal_hook::iterator::Signals;

/// The interpreter that gets Ctrl-C.
static TARGET: OnceLock<Arc<Interp>> = OnceLock::new();

/// Deliver Ctrl-C to `interp` from now on. On failure Ctrl-C keeps its default action (the
/// process ends at once), which is reported but not fatal.
pub fn set_interp(interp: Arc<Interp>) {
    if TARGET.set(interp.clone()).is_err() {
        return;
    }
    // The flag first: the handler runs the actions in the order they were registered, so the
    // watcher, woken by the pipe, always finds the flag set.
    if let Err(err) = signal_hook::flag::register(SIGINT, interp.interrupts.signal_flag()) {
        eprintln!("gilvm: cannot handle Ctrl-C: {err}");
        return;
    }
    let mut signals = match Signals::new([SIGINT]) {
        Ok(signals) => signals,
        Err(err) => {
            eprintln!("gilvm: cannot handle Ctrl-C: {err}");
            return;
        }
    };
    let spawned = std::thread::Builder::new()
        .name("gilvm-signals".into())
        .spawn(move || {
            for _ in signals.forever() {
                interp.wake_for_interrupt();
            }
        });
    if let Err(err) = spawned {
        eprintln!("gilvm: cannot handle Ctrl-C: {err}");
    }
}

/// If an uncaught KeyboardInterrupt ended the program, end the process by SIGINT (its status
/// is then 130 in a shell). Returns if it was not interrupted (or raising the signal failed).
pub fn exit_if_interrupted() {
    if TARGET
        .get()
        .is_some_and(|interp| interp.interrupts.unhandled())
    {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        let _ = signal_hook::low_level::emulate_default_handler(SIGINT);
    }
}
