//! Big allocations raise `MemoryError` instead of aborting the process.
//!
//! Rust's infallible allocation APIs (`Vec::with_capacity`, `str::repeat`, ...) abort the whole
//! process when the allocator says no. Every place where a program chooses the size of one
//! allocation (`'x' * n`, `bytes(n)`, `s.ljust(n)`, a `%*d` width, ...) asks [`Vm::check_alloc`]
//! first. A request of 1 MiB or more is refused with `MemoryError` when it is above the memory
//! limit set by the embedder ([`set_memory_limit`], `gilvm --max-memory`) or when the allocator
//! refuses a probe allocation of that size (`try_reserve_exact`, freed at once: on Linux the
//! probe only reserves address space). Growth by many small steps (an append loop) is the
//! business of the embedder's watchdog (gilvm's `--max-memory` RSS check).

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::PyResult;
use crate::vm::Vm;

/// The memory limit in bytes (`usize::MAX`: none).
static LIMIT: AtomicUsize = AtomicUsize::new(usize::MAX);

/// Requests below this many bytes are not checked.
const CHECK_FROM: usize = 1 << 20;

/// Set the process-wide memory limit: a single allocation request above it raises
/// `MemoryError`.
pub fn set_memory_limit(bytes: usize) {
    LIMIT.store(bytes, Ordering::Relaxed);
}

/// The process-wide memory limit in bytes (`usize::MAX` when none is set).
pub fn memory_limit() -> usize {
    LIMIT.load(Ordering::Relaxed)
}

/// Can an allocation of `bytes` bytes plausibly succeed? (See the module docs.)
pub fn alloc_plausible(bytes: usize) -> bool {
    if bytes < CHECK_FROM {
        return true;
    }
    bytes <= memory_limit()
        && bytes <= isize::MAX as usize
        && Vec::<u8>::new().try_reserve_exact(bytes).is_ok()
}

impl Vm {
    /// `MemoryError` unless an allocation of `count` items of `size` bytes can plausibly
    /// succeed; call it before allocating a size the program chose.
    pub fn check_alloc(&self, count: usize, size: usize) -> PyResult<()> {
        match count.checked_mul(size) {
            Some(bytes) if alloc_plausible(bytes) => Ok(()),
            _ => Err(self.new_error(&self.types().memory_error.clone(), "")),
        }
    }
}
