//! gilvm-vm: values and objects ([`value`]), the GIL token ([`gilcell`]), the interpreter
//! ([`vm`], [`eval`]), the object protocol ([`protocol`]), errors and tracebacks ([`error`]),
//! built-in types ([`types`]), built-in functions ([`builtins`]) and modules ([`modules`]).

pub mod builtins;
pub mod error;
pub mod eval;
pub mod exc_table;
pub mod format;
pub mod gilcell;
pub mod modules;
pub mod protocol;
pub mod types;
pub mod value;
pub mod vm;

pub use error::{PyErr, PyResult};
pub use gilcell::{Gil, GilCell};
pub use value::Value;
pub use vm::{Interp, Vm, VmConfig};
