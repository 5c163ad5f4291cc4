//! Ctrl-C for the commands that run Python code (`run`, `FILE`, `-c` and the multiprocessing
//! worker): SIGINT becomes KeyboardInterrupt in the main Python thread, as in CPython.
//!
//! signal-hook's handler only writes to a self-pipe (async-signal-safe); a watcher thread reads
//! it and calls [`Interp::interrupt`], which asks the GIL for the main thread's attention and
//! wakes its wait (crates/vm/src/interrupt.rs). A Ctrl-C that comes before the interpreter
//! exists (while the script compiles) is kept and delivered when it is registered.
//!
//! When an uncaught KeyboardInterrupt ended the program, [`exit_if_interrupted`] ends the
//! process by SIGINT with the default action, as CPython does (bpo-1054041): the shell sees
//! status 130, and a shell script looping over gilvm runs stops at the Ctrl-C too.

use std::sync::{Arc, Mutex, MutexGuard};

use gilvm_vm::Interp;
use signal_hook::consts::SIGINT;
use signal_hook::iterator::Signals;

/// The running interpreter, or whether a Ctrl-C came before there was one.
static TARGET: Mutex<(Option<Arc<Interp>>, bool)> = Mutex::new((None, false));

fn target() -> MutexGuard<'static, (Option<Arc<Interp>>, bool)> {
    TARGET.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Install the SIGINT handler and start the watcher thread. On failure Ctrl-C keeps its
/// default action (the process ends at once), which is reported but not fatal.
pub fn install() {
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
                let mut target = target();
                match &target.0 {
                    Some(interp) => interp.interrupt(),
                    None => target.1 = true,
                }
            }
        });
    if let Err(err) = spawned {
        eprintln!("gilvm: cannot handle Ctrl-C: {err}");
    }
}

/// Deliver Ctrl-C to `interp` from now on (and now, if one came before).
pub fn set_interp(interp: Arc<Interp>) {
    let mut target = target();
    if std::mem::take(&mut target.1) {
        interp.interrupt();
    }
    target.0 = Some(interp);
}

/// If an uncaught KeyboardInterrupt ended the program, end the process by SIGINT (its status
/// is then 130 in a shell). Returns if it was not interrupted (or raising the signal failed).
pub fn exit_if_interrupted() {
    let interrupted = target()
        .0
        .as_ref()
        .is_some_and(|interp| interp.interrupts.unhandled());
    if interrupted {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        let _ = signal_hook::low_level::emulate_default_handler(SIGINT);
    }
}
