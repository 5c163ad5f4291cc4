//! Built-in functions (`print`, `len`, `range`, ...) and the methods of the built-in types
//! (`str.split`, `list.append`, `dict.get`, ...). [`install`] puts them in place at start-up.
//!
//! Methods are `Value::Builtin`s stored in the class dicts of `vm.types()`; they receive their
//! receiver as `args[0]`. Calling a built-in type (`int("3")`) calls the native function stored
//! under `__new__` in its class dict with the arguments (without the class).

pub mod buffer;
mod bytearray;
mod bytes_methods;
mod bytes_transform;
pub(crate) mod convert;
pub(crate) mod dict_methods;
pub mod file;
pub mod file_buffer;
mod frozenset_methods;
pub mod funcs;
mod int_bytes;
mod io;
mod iters;
mod list_methods;
pub mod memoryview;
mod misc_methods;
pub mod numparse;
mod range_slice;
pub(crate) mod scope;
mod set_methods;
pub mod sort;
mod str_methods;
pub mod strutil;
pub mod unicode_codecs;

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::value::{Class, Value};

pub use file::FileObject;
pub use io::{write_stderr, write_stdout};

pub use crate::object::native::{add_methods, bound_native, dict_set_str, native, new_iter};
pub use crate::protocol::coerce::{
    clamp_range, expect_str, opt_index, range_len, to_f64, to_index,
};

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
    crate::interp::dynamic::install(vm, g);
    crate::import::importlib::install(vm, g);
    str_methods::install(vm);
    list_methods::install(vm);
    dict_methods::install(vm);
    set_methods::install(vm);
    frozenset_methods::install(vm, g);
    misc_methods::install(vm);
    range_slice::install(vm);
    crate::protocol::complex::install(vm, g);
    buffer::install(vm, g);
    int_bytes::install(vm);

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
    crate::protocol::subclass::install(vm);
}
