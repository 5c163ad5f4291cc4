//! gilvm-vm: the Python virtual machine, in layers (lowest first):
//!
//! - [`object`]: what a value is — `Value`, the GIL cell, classes, exceptions, dict/set
//!   storage, and the native-function interface;
//! - [`runtime`]: the GIL, blocking calls, interrupts, limits, the sandbox;
//! - [`protocol`]: what operations do on every kind of value — attributes, items, iteration,
//!   repr, hashing, comparisons, numeric operators, formatting;
//! - [`interp`]: the `Vm` handle, frames, the eval loop, calls, generators, `match`, `eval`/`exec`;
//! - [`builtins`]: the built-in functions and the built-in types' methods;
//! - [`import`] and [`modules`]: the import system and the modules bound to the runtime's
//!   internals (sys, threading, asyncio, multiprocessing...), plus the table through which the
//!   `gilvm-stdlib` crate registers the leaf modules.
//!
//! The rule: a layer uses only the layers before it in this list. The one handle every layer
//! receives is `interp::vm::Vm` (the interpreter a native function runs in, as CPython's
//! thread state): naming that type is allowed everywhere. `tests/layers.rs` checks the rule
//! over every `crate::` path and lists the edges that still break it; docs/architecture.md
//! says where each new thing goes.

pub mod builtins;
pub mod import;
pub mod interp;
pub mod modules;
pub mod object;
pub mod protocol;
pub mod runtime;

pub use interp::vm::{Interp, Vm, VmConfig};
pub use object::error::{PyErr, PyResult};
pub use object::gilcell::{Gil, GilCell};
pub use object::value::Value;

#[cfg(test)]
mod tests;
