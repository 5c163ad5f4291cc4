//! sys's named tuples (CPython's "struct sequences"): `sys.version_info`, `sys.int_info`,
//! `sys.float_info`. Each is an instance of a tuple subclass whose fields are both its items
//! (so `sys.version_info >= (3, 8)` compares as a tuple) and its attributes, with CPython's
//! repr `sys.version_info(major=3, minor=11, ...)`.

use std::sync::Arc;

use crate::builtins::native;
use crate::interp::vm::Vm;
use crate::object::args::Kwargs;
use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::value::{BuiltinType, DictMap, Instance, Value};

/// A struct sequence named `qualname` (`"sys.version_info"`) holding `fields`.
pub fn make(vm: &mut Vm, qualname: &str, fields: &[(&str, Value)]) -> Value {
    let short = qualname.rsplit('.').next().unwrap_or(qualname);
    let module = qualname.rsplit_once('.').map_or("builtins", |(m, _)| m);
    let tuple = vm.types().tuple.clone();
    let class = crate::object::class::new_class(short, module, Some(&tuple), BuiltinType::Tuple);
    // With a `__module__`, the class is looked into as a Python-level class (as CPython's
    // struct sequences are heap types), so its `__repr__` is found.
    crate::builtins::dict_set_str(vm, &class.dict, "__module__", Value::str(module));
    crate::builtins::dict_set_str(vm, &class.dict, "__repr__", native("__repr__", repr));
    let n = Value::Int(fields.len() as i64);
    crate::builtins::dict_set_str(vm, &class.dict, "n_fields", n.clone());
    crate::builtins::dict_set_str(vm, &class.dict, "n_sequence_fields", n);
    crate::builtins::dict_set_str(vm, &class.dict, "n_unnamed_fields", Value::Int(0));
    // The special-method flags (str() and print() then find the `__repr__` above).
    crate::object::class::refresh_flags(&class, vm.gil());
    let attrs = Arc::new(GilCell::new(DictMap::default()));
    for (name, v) in fields {
        crate::builtins::dict_set_str(vm, &attrs, name, v.clone());
    }
    let items = fields.iter().map(|(_, v)| v.clone()).collect();
    Value::Instance(Arc::new(Instance {
        class,
        attrs,
        exc: None,
        payload: Some(Value::tuple(items)),
        slot_values: None,
    }))
}

/// `repr(sys.version_info)`: `sys.version_info(major=3, ...)`, the fields in order.
fn repr(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let Some(Value::Instance(i)) = a.first() else {
        return Ok(Value::str("()"));
    };
    let fields: Vec<(String, Value)> = i
        .attrs
        .borrow(vm.gil())
        .iter()
        .filter_map(|(k, v)| match &k.value {
            Value::Str(s) => Some((s.as_str().to_string(), v.clone())),
            _ => None,
        })
        .collect();
    let mut parts = Vec::with_capacity(fields.len());
    for (k, v) in fields {
        parts.push(format!("{k}={}", vm.repr(&v)?));
    }
    let module = i.class.module.as_str();
    let name = i.class.name.as_str();
    Ok(Value::str(format!("{module}.{name}({})", parts.join(", "))))
}
