//! The GIL token and `GilCell`: the heart of gilvm-vm's unsafe code (every site is listed in docs/unsafe.md).
//!
//! Objects are shared between OS threads (`Arc`), and their mutable insides live in
//! [`GilCell`]s. A `GilCell<T>` is a `RefCell<T>` that may be shared between threads because
//! every access to it must present a [`Gil`] token, and a token exists only on the thread that
//! holds the global interpreter lock.
//!
//! # Invariants
//!
//! 1. A `Gil` token is created only by [`Gil::assume_held`], which the GIL module calls right
//!    after the calling thread has acquired the interpreter lock (and, in single-threaded code,
//!    the interpreter's one thread at start-up, which holds the lock from then on).
//! 2. `Gil` is neither `Send` nor `Sync` (it holds a raw-pointer marker), so it cannot move to
//!    another thread; code that releases the lock around a blocking call runs that call in a
//!    closure that must be `Send` and therefore can capture no token and no `Ref` from a cell.
//! 3. Hence all accesses to the `RefCell` inside a `GilCell` happen on the thread holding the
//!    lock. The lock's acquire/release (a parking_lot mutex hand-off) orders them: there is never
//!    a concurrent access, and each thread sees the previous holder's writes. The `RefCell`'s
//!    (non-atomic) borrow flag is therefore only touched by one thread at a time, and still
//!    catches re-entrant aliasing (a `borrow_mut` while a `borrow` is alive) as it does in
//!    single-threaded Rust.
//!
//! Under these invariants `GilCell<T>: Sync` for `T: Send` is sound.

use std::cell::{Ref, RefCell, RefMut};
use std::marker::PhantomData;
use std::mem::ManuallyDrop;

/// Proof that the current thread holds the global interpreter lock.
#[derive(Clone, Copy, Debug)]
pub struct Gil {
    _not_send: PhantomData<*const ()>,
}

impl Gil {
    /// # Safety
    /// The calling thread must hold the interpreter lock for as long as the token (or any copy
    /// of it) is used, per the invariants above.
    pub unsafe fn assume_held() -> Gil {
        Gil {
            _not_send: PhantomData,
        }
    }
}

/// Interior mutability for objects shared between threads under the GIL.
///
/// The contents are dropped through the [trashcan](crate::object::trashcan), so freeing a deeply nested
/// graph of cells does not recurse on the native stack without bound.
#[derive(Default)]
pub struct GilCell<T> {
    inner: ManuallyDrop<RefCell<T>>,
}

impl<T> Drop for GilCell<T> {
    fn drop(&mut self) {
        // `inner` is not touched again: the cell is being dropped.
        crate::object::trashcan::drop_slot(&mut self.inner);
    }
}

// SAFETY: see the module invariants: every access to `inner` requires a `Gil` token, which exists
// only on the one thread holding the interpreter lock, and the lock orders those accesses.
unsafe impl<T: Send> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    pub fn new(value: T) -> GilCell<T> {
        GilCell {
            inner: ManuallyDrop::new(RefCell::new(value)),
        }
    }
    #[inline]
    pub fn borrow<'a>(&'a self, _gil: Gil) -> Ref<'a, T> {
        self.inner.borrow()
    }
    #[inline]
    pub fn borrow_mut<'a>(&'a self, _gil: Gil) -> RefMut<'a, T> {
        self.inner.borrow_mut()
    }
    /// Like `borrow_mut` but reports a conflicting borrow instead of panicking (for paths where
    /// Python code could re-enter, e.g. a list mutated while being sorted).
    #[inline]
    pub fn try_borrow_mut<'a>(&'a self, _gil: Gil) -> Option<RefMut<'a, T>> {
        self.inner.try_borrow_mut().ok()
    }
    #[inline]
    pub fn try_borrow<'a>(&'a self, _gil: Gil) -> Option<Ref<'a, T>> {
        self.inner.try_borrow().ok()
    }
    /// Exclusive access needs no token: `&mut self` proves no one else can see the cell.
    pub fn get_mut(&mut self) -> &mut T {
        self.inner.get_mut()
    }
    pub fn into_inner(self) -> T {
        let mut cell = ManuallyDrop::new(self);
        // SAFETY: `cell` is never dropped (ManuallyDrop), so `inner` is moved out exactly once.
        unsafe { ManuallyDrop::take(&mut cell.inner) }.into_inner()
    }
}

impl<T> std::fmt::Debug for GilCell<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("GilCell(..)")
    }
}
