//! The trashcan: freeing an object graph never recurses on the native stack without bound.
//!
//! Objects are reference counted (`Arc`), so dropping the last reference to a list drops its
//! items, which may be the last references to other lists, and so on: a chain built by
//! `for _ in range(N): x = [x]` would recurse N levels deep in Rust and overflow the native
//! stack ("fatal runtime error: stack overflow"). As CPython's trashcan does, every container
//! drop (each [`GilCell`](crate::GilCell), which holds the insides of lists, dicts, sets, instance
//! dicts, closure cells, iterators, generators and their frames, and each [`Tuple`]) counts its
//! nesting in a per-thread depth. Past [`MAX_DEPTH`] levels the insides are not dropped in place
//! but moved to a per-thread work list; the outermost container drop empties that list
//! iteratively once its own insides are gone. So the native stack holds at most `MAX_DEPTH`
//! nested drops at any time, in any thread, whatever the shape of the graph.
//!
//! Objects that hold values outside any cell or tuple release them through [`release`] in their
//! own `Drop`: slices, functions' defaults, `property`/`staticmethod`/`classmethod`, frozensets,
//! generic aliases (`list[x]`) and set iterators' snapshots. Every other kind reaches its values
//! through a cell or a tuple (instances and their `__dict__`/slots, exceptions' args, context,
//! cause, closures' cells, iterators, dict views, generators and their frames, bound methods'
//! receivers, which are instances or classes).
//!
//! The hot path (a drop that is not deep) costs one thread-local load and store and one check of
//! a "work pending" flag.

use std::cell::{Cell, RefCell};
use std::mem::ManuallyDrop;

use crate::object::value::Tuple;

/// Container drops nested deeper than this are deferred to the work list. Each level costs a few
/// hundred bytes of native stack (Arc drop, container drop, element drops), so this keeps the
/// whole drop within some tens of KiB even when it starts deep inside a recursion.
pub const MAX_DEPTH: u32 = 64;

/// Something whose drop was put off: a boxed value and the function that drops it.
struct Deferred {
    ptr: *mut (),
    drop_fn: unsafe fn(*mut ()),
}

/// # Safety
/// `ptr` must come from `Box::<T>::into_raw` and not have been freed.
unsafe fn drop_boxed<T>(ptr: *mut ()) {
    // SAFETY: per the contract, `ptr` is a live `Box<T>`'s pointer, freed only here.
    drop(unsafe { Box::from_raw(ptr.cast::<T>()) });
}

thread_local! {
    /// How many container drops are running on this thread, one inside the other.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Whether `LATER` may hold something (a flag without a destructor, cheap to read).
    static PENDING: Cell<bool> = const { Cell::new(false) };
    /// Drops put off because they were too deep.
    static LATER: RefCell<Vec<Deferred>> = const { RefCell::new(Vec::new()) };
}

/// Drops the contents of `slot` now, or later from the work list when drops are already nested
/// [`MAX_DEPTH`] deep on this thread. `slot` must not be used again (its contents are gone).
///
/// The deferred contents are always dropped before the outermost container drop of this thread
/// returns, i.e. while everything they could borrow from is still alive.
#[inline]
pub(crate) fn drop_slot<T>(slot: &mut ManuallyDrop<T>) {
    let depth = DEPTH.with(Cell::get);
    if depth >= MAX_DEPTH {
        defer(slot);
        return;
    }
    DEPTH.with(|d| d.set(depth + 1));
    // SAFETY: the caller hands over `slot` to be dropped exactly once and never reads it again.
    unsafe { ManuallyDrop::drop(slot) };
    if depth == 0 && PENDING.with(Cell::get) {
        drain();
    }
    DEPTH.with(|d| d.set(depth));
}

#[cold]
#[inline(never)]
fn defer<T>(slot: &mut ManuallyDrop<T>) {
    // SAFETY: the caller hands over `slot` and never reads it again; it is moved out once here.
    let value = unsafe { ManuallyDrop::take(slot) };
    let ptr = Box::into_raw(Box::new(value)).cast::<()>();
    let item = Deferred {
        ptr,
        drop_fn: drop_boxed::<T>,
    };
    LATER.with(|l| l.borrow_mut().push(item));
    PENDING.with(|p| p.set(true));
}

/// Drops the deferred values one at a time (each may defer more) until none is left. Runs at
/// depth 1, inside the outermost container drop.
#[cold]
#[inline(never)]
fn drain() {
    loop {
        let next = LATER.with(|l| l.borrow_mut().pop());
        let Some(item) = next else { break };
        // SAFETY: `item` was made by `defer` from a `Box<T>` with the matching `drop_boxed::<T>`,
        // and is popped (so dropped) once.
        unsafe { (item.drop_fn)(item.ptr) };
    }
    PENDING.with(|p| p.set(false));
    // A long chain may have grown the work list to thousands of entries: give the memory back.
    LATER.with(|l| {
        let mut l = l.borrow_mut();
        if l.capacity() > 1024 {
            *l = Vec::new();
        }
    });
}

/// Drops `value` through the trashcan, for the `Drop` of a type that holds values outside any
/// cell or tuple (see the module doc), so that chains of that type free iteratively too.
#[inline]
pub fn release<T>(value: T) {
    let mut slot = ManuallyDrop::new(value);
    drop_slot(&mut slot);
}

/// Tuples hold values without a cell: their items go through the trashcan too, so a chain of
/// nested tuples (`x = (x,)`) frees iteratively.
impl Drop for Tuple {
    fn drop(&mut self) {
        if self.items.is_empty() {
            return;
        }
        let mut items = ManuallyDrop::new(std::mem::take(&mut self.items));
        drop_slot(&mut items);
    }
}
