//! `int.to_bytes(length=1, byteorder='big', *, signed=False)` and the class method
//! `int.from_bytes(bytes, byteorder='big', *, signed=False)`, for ints of any size, with
//! CPython 3.11's defaults and messages.

use num_bigint::{BigInt, Sign};

use super::buffer::{self, Kind};
use crate::interp::vm::Vm;
use crate::object::args::{Kwargs, Params};
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::protocol::bigint::{big_value, to_big};

/// Put the two methods on `int` (and so on `bool`, its subclass).
pub fn install(vm: &mut Vm) {
    let int = vm.types().int.clone();
    super::add_methods(vm, &int, &[("to_bytes", to_bytes)]);
    let fb = crate::object::class::native(crate::object::class::ClassMethod(super::native(
        "from_bytes",
        from_bytes,
    )));
    super::dict_set_str(vm, &int.dict, "from_bytes", fb);
}

/// True for 'little', false for 'big'; CPython's errors otherwise.
fn little_endian(vm: &Vm, fname: &str, v: Option<&Value>) -> PyResult<bool> {
    match v.map(crate::object::class::strip) {
        None => Ok(false),
        Some(Value::Str(s)) => match s.as_str() {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
        Some(other) => Err(vm.type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            vm.type_name(other)
        ))),
    }
}

fn to_bytes(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "to_bytes",
        names: &["self", "length", "byteorder", "signed"],
        positional: 3,
        positional_only: 1,
        required: 1,
    };
    let s = P.bind(vm, a, kw)?;
    let me = s[0].clone().unwrap_or_default();
    let Some(n) = to_big(crate::object::class::strip(&me)) else {
        return Err(crate::object::args::wrong_receiver(
            vm,
            "to_bytes",
            "int",
            Some(&me),
        ));
    };
    let length = match &s[1] {
        None => 1,
        Some(v) => super::to_index(vm, v)?,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = little_endian(vm, "to_bytes", s[2].as_ref())?;
    let signed = match &s[3] {
        None => false,
        Some(v) => vm.truthy(v)?,
    };
    if !signed && n.sign() == Sign::Minus {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    // Big-endian, minimal: two's complement when signed; zero is no bytes at all.
    let mut data = if n.sign() == Sign::NoSign {
        Vec::new()
    } else if signed {
        n.to_signed_bytes_be()
    } else {
        n.to_bytes_be().1
    };
    let length = length as usize;
    if data.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if n.sign() == Sign::Minus { 0xff } else { 0 };
    let mut out = vec![fill; length - data.len()];
    out.append(&mut data);
    if little {
        out.reverse();
    }
    Ok(buffer::new_bytes(out))
}

fn from_bytes(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "from_bytes",
        names: &["cls", "bytes", "byteorder", "signed"],
        positional: 3,
        positional_only: 1,
        required: 2,
    };
    let s = P.bind(vm, a, kw)?;
    let cls = s[0].clone().unwrap_or_default();
    let src = s[1].clone().unwrap_or_default();
    if matches!(
        crate::object::class::strip(&src),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Str(_)
    ) {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to bytes",
            vm.type_name(&src)
        )));
    }
    let mut data = buffer::from_source(vm, Kind::Bytes, Some(&src), None, None)?;
    let little = little_endian(vm, "from_bytes", s[2].as_ref())?;
    let signed = match &s[3] {
        None => false,
        Some(v) => vm.truthy(v)?,
    };
    if little {
        data.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_be(&data)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &data)
    };
    let result = big_value(n);
    match &cls {
        Value::Class(c) if std::sync::Arc::ptr_eq(c, &vm.types().int) => Ok(result),
        // A subclass gets `cls(result)`, as CPython's.
        other => vm.call(other, &[result]),
    }
}
