//! Raw descriptor calls shared by the I/O modules (`_gilvm_subprocess`, `_socket`, `select`,
//! `os`): read/write retried on EINTR, poll, close, and the OSError for a failed call. Callers
//! run them inside `blocking` when they may wait; a wait that may last ([`poll_interruptibly`])
//! lets a Ctrl-C or a Python signal handler have its turn on the main thread (PEP 475: the
//! wait goes on after a handler that did not raise).

use std::time::{Duration, Instant};

use gilvm_vm::builtins::file::{os_error, IoFail};
use gilvm_vm::{PyErr, PyResult, Vm};

/// One read(2) of at most `n` bytes, retried on EINTR.
pub fn read(fd: i32, n: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = vec![0u8; n];
    loop {
        // SAFETY: the buffer has room for `n` bytes.
        let got = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), n) };
        if got >= 0 {
            buf.truncate(got as usize);
            return Ok(buf);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// One write(2), retried on EINTR: the number of bytes written.
pub fn write(fd: i32, data: &[u8]) -> std::io::Result<usize> {
    loop {
        // SAFETY: the pointer and length are the slice's.
        let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if n >= 0 {
            return Ok(n as usize);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// poll(2) on `fds`, retried on EINTR (with the time left); `ms` < 0 waits for ever. The
/// number of descriptors with events.
pub fn poll(fds: &mut [libc::pollfd], ms: i32) -> std::io::Result<usize> {
    let start = std::time::Instant::now();
    loop {
        let left = if ms < 0 {
            -1
        } else {
            (ms as i64 - start.elapsed().as_millis() as i64).max(0) as i32
        };
        // SAFETY: `fds` is a valid array of pollfd of the given length.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, left) };
        if n >= 0 {
            return Ok(n as usize);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// How long a wait on the main thread polls before it looks for a Ctrl-C or a signal again.
pub const SLICE: Duration = Duration::from_millis(50);

/// A wait that a Ctrl-C or a signal on the main thread ended.
pub struct Interrupted;

/// poll(2) on `fds` until one has events or `deadline` passes, in [`SLICE`]s: between two, a
/// requested `stop` ends the wait with [`Interrupted`]. The number of descriptors with events.
pub fn poll_until(
    fds: &mut [libc::pollfd],
    deadline: Option<Instant>,
    stop: &gilvm_vm::runtime::interrupt::Stop,
) -> Result<std::io::Result<usize>, Interrupted> {
    loop {
        if stop.requested() {
            return Err(Interrupted);
        }
        let slice = match deadline {
            Some(d) => d.saturating_duration_since(Instant::now()).min(SLICE),
            None => SLICE,
        };
        let ms = slice.as_micros().div_ceil(1000) as i32;
        match poll(fds, ms) {
            Ok(0) if deadline.is_none_or(|d| Instant::now() < d) => continue,
            r => return Ok(r),
        }
    }
}

/// [`poll_until`] with the GIL released, `ms` milliseconds (< 0: for ever); a Ctrl-C raises
/// KeyboardInterrupt, a signal's handler runs (its exception propagates) and the wait goes on.
/// The descriptors come back with their `revents`.
pub fn poll_interruptibly(
    vm: &mut Vm,
    mut fds: Vec<libc::pollfd>,
    ms: i32,
) -> PyResult<std::io::Result<Vec<libc::pollfd>>> {
    let deadline = (ms >= 0).then(|| Instant::now() + Duration::from_millis(ms as u64));
    loop {
        let (r, back) = vm.wait_interruptibly(
            || {},
            move |stop| {
                let r = poll_until(&mut fds, deadline, stop);
                (r, fds)
            },
        );
        fds = back;
        match r {
            Ok(r) => return Ok(r.map(|_| fds)),
            Err(Interrupted) => vm.check_interrupt()?,
        }
    }
}

/// Wait (interruptibly, with the GIL released) until `fd` is ready for `events`; at once for
/// a non-blocking descriptor (its call gives EAGAIN, BlockingIOError, as in CPython) or a bad
/// one (EBADF).
pub fn wait_ready(vm: &mut Vm, fd: i32, events: i16) -> PyResult<std::io::Result<()>> {
    // SAFETY: fcntl(F_GETFL) reads a descriptor's flags and touches no memory.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    // A bad descriptor (poll would ignore a negative one for ever): the call itself says so.
    if flags < 0 || flags & libc::O_NONBLOCK != 0 {
        return Ok(Ok(()));
    }
    let fds = vec![libc::pollfd {
        fd,
        events,
        revents: 0,
    }];
    Ok(poll_interruptibly(vm, fds, -1)?.map(|_| ()))
}

/// Close `fd`, ignoring errors (for descriptors this crate owns).
pub fn close(fd: i32) {
    if fd >= 0 {
        // SAFETY: closing a descriptor number touches no memory.
        unsafe { libc::close(fd) };
    }
}

/// The Python exception for an OS error (`ConnectionRefusedError: [Errno 111] ...`).
pub fn error(vm: &mut Vm, e: std::io::Error) -> PyErr {
    os_error(vm, IoFail::Os(e), None)
}

/// The Python exception for the last failed libc call.
pub fn last_error(vm: &mut Vm) -> PyErr {
    error(vm, std::io::Error::last_os_error())
}
