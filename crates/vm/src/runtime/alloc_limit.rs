//! Big allocations raise `MemoryError` instead of aborting the process.
//!
//! Rust's infallible allocation APIs (`Vec::with_capacity`, `str::repeat`, ...) abort the whole
//! process when the allocator says no. Every place where a program chooses the size of one
//! allocation (`'x' * n`, `bytes(n)`, `s.ljust(n)`, a `%*d` width, ...) asks [`Vm::check_alloc`]
//! first. A request of 1 MiB or more is refused with `MemoryError` when it is above the memory
//! limit set by the embedder ([`set_memory_limit`], `gilvm --max-memory`) or when the allocator
//! refuses a probe allocation of that size (`try_reserve_exact`, freed at once: on Linux the
//! probe only reserves address space). Growth by many small steps (an append loop) is the
//! business of the embedder's watchdog (gilvm's `--max-memory` RSS check) — or, in-process, of
//! a usage probe: an embedder that counts its heap (a counting global allocator, as the `run`
//! fuzz target has) registers it with [`set_usage_probe`]; then a request is also refused when
//! it would take the heap past the limit, and the VM checks the heap at its GIL switch points
//! (every 1000 instructions at most) and ends the program when it is above the limit, as
//! `--max-memory` does (`instr_limit.rs`: uncatchable, status 125).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;

/// The memory limit in bytes (`usize::MAX`: none).
static LIMIT: AtomicUsize = AtomicUsize::new(usize::MAX);

/// The embedder's count of live heap bytes, if it keeps one.
static USAGE_PROBE: OnceLock<fn() -> usize> = OnceLock::new();

/// Register the embedder's count of live heap bytes (once per process; later calls are
/// ignored). From then on the memory limit is also a limit on the whole heap.
pub fn set_usage_probe(probe: fn() -> usize) {
    let _ = USAGE_PROBE.set(probe);
}

/// Live heap bytes, if the embedder counts them.
pub fn heap_usage() -> Option<usize> {
    USAGE_PROBE.get().map(|probe| probe())
}

/// Is a usage probe registered (the VM then checks the heap at its switch points)?
#[inline]
pub fn has_usage_probe() -> bool {
    USAGE_PROBE.get().is_some()
}

/// Is the heap (as the usage probe counts it) above the memory limit?
pub fn heap_over_limit() -> bool {
    heap_usage().is_some_and(|used| used > memory_limit())
}

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
        && heap_usage().is_none_or(|used| used.saturating_add(bytes) <= memory_limit())
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

    /// `MemoryError` if the embedder counts the heap ([`set_usage_probe`]) and it is above the
    /// limit; native loops that grow a container item by item call it now and then.
    #[inline]
    pub fn check_heap(&self) -> PyResult<()> {
        if heap_over_limit() {
            return Err(self.new_error(&self.types().memory_error.clone(), ""));
        }
        Ok(())
    }
}
