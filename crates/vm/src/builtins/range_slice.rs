//! The data attributes of `range` and `slice` (`start`, `stop`, `step`), `slice.indices` and
//! `range.index` / `range.count`.

use super::file::native_property;
use super::{dict_set_str, to_index};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs};
use crate::object::error::PyResult;
use crate::object::value::Value;

pub fn install(vm: &mut Vm) {
    let (range, slice) = (vm.types().range.clone(), vm.types().slice.clone());
    let props: [(&'static str, crate::object::value::NativeFn); 3] =
        [("start", start), ("stop", stop), ("step", step)];
    for (name, getter) in props {
        dict_set_str(vm, &range.dict, name, native_property(name, getter));
        dict_set_str(vm, &slice.dict, name, native_property(name, getter));
    }
    super::add_methods(vm, &slice, &[("indices", indices)]);
    super::add_methods(
        vm,
        &range,
        &[("index", range_index), ("count", range_count)],
    );
}

/// The position of `x` in the range `r`, comparing as CPython does: by value for ints and
/// bools, else by `==` against each element.
fn position(vm: &mut Vm, r: &crate::object::value::Range, x: &Value) -> PyResult<Option<i64>> {
    let len = super::range_len(r.start, r.stop, r.step);
    if let Value::Int(_) | Value::Bool(_) = x {
        let n = match x {
            Value::Bool(b) => *b as i64,
            Value::Int(n) => *n,
            _ => unreachable!(),
        };
        let off = n as i128 - r.start as i128;
        if off % r.step as i128 != 0 {
            return Ok(None);
        }
        let i = off / r.step as i128;
        return Ok((0..len as i128).contains(&i).then_some(i as i64));
    }
    for i in 0..len {
        let v = Value::Int(r.start + i * r.step);
        if vm.eq(&v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn range_arg<'a>(
    vm: &mut Vm,
    name: &str,
    a: &'a [Value],
    kw: &Kwargs,
) -> PyResult<&'a crate::object::value::Range> {
    args::count(vm, name, a, kw, 2, 2)?;
    match &a[0] {
        Value::Range(r) => Ok(r),
        other => {
            let got = vm.type_name(other);
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'range' objects doesn't apply to a '{got}' object"
            )))
        }
    }
}

fn range_index(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let r = range_arg(vm, "index", a, kw)?;
    match position(vm, r, &a[1])? {
        Some(i) => Ok(Value::Int(i)),
        None => {
            let shown = vm.repr(&a[1])?;
            Err(vm.value_error(format!("{shown} is not in range")))
        }
    }
}

fn range_count(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let r = range_arg(vm, "count", a, kw)?;
    Ok(Value::Int(position(vm, r, &a[1])?.is_some() as i64))
}

/// Field `i` (0 start, 1 stop, 2 step) of a range or a slice.
fn field(vm: &Vm, a: &[Value], i: usize) -> PyResult<Value> {
    match a.first() {
        Some(Value::Range(r)) => Ok(Value::Int([r.start, r.stop, r.step][i])),
        Some(Value::Slice(s)) => Ok([&s.start, &s.stop, &s.step][i].clone()),
        other => {
            let got = other.map(|v| vm.type_name(v)).unwrap_or_default();
            Err(vm.type_error(format!("expected a range or a slice, not '{got}'")))
        }
    }
}

fn start(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    field(vm, a, 0)
}

fn stop(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    field(vm, a, 1)
}

fn step(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    field(vm, a, 2)
}

/// `slice.indices(length)`: (start, stop, step) clamped to a sequence of `length`, as CPython's
/// `PySlice_GetIndicesEx`.
fn indices(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "indices", a, kw, 2, 2)?;
    let Value::Slice(s) = &a[0] else {
        return field(vm, a, 0);
    };
    let length = to_index(vm, &a[1])?;
    if length < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let step = match &s.step {
        Value::None => 1,
        v => to_index(vm, v)?,
    };
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step < 0 {
        (-1, length - 1)
    } else {
        (0, length)
    };
    let mut bound = |v: &Value, default: i64| -> PyResult<i64> {
        if matches!(v, Value::None) {
            return Ok(default);
        }
        let mut i = to_index(vm, v)?;
        if i < 0 {
            i += length;
            if i < lower {
                i = lower;
            }
        } else if i > upper {
            i = upper;
        }
        Ok(i)
    };
    let start = bound(&s.start, if step < 0 { upper } else { lower })?;
    let stop = bound(&s.stop, if step < 0 { lower } else { upper })?;
    Ok(Value::tuple(vec![
        Value::Int(start),
        Value::Int(stop),
        Value::Int(step),
    ]))
}
