//! The constructors of the built-in types (`int(...)`, `str(...)`, `list(...)`, ...), stored as
//! `__new__` in their class dicts.

use std::sync::Arc;

use super::numparse::{parse_float, parse_int, IntParseError};
use super::{dict_set_str, native, to_index};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs, Params};
use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::value::{Class, Dict, DictMap, PyBytes, Range, SetMap, Slice, Value};

pub fn install(vm: &mut Vm, _g: &Dict) {
    let t = vm.types();
    let news: Vec<(Arc<Class>, crate::object::value::NativeFn)> = vec![
        (t.int.clone(), int_new),
        (t.float.clone(), float_new),
        (t.str_.clone(), str_new),
        (t.bool_.clone(), bool_new),
        (t.list.clone(), list_new),
        (t.tuple.clone(), tuple_new),
        (t.dict.clone(), dict_new),
        (t.set.clone(), set_new),
        (t.range.clone(), range_new),
        (t.type_.clone(), type_new),
        (t.bytes.clone(), bytes_new),
        (t.slice.clone(), slice_new),
    ];
    for (class, f) in news {
        dict_set_str(vm, &class.dict, "__new__", native("__new__", f));
    }
}

/// Python's repr of a str, for error messages ("invalid literal ... 'x'").
fn quoted(vm: &mut Vm, s: &str) -> String {
    vm.repr(&Value::str(s)).unwrap_or_else(|_| format!("'{s}'"))
}

/// `int(x)` for one argument without a base.
pub fn to_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(*b as i64),
        Value::Float(x) => {
            if x.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            super::funcs::float_to_i64(vm, x.trunc())
        }
        Value::Str(s) => str_to_int(vm, s.as_str(), 10),
        Value::Bytes(b) => {
            let s = String::from_utf8_lossy(&b.data).into_owned();
            str_to_int(vm, &s, 10)
        }
        Value::Instance(_) => match instance_to_int(vm, v)? {
            Value::Int(n) => Ok(n),
            _ => Err(vm.overflow_error("Python int too large to convert to C long")),
        },
        _ => Err(int_type_error(vm, v)),
    }
}

/// `int(x)` of an instance, of any size: `__int__`, `__index__` or `__trunc__` may return a
/// big int, and an `int` subclass's value may be one.
fn instance_to_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    for name in ["__int__", "__index__", "__trunc__"] {
        if let Some(m) = vm.get_attr_opt(v, name)? {
            return match vm.call(&m, &[])? {
                Value::Int(n) => Ok(Value::Int(n)),
                Value::Bool(b) => Ok(Value::Int(b as i64)),
                Value::BigInt(b) => Ok(Value::BigInt(b)),
                other => Err(vm.type_error(format!(
                    "{name} returned non-int (type {})",
                    vm.type_name(&other)
                ))),
            };
        }
    }
    match v {
        Value::Instance(i) => match i.payload.clone() {
            Some(Value::BigInt(b)) => Ok(Value::BigInt(b)),
            Some(p @ Value::Instance(_)) => instance_to_int(vm, &p),
            Some(p) => to_int(vm, &p).map(Value::Int),
            None => Err(int_type_error(vm, v)),
        },
        _ => to_int(vm, v).map(Value::Int),
    }
}

fn int_type_error(vm: &Vm, v: &Value) -> crate::object::error::PyErr {
    vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(v)
    ))
}

fn invalid_int_literal(vm: &mut Vm, s: &str, base: u32) -> crate::object::error::PyErr {
    let q = quoted(vm, s);
    vm.value_error(format!("invalid literal for int() with base {base}: {q}"))
}

fn str_to_int(vm: &mut Vm, s: &str, base: u32) -> PyResult<i64> {
    match parse_int(s, base) {
        Ok(n) => Ok(n),
        Err(IntParseError::Invalid) => Err(invalid_int_literal(vm, s, base)),
        Err(IntParseError::Overflow) => {
            Err(vm.overflow_error("int too large to convert (gilvm ints are 64-bit)"))
        }
    }
}

