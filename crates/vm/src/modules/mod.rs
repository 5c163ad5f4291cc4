//! Built-in modules: the ones bound to the runtime (sys, threading, queue, asyncio,
//! importlib, `__future__`). Each is made on first import. Modules the VM does not know (the `gilvm-stdlib` crate's) are registered into
//! it through [`inittab`], as CPython's `PyImport_AppendInittab`.

pub mod asyncio;
pub mod inittab;
mod sys;
mod sys_exc;
mod sys_structseq;
pub mod threading;

use std::sync::Arc;

use crate::builtins::dict_set_str;
use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::value::{DictMap, Module, NativeFn, PyStr, Value};

/// The names [`make_module`] knows (the built-in finder's list).
pub const BUILTIN_NAMES: &[&str] = &[
    "sys",
    "importlib",
    "__future__",
    "_thread",
    "threading",
    "queue",
    "_asyncio",
    "asyncio",
];

/// Create the built-in module `name`, or `None` if gilvm has no such module.
pub fn make_module(vm: &mut Vm, name: &str) -> Option<PyResult<Arc<Module>>> {
    let m = match name {
        "sys" => sys::make(vm),
        "importlib" => crate::import::importlib::make(vm),
        "__future__" => make_future(vm),
        "_thread" => threading::make_thread(vm),
        "threading" => return Some(threading::make_threading(vm)),
        "queue" => return Some(threading::make_queue(vm)),
        "_asyncio" => asyncio::make_core(vm),
        "asyncio" => return Some(asyncio::make(vm)),
        _ => return inittab::make(vm, name),
    };
    Some(Ok(m))
}

/// `__future__`: the feature names, so that `from __future__ import annotations` runs (every
/// feature is a string naming itself; the compiler gives none of them a meaning, and
/// annotations are never evaluated anyway).
fn make_future(vm: &mut Vm) -> Arc<Module> {
    let m = new_module(vm, "__future__");
    let features = [
        "nested_scopes",
        "generators",
        "division",
        "absolute_import",
        "with_statement",
        "print_function",
        "unicode_literals",
        "barry_as_FLUFL",
        "generator_stop",
        "annotations",
    ];
    for f in features {
        set(vm, &m, f, Value::str(f));
    }
    let all = features.iter().map(|f| Value::str(*f)).collect();
    set(vm, &m, "all_feature_names", Value::list(all));
    m
}

/// A new, empty built-in module.
pub fn new_module(vm: &mut Vm, name: &str) -> Arc<Module> {
    let m = Arc::new(Module {
        name: Arc::new(PyStr::new(name)),
        globals: Arc::new(GilCell::new(DictMap::default())),
        filename: None,
    });
    set(vm, &m, "__name__", Value::str(name));
    set(vm, &m, "__doc__", Value::None);
    m
}

/// `module.name = v`
pub fn set(vm: &mut Vm, m: &Module, name: &str, v: Value) {
    dict_set_str(vm, &m.globals, name, v);
}

/// Add native functions to a module.
pub fn add_fns(vm: &mut Vm, m: &Module, fns: &[(&'static str, NativeFn)]) {
    for &(name, f) in fns {
        set(vm, m, name, crate::builtins::native(name, f));
    }
}
