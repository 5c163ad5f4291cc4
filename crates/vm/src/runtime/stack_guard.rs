//! A guard against native stack overflow: native re-entry into the interpreter (`sorted` with a
//! key calling `sorted`, `repr` of a deep structure, `__eq__` comparing lists...) raises
//! `RecursionError` when the thread's stack is nearly used up, whatever the recursion limit
//! (`sys.setrecursionlimit(100000)` must not turn into a SIGSEGV).
//!
//! The thread that runs the interpreter calls [`set_stack_budget`] once, near the top of its
//! stack, with the number of bytes the interpreter may use below that point (less than the
//! thread's stack size, leaving a margin for the native code between two checks). The checks
//! compare the address of a local variable with the recorded lowest allowed address; stacks
//! grow downwards on every platform gilvm supports. A thread that never set a budget is not
//! checked (the recursion limit and the native depth cap still apply).

use std::cell::Cell;

/// Stack size of a thread that runs a whole interpreter (the `gilvm` command line's main
/// interpreter thread, [`crate::runtime::sandbox::run_sandboxed`]): deep but limited recursion in native
/// code paths, such as the repr of a deeply nested list, must never hit the end of the stack.
pub const INTERPRETER_STACK: usize = 256 << 20;

/// The stack budget ([`set_stack_budget`]) of such a thread: native re-entry raises
/// `RecursionError` past 3/4 of the stack (the rest is the margin for native code between two
/// checks).
pub const INTERPRETER_BUDGET: usize = INTERPRETER_STACK / 4 * 3;

thread_local! {
    /// The lowest stack address the interpreter may reach on this thread (0: unchecked).
    static LOW_WATER: Cell<usize> = const { Cell::new(0) };
}

/// An approximation of the current stack pointer: the address of a local.
#[inline(never)]
fn stack_position() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Allow the interpreter on this thread `bytes` of stack below the caller's frame.
pub fn set_stack_budget(bytes: usize) {
    let low = stack_position().saturating_sub(bytes).max(1);
    LOW_WATER.with(|w| w.set(low));
}

/// True when this thread has used up its stack budget.
pub(crate) fn stack_exhausted() -> bool {
    let low = LOW_WATER.with(Cell::get);
    low != 0 && stack_position() < low
}