/// `int(s, base)` of any size: the i64 parse first, big digits when it overflows (the text is
/// valid then: only its digits are left to read).
fn str_to_int_value(vm: &mut Vm, s: &str, base: u32) -> PyResult<Value> {
    match parse_int(s, base) {
        Ok(n) => Ok(Value::Int(n)),
        Err(IntParseError::Overflow) => {
            let t = s.trim();
            let (neg, t) = match t.as_bytes().first() {
                Some(b'-') => (true, &t[1..]),
                Some(b'+') => (false, &t[1..]),
                _ => (false, t),
            };
            let lower = t.to_ascii_lowercase();
            let (radix, digits) = match (base, lower.get(..2)) {
                (0 | 16, Some("0x")) => (16, &lower[2..]),
                (0 | 8, Some("0o")) => (8, &lower[2..]),
                (0 | 2, Some("0b")) => (2, &lower[2..]),
                (0, _) => (10, &lower[..]),
                (b, _) => (b, &lower[..]),
            };
            let digits: String = digits.chars().filter(|&c| c != '_').collect();
            match crate::protocol::bigint::parse_big(vm, &digits, radix)? {
                Some(b) => Ok(crate::protocol::bigint::big_value(if neg { -b } else { b })),
                None => Err(invalid_int_literal(vm, s, base)),
            }
        }
        Err(IntParseError::Invalid) => Err(invalid_int_literal(vm, s, base)),
    }
}

fn int_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "int",
        names: &["x", "base"],
        positional: 2,
        positional_only: 1,
        required: 0,
    };
    let s = P.bind(vm, a, kw)?;
    match (&s[0], &s[1]) {
        (None, None) => Ok(Value::Int(0)),
        (None, Some(_)) => Err(vm.type_error("int() missing string argument")),
        (Some(Value::BigInt(b)), None) => Ok(Value::BigInt(b.clone())),
        (Some(Value::Float(f)), None) => crate::protocol::bigint::float_to_int(vm, *f),
        (Some(Value::Str(t)), None) => str_to_int_value(vm, t.as_str(), 10),
        (Some(x @ Value::Instance(_)), None) => instance_to_int(vm, x),
        (Some(x), None) => to_int(vm, x).map(Value::Int),
        (Some(x), Some(b)) => {
            let base = to_index(vm, b)?;
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let text = match x {
                Value::Str(s) => s.as_str().to_string(),
                Value::Bytes(b) => String::from_utf8_lossy(&b.data).into_owned(),
                _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            };
            str_to_int_value(vm, &text, base as u32)
        }
    }
}

/// `float(x)`
pub fn to_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(x) => Ok(*x),
        Value::BigInt(b) => vm.big_to_float(b),
        Value::Int(n) => Ok(*n as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Str(s) => match parse_float(s.as_str()) {
            Some(x) => Ok(x),
            None => {
                let q = quoted(vm, s.as_str());
                Err(vm.value_error(format!("could not convert string to float: {q}")))
            }
        },
        Value::Instance(i)
            if matches!(i.payload, Some(Value::Str(_)))
                && crate::protocol::attr::user_lookup(&i.class, "__float__", vm.gil())
                    .is_none() =>
        {
            let p = i.payload.clone().unwrap_or_default();
            to_float(vm, &p)
        }
        Value::Instance(_) => super::to_f64(vm, v),
        _ => Err(vm.type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn float_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "float", a, kw, 0, 1)?;
    match a.first() {
        None => Ok(Value::Float(0.0)),
        Some(v) => to_float(vm, v).map(Value::Float),
    }
}

