//! Writing to a closed stdout or stderr never panics.
//!
//! Rust's `print!`/`eprint!` panic when the write fails, and the process ignores SIGPIPE (as
//! CPython does), so `gilvm ... | head -1` used to end in a panic (status 101, or "internal
//! error" when it happened on the interpreter thread). Two layers prevent that:
//!
//! - the command line's own messages go through [`err`] / [`out`], which drop a failed write;
//! - [`install`] sets a panic hook that turns the panic of any other `print!` (the lab's
//!   tables, a library's message) on a broken pipe into a quiet exit with status 1.
//!
//! A Python program that prints into a closed pipe is not affected: the VM's own stdout raises
//! `BrokenPipeError` (with CPython's traceback on stderr and status 1), as python3 does.

use std::io::Write;

/// Status of a run ended by writing to a closed pipe.
pub const BROKEN_PIPE_STATUS: i32 = 1;

/// Write a message to stderr, ignoring a closed stderr.
pub fn err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

/// Write to stdout, ignoring a closed stdout.
pub fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

/// Is this panic payload the standard library's "failed printing to stdout/stderr" on EPIPE?
fn is_broken_pipe_print(message: &str) -> bool {
    message.starts_with("failed printing to std")
        && (message.contains("Broken pipe") || message.contains("os error 32"))
}

/// Turn a print into a closed pipe anywhere in the process into a quiet exit; every other panic
/// goes to the default hook as before.
pub fn install() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if is_broken_pipe_print(message) {
            std::process::exit(BROKEN_PIPE_STATUS);
        }
        default(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::is_broken_pipe_print;

    #[test]
    fn only_epipe_print_failures_are_quiet() {
        assert!(is_broken_pipe_print(
            "failed printing to stdout: Broken pipe (os error 32)"
        ));
        assert!(is_broken_pipe_print(
            "failed printing to stderr: Broken pipe (os error 32)"
        ));
        assert!(!is_broken_pipe_print(
            "failed printing to stdout: No space left on device (os error 28)"
        ));
        assert!(!is_broken_pipe_print("index out of bounds"));
    }
}
