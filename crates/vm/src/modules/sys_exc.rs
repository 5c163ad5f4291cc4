//! `sys.exc_info()` and `sys.exception()`: the exception being handled (the innermost
//! `except` or `finally` running in this thread), as CPython's.

use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs};
use crate::object::error::PyResult;
use crate::object::value::Value;

/// `sys.exc_info()`: `(type, value, traceback)` or `(None, None, None)`.
pub(super) fn exc_info(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "exc_info", a, kw)?;
    match vm.handled.last().cloned() {
        None => Ok(Value::tuple(vec![Value::None, Value::None, Value::None])),
        Some(err) => {
            let value = err.value();
            let tb = vm.get_attr(&value, "__traceback__")?;
            Ok(Value::tuple(vec![
                Value::Class(err.class().clone()),
                value,
                tb,
            ]))
        }
    }
}

/// `sys.exception()`: the exception being handled, or None.
pub(super) fn exception(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "exception", a, kw)?;
    Ok(vm.handled.last().map_or(Value::None, |e| e.value()))
}
