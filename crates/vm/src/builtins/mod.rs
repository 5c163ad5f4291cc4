//! Built-in functions (`print`, `len`, `range`, ...) and the methods of the built-in types
//! (`str.split`, `list.append`, `dict.get`, ...). [`install`] puts them in place at start-up.
//!
//! Methods are `Value::Builtin`s stored in the class dicts of `vm.types()`; they receive their
//! receiver as `args[0]`. Calling a built-in type (`int("3")`) calls the native function stored
//! under `__new__` in its class dict with the arguments (without the class).

pub mod args;
pub mod buffer;
mod bytearray;
mod bytes_methods;
mod bytes_transform;
pub(crate) mod convert;
pub(crate) mod dict_methods;
pub mod file;
pub mod funcs;
mod io;
mod iters;
mod list_methods;
pub mod memoryview;
mod misc_methods;
pub mod numparse;
mod range_slice;
pub(crate) mod scope;
pub mod set_algebra;
mod set_methods;
pub mod sort;
mod str_methods;
pub mod strutil;

use std::sync::Arc;

use crate::error::PyResult;
use crate::value::{Builtin, Class, Dict, IterState, NativeFn, PyStr, Value};
use crate::vm::Vm;

pub use file::FileObject;
pub use io::{write_stderr, write_stdout};

/// A native function value.
pub fn native(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Arc::new(Builtin {
        name,
        func,
        receiver: None,
    }))
}

/// A native function bound to a receiver (passed as its first argument).
pub fn bound_native(name: &'static str, func: NativeFn, receiver: Value) -> Value {
    Value::Builtin(Arc::new(Builtin {
        name,
        func,
        receiver: Some(receiver),
    }))
}

/// `dict[name] = v` for a str key.
pub fn dict_set_str(vm: &mut Vm, dict: &Dict, name: &str, v: Value) {
    // Hashing a str cannot fail.
    if let Ok(key) = vm.key(Value::str(name)) {
        dict.borrow_mut(vm.gil()).insert(key, v);
    }
}

/// Add native methods to a class dict.
pub fn add_methods(vm: &mut Vm, class: &Arc<Class>, methods: &[(&'static str, NativeFn)]) {
    for &(name, func) in methods {
        dict_set_str(vm, &class.dict, name, native(name, func));
    }
}

/// A new native iterator value.
pub fn new_iter(state: IterState) -> Value {
    Value::Iter(Arc::new(crate::gilcell::GilCell::new(state)))
}

/// `operator.index(v)`: ints, bools and objects with `__index__`; TypeError "'float' object
/// cannot be interpreted as an integer" otherwise.
pub fn to_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(*b as i64),
        // An int subclass without its own `__index__`.
        Value::Instance(i)
            if matches!(i.payload, Some(Value::Int(_)))
                && crate::attr::user_lookup(&i.class, "__index__", vm.gil()).is_none() =>
        {
            match i.payload {
                Some(Value::Int(n)) => Ok(n),
                _ => Err(not_integer(vm, v)),
            }
        }
        Value::Instance(_) => match vm.get_attr_opt(v, "__index__")? {
            Some(m) => match vm.call(&m, &[])? {
                Value::Int(n) => Ok(n),
                Value::Bool(b) => Ok(b as i64),
                other => Err(vm.type_error(format!(
                    "__index__ returned non-int (type {})",
                    vm.type_name(&other)
                ))),
            },
            None => Err(not_integer(vm, v)),
        },
        _ => Err(not_integer(vm, v)),
    }
}

fn not_integer(vm: &Vm, v: &Value) -> crate::error::PyErr {
    vm.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    ))
}

/// An optional index argument: None means "not given".
pub fn opt_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => to_index(vm, v).map(Some),
    }
}

/// The str inside a value, or a TypeError "{what} must be str, not int" style error.
pub fn expect_str<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a Arc<PyStr>> {
    match crate::class::strip(v) {
        Value::Str(s) => Ok(s),
        other => Err(vm.type_error(format!("{what}must be str, not {}", vm.type_name(other)))),
    }
}

