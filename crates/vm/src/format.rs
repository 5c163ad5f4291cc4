//! The format-spec mini-language (`format(x, ".3f")`, f-string `{x:>8}`, `{n:,}`) and
//! `str.format` / `%` formatting.

use crate::error::PyResult;
use crate::value::Value;
use crate::vm::Vm;

/// `format(v, spec)`: apply a format spec to a value (user `__format__` is consulted first).
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    let _ = (vm, v, spec);
    todo!("H4")
}

/// `fmt % args` for str (`"%d items" % n`, `"%s=%.2f" % (k, v)`, `"%(name)s" % d`).
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let _ = (vm, fmt, args);
    todo!("H4")
}

/// `fmt.format(*args, **kwargs)`.
pub fn str_format(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kwargs: &[(std::sync::Arc<crate::value::PyStr>, Value)],
) -> PyResult<String> {
    let _ = (vm, fmt, args, kwargs);
    todo!("H4")
}