fn str_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "str",
        names: &["object", "encoding", "errors"],
        positional: 3,
        positional_only: 0,
        required: 0,
    };
    let s = P.bind(vm, a, kw)?;
    match (&s[0], &s[1], &s[2]) {
        (None, _, _) => Ok(Value::str("")),
        (Some(v @ Value::Str(_)), None, None) => Ok(v.clone()),
        (Some(v), None, None) => Ok(Value::str(vm.to_str(v)?)),
        (Some(Value::Bytes(b)), _, _) => {
            super::misc_methods::decode_bytes(vm, &b.data, s[1].as_ref(), s[2].as_ref())
        }
        (Some(Value::Str(_)), _, _) => Err(vm.type_error("decoding str is not supported")),
        (Some(other), _, _) => Err(vm.type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            vm.type_name(other)
        ))),
    }
}

fn bool_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "bool", a, kw, 0, 1)?;
    match a.first() {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
    }
}

fn list_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "list", a, kw, 0, 1)?;
    match a.first() {
        None => Ok(Value::list(Vec::new())),
        Some(v) => Ok(Value::list(vm.collect(v)?)),
    }
}

fn tuple_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "tuple", a, kw, 0, 1)?;
    match a.first() {
        None => Ok(Value::tuple(Vec::new())),
        Some(v @ Value::Tuple(_)) => Ok(v.clone()),
        Some(v) => Ok(Value::tuple(vm.collect(v)?)),
    }
}

fn dict_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count_positional(vm, "dict", a.len(), 0, 1)?;
    let d: Arc<Dict> = Arc::new(GilCell::new(DictMap::default()));
    super::dict_methods::dict_update(vm, &d, a.first(), kw)?;
    Ok(Value::Dict(d))
}

/// Build a set's map from any iterable.
pub fn set_from_iterable(vm: &mut Vm, v: &Value) -> PyResult<SetMap> {
    let mut m = SetMap::default();
    if let Value::Set(s) = v {
        return Ok(s.borrow(vm.gil()).clone());
    }
    let it = vm.get_iter(v)?;
    while let Some(x) = vm.next(&it)? {
        let k = vm.key(x)?;
        m.insert(k, ());
    }
    Ok(m)
}

fn set_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "set", a, kw, 0, 1)?;
    match a.first() {
        None => Ok(Value::Set(Arc::new(GilCell::new(SetMap::default())))),
        Some(v) => crate::object::set_algebra::new_from(vm, v),
    }
}

fn range_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "range", a, kw, 1, 3)?;
    let mut n = [0i64; 3];
    for (i, v) in a.iter().enumerate() {
        n[i] = to_index(vm, v)?;
    }
    let (start, stop, step) = match a.len() {
        1 => (0, n[0], 1),
        2 => (n[0], n[1], 1),
        _ => (n[0], n[1], n[2]),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Arc::new(Range { start, stop, step })))
}

/// `type(x)`, and `type(name, bases, dict, **kwargs)` which makes a class (metaclass.rs).
fn type_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let ty = vm.types().type_.clone();
    vm.type_make(&ty, a, kw)
}

fn bytes_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "bytes",
        names: &["source", "encoding", "errors"],
        positional: 3,
        positional_only: 0,
        required: 0,
    };
    let s = P.bind(vm, a, kw)?;
    if let (Some(Value::Bytes(b)), None, None) = (&s[0], &s[1], &s[2]) {
        return Ok(Value::Bytes(b.clone()));
    }
    let kind = super::buffer::Kind::Bytes;
    let data = super::buffer::from_source(vm, kind, s[0].as_ref(), s[1].as_ref(), s[2].as_ref())?;
    Ok(Value::Bytes(Arc::new(PyBytes {
        data: data.into_boxed_slice(),
    })))
}

fn slice_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "slice", a, kw, 1, 3)?;
    let (start, stop, step) = match a {
        [stop] => (Value::None, stop.clone(), Value::None),
        [start, stop] => (start.clone(), stop.clone(), Value::None),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => (Value::None, Value::None, Value::None),
    };
    Ok(Value::Slice(Arc::new(Slice { start, stop, step })))
}
