//! The table of modules registered into the VM from outside it (CPython's inittab): the
//! `gilvm-stdlib` crate's modules, given to [`register`] by the binary before the first VM
//! starts. The VM itself knows none of them; `import` asks this table after its own built-in
//! modules.
//!
//! The table is process-wide and set once (a `OnceLock`), so every interpreter of the process —
//! the main one, thread VMs, a `multiprocessing` worker run by the same binary — sees the same
//! modules without threading the table through each constructor.

use std::sync::{Arc, OnceLock};

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::value::Module;

/// How a registered module is made on its first import.
#[derive(Clone, Copy)]
pub enum ModuleInit {
    /// Native code builds the module.
    Native(fn(&mut Vm) -> PyResult<Arc<Module>>),
    /// Python source, compiled and run as the module's body (its filename is `<gilvm>/NAME.py`).
    Python(&'static str),
}

/// One entry of the table.
#[derive(Clone, Copy)]
pub struct ModuleDef {
    /// The dotted name `import` looks for.
    pub name: &'static str,
    pub init: ModuleInit,
}

static TABLE: OnceLock<&'static [ModuleDef]> = OnceLock::new();

/// The frozen code of a Python module: its code object compiled at build time, or `None`
/// (no blob, or one of another format) to compile the source.
pub type FrozenLookup = fn(&str) -> Option<Arc<gilvm_compiler::code::CodeObject>>;

static FROZEN: OnceLock<FrozenLookup> = OnceLock::new();

/// Register where [`run_python`] finds frozen code (first call wins, as [`register`]).
pub fn register_frozen(lookup: FrozenLookup) -> bool {
    FROZEN.set(lookup).is_ok()
}

/// Register the modules of the process. The first call wins; later calls are ignored (and
/// return false), so a table cannot change under running interpreters.
pub fn register(table: &'static [ModuleDef]) -> bool {
    TABLE.set(table).is_ok()
}

/// Whether `name` is a registered module.
pub fn contains(name: &str) -> bool {
    TABLE
        .get()
        .is_some_and(|t| t.iter().any(|d| d.name == name))
}

/// Whether `name` is a registered module written in Python.
pub fn is_python(name: &str) -> bool {
    TABLE.get().is_some_and(|t| {
        t.iter()
            .any(|d| d.name == name && matches!(d.init, ModuleInit::Python(_)))
    })
}

/// Make the registered module `name`, or `None` if none is registered under that name.
pub fn make(vm: &mut Vm, name: &str) -> Option<PyResult<Arc<Module>>> {
    let def = TABLE.get()?.iter().find(|d| d.name == name)?;
    Some(match def.init {
        ModuleInit::Native(f) => f(vm),
        ModuleInit::Python(source) => run_python(vm, name, source),
    })
}

/// Run an embedded module as the module `name`: its frozen code if there is any, otherwise
/// its source compiled now. The source is kept either way (tracebacks, linecache).
pub fn run_python(vm: &mut Vm, name: &str, source: &str) -> PyResult<Arc<Module>> {
    let code = match FROZEN.get().and_then(|lookup| lookup(name)) {
        Some(code) => code,
        None => {
            let filename = format!("<gilvm>/{name}.py");
            gilvm_compiler::compile_source(source, &filename).map_err(|e| {
                vm.runtime_error(format!("gilvm: {filename} does not compile: {}", e.message))
            })?
        }
    };
    vm.run_module(code, name, source.into())
}
