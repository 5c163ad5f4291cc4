//! The single gateway for operations that block the calling OS thread: `time.sleep`, reading
//! stdin (`input`, `sys.stdin`), file I/O and opening files.
//!
//! This is where the GIL is released before the call and re-acquired after it (design §3,
//! case 3), as CPython's `Py_BEGIN_ALLOW_THREADS` / `Py_END_ALLOW_THREADS` do. The closure must be
//! `Send` so it cannot capture the GIL token or a borrow of a `GilCell`: whatever it touches has
//! to be reachable without the interpreter lock (an `Arc` with its own `Mutex`, an OS handle).

use crate::interp::vm::Vm;

/// Run `f`, a blocking operation, with the GIL released.
pub fn blocking<T, F>(vm: &mut Vm, f: F) -> T
where
    T: Send,
    F: FnOnce() -> T + Send,
{
    vm.allow_threads(f)
}
