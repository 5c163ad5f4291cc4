//! Argument checking for native functions, with CPython's wording for arity and keyword errors.
//! CPython words these differently depending on how a builtin parses its arguments; each helper
//! here reproduces one of those styles:
//!
//! - [`one`]: `METH_O` — "len() takes exactly one argument (2 given)"
//! - [`count`]: `_PyArg_CheckPositional` — "divmod expected 2 arguments, got 1",
//!   "range expected at least 1 argument, got 0", "pop expected at most 1 argument, got 2"
//! - [`Params::bind`]: Argument Clinic with keywords — "split() takes at most 2 arguments (3
//!   given)", "'foo' is an invalid keyword argument for split()", "round() missing required
//!   argument 'number' (pos 1)"

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::value::{PyStr, Value};

pub type Kwargs = [(Arc<PyStr>, Value)];

/// "f() takes no keyword arguments" unless `kwargs` is empty.
pub fn no_kwargs(vm: &Vm, name: &str, kwargs: &Kwargs) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// Exactly one positional argument and no keywords (`METH_O`).
pub fn one<'a>(vm: &Vm, name: &str, args: &'a [Value], kwargs: &Kwargs) -> PyResult<&'a Value> {
    no_kwargs(vm, name, kwargs)?;
    match args {
        [v] => Ok(v),
        _ => Err(vm.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// No arguments at all (`METH_NOARGS`): "f() takes no arguments (1 given)".
pub fn none(vm: &Vm, name: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<()> {
    no_kwargs(vm, name, kwargs)?;
    if args.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!(
            "{name}() takes no arguments ({} given)",
            args.len()
        )))
    }
}

/// Between `min` and `max` positional arguments and no keywords, in `_PyArg_CheckPositional`'s
/// wording.
pub fn count(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_kwargs(vm, name, kwargs)?;
    count_positional(vm, name, args.len(), min, max)
}

/// The positional-count check alone.
pub fn count_positional(vm: &Vm, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        let how = if min == max { "" } else { "at least " };
        return Err(vm.type_error(format!(
            "{name} expected {how}{min} argument{}, got {n}",
            plural(min)
        )));
    }
    if n > max {
        let how = if min == max { "" } else { "at most " };
        return Err(vm.type_error(format!(
            "{name} expected {how}{max} argument{}, got {n}",
            plural(max)
        )));
    }
    Ok(())
}

/// A parameter list for [`Params::bind`]: `names[..positional]` may be given by position (the
/// first `positional_only` of them only by position), the rest only by keyword; the first
/// `required` are required.
pub struct Params {
    pub name: &'static str,
    pub names: &'static [&'static str],
    pub positional: usize,
    pub positional_only: usize,
    pub required: usize,
}

impl Params {
    /// Match arguments to parameters: one slot per name, `None` where not given (CPython's
    /// `_PyArg_UnpackKeywords`: [`Params::unpack_keywords`], object/signature.rs).
    pub fn bind(&self, vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Vec<Option<Value>>> {
        self.unpack_keywords(vm, args, kwargs)
    }
}

/// Pick keyword-only arguments by name from `kwargs` (for functions that take `*args`, like
/// print, min and max): returns one slot per name and rejects other keywords as CPython does.
pub fn kwonly(
    vm: &Vm,
    fname: &str,
    kwargs: &Kwargs,
    names: &[&str],
) -> PyResult<Vec<Option<Value>>> {
    let mut slots = vec![None; names.len()];
    for (k, v) in kwargs {
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) => slots[i] = Some(v.clone()),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for {fname}()",
                    k.as_str()
                )))
            }
        }
    }
    Ok(slots)
}

/// CPython's TypeError for a method of `owner` called on something else (or on nothing):
/// "descriptor 'append' for 'list' objects doesn't apply to a 'int' object".
pub fn wrong_receiver(
    vm: &Vm,
    name: &str,
    owner: &str,
    got: Option<&Value>,
) -> crate::object::error::PyErr {
    let got = got
        .map(|v| vm.type_name(v))
        .unwrap_or_else(|| "nothing".into());
    vm.type_error(format!(
        "descriptor '{name}' for '{owner}' objects doesn't apply to a '{got}' object"
    ))
}
