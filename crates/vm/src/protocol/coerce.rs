//! Coercions of the number protocol that native functions use to read their arguments:
//! `operator.index` (`__index__`), `float()`'s `__float__`, str arguments, and slice-style
//! ranges.

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::value::{PyStr, Value};

/// `operator.index(v)`: ints, bools and objects with `__index__`; TypeError "'float' object
/// cannot be interpreted as an integer" otherwise.
pub fn to_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(*b as i64),
        // An int subclass without its own `__index__`.
        Value::Instance(i)
            if matches!(i.payload, Some(Value::Int(_)))
                && crate::protocol::attr::user_lookup(&i.class, "__index__", vm.gil())
                    .is_none() =>
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

fn not_integer(vm: &Vm, v: &Value) -> crate::object::error::PyErr {
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
    match crate::object::class::strip(v) {
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
                && crate::protocol::attr::user_lookup(&i.class, "__float__", vm.gil())
                    .is_none() =>
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

pub use crate::protocol::iter::range_len;

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
