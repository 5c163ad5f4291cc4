//! gilvm-vm: values and objects ([`value`]), the GIL token ([`gilcell`]), the interpreter
//! ([`vm`], [`eval`]), the object protocol ([`protocol`]), errors and tracebacks ([`error`]),
//! built-in types ([`types`]), built-in functions ([`builtins`]) and modules ([`modules`]).

pub mod alloc_limit;
pub mod async_gen;
pub mod attr;
pub mod bigint;
pub mod builtins;
mod call;
pub mod class;
pub mod complex;
pub mod dynamic;
pub mod error;
pub mod eval;
mod eval_ops;
pub mod exc_table;
pub mod format;
pub(crate) mod frame;
mod fused;
pub mod generator;
pub mod generic_alias;
pub mod gil;
pub mod gilcell;
pub mod hash;
pub mod import;
pub mod instr_limit;
pub mod interrupt;
pub mod item;
pub mod iter;
pub mod mappingproxy;
mod matching;
pub mod metaclass;
pub mod modules;
pub mod mro;
pub mod ops_compare;
pub mod ops_numeric;
pub mod protocol;
pub mod repr;
pub mod sandbox;
pub mod setorder;
pub mod slots;
pub mod stack_guard;
mod subclass;
pub mod trashcan;
pub mod types;
pub mod unsupported;
mod unwind;
pub mod value;
pub mod vm;

pub use error::{PyErr, PyResult};
pub use gilcell::{Gil, GilCell};
pub use value::Value;
pub use vm::{Interp, Vm, VmConfig};

#[cfg(test)]
mod tests;
