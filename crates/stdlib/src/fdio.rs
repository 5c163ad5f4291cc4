//! Raw descriptor calls shared by the I/O modules (`_gilvm_subprocess`, `_socket`, `select`):
//! read/write retried on EINTR, poll, close, and the OSError for a failed call. Callers run
//! them inside `blocking` when they may wait.

use gilvm_vm::builtins::file::{os_error, IoFail};
use gilvm_vm::{PyErr, Vm};

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
