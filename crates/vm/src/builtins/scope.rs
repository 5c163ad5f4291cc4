//! The built-ins that read the running scope: `globals()`, `locals()`, `vars()` and `dir()`
//! (with and without an argument).
//!
//! "The running scope" is the innermost Python frame (the caller of the builtin). Its locals
//! are, as in CPython 3.11: the class namespace in a class body (or the locals mapping of
//! `exec`/`eval` code), the globals at module level, and in a function a snapshot dict of its
//! fast locals, cells and free variables (writing to it changes nothing in the function).

use std::sync::Arc;

use super::{dict_set_str, native};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs};
use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::value::{Dict, DictMap, Value};
use crate::protocol::hash::str_key;

pub(crate) fn install(vm: &mut Vm, g: &Dict) {
    dict_set_str(vm, g, "globals", native("globals", globals));
    dict_set_str(vm, g, "locals", native("locals", locals));
    dict_set_str(vm, g, "vars", native("vars", vars));
    dict_set_str(vm, g, "dir", native("dir", dir));
}

/// The innermost frame's locals when they are not its globals: its namespace, or a snapshot of
/// a function's variables. `None` at module level.
pub(crate) fn current_locals(vm: &Vm) -> PyResult<Option<Arc<Dict>>> {
    let gil = vm.gil();
    let Some(frame) = vm.frames.last() else {
        return Ok(None);
    };
    if let Some(ns) = &frame.namespace {
        return Ok(Some(ns.clone()));
    }
    let Some(func) = &frame.func else {
        return Ok(None);
    };
    let co = &func.code.code;
    // Module code (run by the import machinery or exec with one dict) has no fast locals.
    if &*co.name == "<module>" {
        return Ok(None);
    }
    let mut map = DictMap::default();
    let base = frame.base as usize;
    let cell_of_param = |i: usize| co.cell_params.iter().position(|p| *p == Some(i as u32));
    for (i, name) in co.varnames.iter().enumerate() {
        let v = match cell_of_param(i) {
            Some(c) => frame.cells.get(c).and_then(|c| c.borrow(gil).clone()),
            None => vm.stack.get(base + i).filter(|v| !vm.is_null(v)).cloned(),
        };
        if let Some(v) = v {
            map.insert(str_key(name), v);
        }
    }
    for (c, name) in co.cellvars.iter().enumerate() {
        if co.cell_params.get(c).is_some_and(|p| p.is_some()) {
            continue;
        }
        if let Some(v) = frame.cells.get(c).and_then(|c| c.borrow(gil).clone()) {
            map.insert(str_key(name), v);
        }
    }
    for (j, name) in co.freevars.iter().enumerate() {
        if let Some(v) = func.closure.get(j).and_then(|c| c.borrow(gil).clone()) {
            map.insert(str_key(name), v);
        }
    }
    Ok(Some(Arc::new(GilCell::new(map))))
}

/// The innermost frame's globals dict.
fn current_globals(vm: &Vm) -> Option<Arc<Dict>> {
    let func = vm.frames.last()?.func.as_ref()?;
    Some(func.globals.globals.clone())
}

/// `locals()` as a dict value (the globals at module level).
fn locals_value(vm: &Vm) -> PyResult<Value> {
    match current_locals(vm)? {
        Some(d) => Ok(Value::Dict(d)),
        None => match current_globals(vm) {
            Some(g) => Ok(Value::Dict(g)),
            None => Ok(Value::Dict(Arc::new(GilCell::new(DictMap::default())))),
        },
    }
}

/// `globals()`: the very dict of the running module (writes through it are globals).
fn globals(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "globals", a, kw)?;
    match current_globals(vm) {
        Some(g) => Ok(Value::Dict(g)),
        None => Err(vm.runtime_error("globals(): no current frame")),
    }
}

fn locals(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "locals", a, kw)?;
    locals_value(vm)
}

/// `vars()` is `locals()`; `vars(obj)` is `obj.__dict__` (a module's own dict, a class's
/// mappingproxy, an instance's live dict).
fn vars(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "vars", a, kw, 0, 1)?;
    let Some(obj) = a.first() else {
        return locals_value(vm);
    };
    match obj {
        Value::Instance(_) => match vm.get_attr_opt(obj, "__dict__")? {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        },
        Value::Class(c) => Ok(crate::object::mappingproxy::of(c)),
        Value::Module(m) => Ok(Value::Dict(m.globals.clone())),
        Value::Function(_) => match vm.get_attr_opt(obj, "__dict__")? {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        },
        _ => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

/// `dir()`: the sorted names of the running scope; `dir(obj)`: sorted names of the object's
/// attributes, its class's and the bases' (a user `__dir__` decides when there is one).
fn dir(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "dir", a, kw, 0, 1)?;
    let gil = vm.gil();
    let mut names: Vec<String> = Vec::new();
    let mut add = |map: &DictMap| {
        for k in map.keys() {
            if let Value::Str(s) = &k.value {
                names.push(s.as_str().to_string());
            }
        }
    };
    match a.first() {
        None => {
            if let Value::Dict(d) = locals_value(vm)? {
                add(&d.borrow(gil));
            }
        }
        Some(Value::Module(m)) => add(&m.globals.borrow(gil)),
        Some(Value::Class(c)) => {
            for class in std::iter::once(c).chain(c.mro.iter()) {
                add(&class.dict.borrow(gil));
            }
        }
        Some(v) => {
            if let Value::Instance(inst) = v {
                add(&inst.attrs.borrow(gil));
            }
            let class = vm.type_of(v);
            for c in std::iter::once(&class).chain(class.mro.iter()) {
                add(&c.dict.borrow(gil));
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}