/// A float from an int, bool or float (or `__float__`/`__index__`): "must be real number, not
/// str" otherwise.
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(x) => Ok(*x),
        Value::BigInt(b) => vm.big_to_float(b),
        Value::Int(n) => Ok(*n as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Instance(i)
            if matches!(i.payload, Some(Value::Int(_) | Value::Float(_)))
                && crate::attr::user_lookup(&i.class, "__float__", vm.gil()).is_none() =>
        {
            match i.payload {
                Some(Value::Int(n)) => Ok(n as f64),
                Some(Value::Float(x)) => Ok(x),
                _ => Ok(0.0),
            }
        }
        Value::Instance(_) => {
            if let Some(m) = vm.get_attr_opt(v, "__float__")? {
                return match vm.call(&m, &[])? {
                    Value::Float(x) => Ok(x),
                    other => Err(vm.type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        vm.type_name(v),
                        vm.type_name(&other)
                    ))),
                };
            }
            if vm.get_attr_opt(v, "__index__")?.is_some() {
                return Ok(to_index(vm, v)? as f64);
            }
            Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
        }
        _ => Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v)))),
    }
}

pub use crate::iter::range_len;

/// Resolve Python slice-style `start`/`end` (negative from the end, clamped) against `len`.
pub fn clamp_range(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = len as i64;
    let fix = |v: i64| -> usize {
        if v < 0 {
            (v + len_i).max(0) as usize
        } else {
            v.min(len_i) as usize
        }
    };
    (start.map(fix).unwrap_or(0), end.map(fix).unwrap_or(len))
}

/// Fill the builtins module (functions, type names, exception classes) and the method tables of
/// the built-in classes in `vm.types()`. Called once by `Vm::new`.
pub fn install(vm: &mut Vm) {
    let builtins = vm.interp.builtins.clone();
    let g = &builtins.globals;
    funcs::install(vm, g);
    iters::install(vm, g);
    io::install(vm, g);
    file::install(vm, g);
    convert::install(vm, g);
    scope::install(vm, g);
    crate::dynamic::install(vm, g);
    crate::import::importlib::install(vm, g);
    str_methods::install(vm);
    list_methods::install(vm);
    dict_methods::install(vm);
    set_methods::install(vm);
    misc_methods::install(vm);
    range_slice::install(vm);
    buffer::install(vm, g);

    let t = vm.types();
    let classes: Vec<(&'static str, Arc<Class>)> = vec![
        ("object", t.object.clone()),
        ("type", t.type_.clone()),
        ("int", t.int.clone()),
        ("float", t.float.clone()),
        ("str", t.str_.clone()),
        ("bool", t.bool_.clone()),
        ("bytes", t.bytes.clone()),
        ("list", t.list.clone()),
        ("tuple", t.tuple.clone()),
        ("dict", t.dict.clone()),
        ("set", t.set.clone()),
        ("range", t.range.clone()),
        ("slice", t.slice.clone()),
    ];
    let exceptions = t.exceptions.clone();
    for (name, class) in classes {
        // The mutable containers are unhashable: `list.__hash__ is None`, as in CPython.
        if matches!(name, "list" | "dict" | "set") {
            dict_set_str(vm, &class.dict, "__hash__", Value::None);
        }
        dict_set_str(vm, g, name, Value::Class(class));
    }
    for class in exceptions {
        let name = class.name.as_str().to_string();
        dict_set_str(vm, g, &name, Value::Class(class));
    }
    // CPython's aliases of OSError.
    let os_error = vm.types().os_error.clone();
    dict_set_str(vm, g, "IOError", Value::Class(os_error.clone()));
    dict_set_str(vm, g, "EnvironmentError", Value::Class(os_error));
    dict_set_str(vm, g, "Ellipsis", Value::Ellipsis);
    dict_set_str(vm, g, "NotImplemented", Value::NotImplemented);
    dict_set_str(vm, g, "None", Value::None);
    dict_set_str(vm, g, "True", Value::Bool(true));
    dict_set_str(vm, g, "False", Value::Bool(false));
    dict_set_str(vm, g, "__debug__", Value::Bool(true));
    dict_set_str(vm, g, "__name__", Value::str("builtins"));
    crate::subclass::install(vm);
}

#[cfg(test)]
mod tests;
