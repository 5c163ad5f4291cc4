//! The object layer: what a Python value is. [`value`] (the `Value` enum and the heap objects
//! it points to), [`gilcell`] (the cell that only the GIL holder may borrow), the built-in class
//! table ([`types`]), classes and their MRO, slots and metaclass data ([`class`], [`mro`],
//! [`slots`], [`metaclass`]), exceptions as values ([`error`], [`exc_table`]), dict and set
//! storage ([`setorder`], [`set_algebra`], [`frozenset`]), iterative freeing ([`trashcan`]) and the
//! native-function interface ([`native`], [`args`]) through which every layer above exposes
//! Rust functions to Python.

pub mod args;
pub mod class;
pub mod error;
pub mod exc_group;
pub mod exc_table;
pub mod frozenset;
pub mod generic_alias;
pub mod gilcell;
pub mod key;
pub mod lookup;
pub mod mappingproxy;
pub mod metaclass;
pub mod mro;
pub mod native;
pub mod set_algebra;
pub mod setorder;
pub mod signature;
pub mod slots;
pub mod trashcan;
pub mod types;
pub mod value;
pub mod weakref;
