//! The native-function interface: how Rust functions become Python values (`Value::Builtin`),
//! bound to a receiver or not, and how they are put into class and module dicts. Every layer
//! above uses it to expose its functions; it knows nothing of them.

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::value::{Builtin, Class, IterState, NativeFn, Value};

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
pub fn dict_set_str(
    vm: &mut Vm,
    dict: &impl crate::object::lookup::DictCell,
    name: &str,
    v: Value,
) {
    // Hashing a str cannot fail.
    if let Ok(key) = vm.key(Value::str(name)) {
        dict.write(vm.gil()).insert(key, v);
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
    Value::Iter(Arc::new(crate::object::gilcell::GilCell::new(state)))
}
