//! The `bytearray` type: its constructor, the sequence and operator dunders and the mutating
//! methods (item and slice assignment, del, append, extend, insert, pop, remove, clear,
//! reverse, copy, `+=`, `*=`). The methods it shares with `bytes` are in `bytes_methods.rs`
//! and `bytes_transform.rs`; the object itself is [`ByteArray`] (buffer.rs).

use super::buffer::{as_bytearray, buffer, byte_value, new_bytearray, ByteArray, Kind};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs, Params};
use crate::object::error::PyResult;
use crate::object::value::{Slice, Value};

pub const METHODS: &[(&str, crate::object::value::NativeFn)] = &[
    ("__len__", len),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__iter__", iter),
    ("__contains__", contains),
    ("__repr__", repr),
    ("__add__", add),
    ("__iadd__", iadd),
    ("__mul__", mul),
    ("__rmul__", mul),
    ("__imul__", imul),
    ("__mod__", modulo),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
    ("append", append),
    ("extend", extend),
    ("insert", insert),
    ("pop", pop),
    ("remove", remove),
    ("clear", clear),
    ("reverse", reverse),
    ("copy", copy),
];

/// `bytearray(source=b'', encoding=, errors=)`.
pub fn new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "bytearray",
        names: &["source", "encoding", "errors"],
        positional: 3,
        positional_only: 0,
        required: 0,
    };
    let s = P.bind(vm, a, kw)?;
    let data = super::buffer::from_source(
        vm,
        Kind::ByteArray,
        s[0].as_ref(),
        s[1].as_ref(),
        s[2].as_ref(),
    )?;
    Ok(new_bytearray(data))
}

fn this<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<&'a ByteArray> {
    match a.first().and_then(as_bytearray) {
        Some(b) => Ok(b),
        None => Err(crate::object::args::wrong_receiver(
            vm,
            name,
            "bytearray",
            a.first(),
        )),
    }
}

/// Resizing while a memoryview is exported is a BufferError, as in CPython.
fn check_resize(vm: &Vm, ba: &ByteArray) -> PyResult<()> {
    if ba.exported() {
        let class = vm.types().exception_by_name("BufferError").cloned();
        let msg = "Existing exports of data: object cannot be re-sized";
        return Err(match class {
            Some(c) => vm.new_error(&c, msg),
            None => vm.value_error(msg),
        });
    }
    Ok(())
}

fn index_in(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (i >= 0 && (i as usize) < len).then_some(i as usize)
}

/// An int-like subscript, or `None` for a slice.
fn int_key(vm: &mut Vm, key: &Value) -> PyResult<Option<i64>> {
    match key {
        Value::Slice(_) => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        Value::Instance(_) if vm.get_attr_opt(key, "__index__")?.is_some() => {
            Ok(Some(super::to_index(vm, key)?))
        }
        _ => Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(key)
        ))),
    }
}

fn len(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let ba = this(vm, a, "__len__")?;
    Ok(Value::Int(ba.data.borrow(vm.gil()).len() as i64))
}

fn getitem(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "__getitem__", a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let ba = this(vm, a, "__getitem__")?;
    match int_key(vm, &a[1])? {
        Some(i) => {
            let d = ba.data.borrow(vm.gil());
            match index_in(i, d.len()) {
                Some(i) => Ok(Value::Int(d[i] as i64)),
                None => Err(vm.index_error("bytearray index out of range")),
            }
        }
        None => {
            let Value::Slice(sl) = &a[1] else {
                return Ok(Value::None);
            };
            let n = ba.data.borrow(vm.gil()).len();
            let idx = vm.slice_indices(sl, n)?;
            let d = ba.data.borrow(vm.gil());
            Ok(new_bytearray(idx.indices().map(|i| d[i]).collect()))
        }
    }
}

/// The bytes of a slice assignment's right-hand side.
fn assigned_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(vm, v)? {
        return Ok(b.to_vec());
    }
    let bad = |vm: &Vm| {
        vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
    };
    if matches!(
        v,
        Value::Str(_) | Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::None
    ) || !vm.is_iterable(v)
    {
        return Err(bad(vm));
    }
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(byte_value(vm, item)?);
    }
    Ok(out)
}

fn setitem(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "__setitem__", a.get(1..).unwrap_or(&[]), kw, 2, 2)?;
    let ba = this(vm, a, "__setitem__")?;
    if let Some(i) = int_key(vm, &a[1])? {
        let b = byte_value(vm, &a[2])?;
        let mut d = ba.data.borrow_mut(vm.gil());
        return match index_in(i, d.len()) {
            Some(i) => {
                d[i] = b;
                Ok(Value::None)
            }
            None => {
                drop(d);
                Err(vm.index_error("bytearray index out of range"))
            }
        };
    }
    let Value::Slice(sl) = &a[1] else {
        return Ok(Value::None);
    };
    let new = assigned_bytes(vm, &a[2])?;
    assign_slice(vm, ba, sl, new)?;
    Ok(Value::None)
}

fn assign_slice(vm: &mut Vm, ba: &ByteArray, sl: &Slice, new: Vec<u8>) -> PyResult<()> {
    let n = ba.data.borrow(vm.gil()).len();
    let idx = vm.slice_indices(sl, n)?;
    if idx.step == 1 {
        let start = idx.start as usize;
        let stop = start + idx.len;
        if new.len() != idx.len {
            check_resize(vm, ba)?;
        }
        vm.check_alloc(n - idx.len + new.len(), 1)?;
        ba.data.borrow_mut(vm.gil()).splice(start..stop, new);
        return Ok(());
    }
    if new.len() != idx.len {
        return Err(vm.value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            new.len(),
            idx.len
        )));
    }
    let mut d = ba.data.borrow_mut(vm.gil());
    for (i, b) in idx.indices().zip(new) {
        d[i] = b;
    }
    Ok(())
}

fn delitem(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "__delitem__", a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let ba = this(vm, a, "__delitem__")?;
    let n = ba.data.borrow(vm.gil()).len();
    match int_key(vm, &a[1])? {
        Some(i) => match index_in(i, n) {
            Some(i) => {
                check_resize(vm, ba)?;
                ba.data.borrow_mut(vm.gil()).remove(i);
            }
            None => return Err(vm.index_error("bytearray index out of range")),
        },
        None => {
            let Value::Slice(sl) = &a[1] else {
                return Ok(Value::None);
            };
            let idx = vm.slice_indices(sl, n)?;
            if idx.len > 0 {
                check_resize(vm, ba)?;
                let gone: Vec<usize> = idx.indices().collect();
                let mut d = ba.data.borrow_mut(vm.gil());
                let mut k = 0;
                let mut drop_it = vec![false; n];
                for i in gone {
                    drop_it[i] = true;
                }
                d.retain(|_| {
                    k += 1;
                    !drop_it[k - 1]
                });
            }
        }
    }
    Ok(Value::None)
}

fn iter(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    this(vm, a, "__iter__")?;
    Ok(crate::object::class::native(
        crate::protocol::iter::SeqIter {
            obj: a[0].clone(),
            index: crate::object::gilcell::GilCell::new(Some(0)),
        },
    ))
}

fn contains(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "__contains__", a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    Ok(Value::Bool(super::bytes_methods::contains(
        vm, &a[0], &a[1],
    )?))
}

/// `bytearray(b'...')`
fn repr(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let ba = this(vm, a, "__repr__")?;
    let d = ba.data.borrow(vm.gil());
    let mut r = crate::protocol::repr::bytes_repr(&d);
    // CPython's bytearray repr escapes a single quote even inside double quotes.
    if r.starts_with("b\"") {
        r = format!("b\"{}\"", r[2..r.len() - 1].replace('\'', "\\'"));
    }
    Ok(Value::str(format!("bytearray({r})")))
}

fn add(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "__add__", a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let other = match buffer(vm, &a[1])? {
        Some(b) => b.to_vec(),
        None => {
            return Err(vm.type_error(format!("can't concat {} to bytearray", vm.type_name(&a[1]))))
        }
    };
    let ba = this(vm, a, "__add__")?;
    let mut d = ba.data.borrow(vm.gil()).clone();
    vm.check_alloc(d.len().saturating_add(other.len()), 1)?;
    d.extend_from_slice(&other);
    Ok(new_bytearray(d))
}

fn iadd(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "__iadd__", a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let other = match buffer(vm, &a[1])? {
        Some(b) => b.to_vec(),
        None => {
            return Err(vm.type_error(format!("can't concat {} to bytearray", vm.type_name(&a[1]))))
        }
    };
    let ba = this(vm, a, "__iadd__")?;
    if !other.is_empty() {
        check_resize(vm, ba)?;
    }
    ba.data.borrow_mut(vm.gil()).extend_from_slice(&other);
    Ok(a[0].clone())
}

/// The repeat count of `*`, or `None` (NotImplemented) for a non-int.
fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    match v {
        Value::Int(_) | Value::Bool(_) => Ok(Some(super::to_index(vm, v)?.max(0) as usize)),
        Value::Instance(_) if vm.get_attr_opt(v, "__index__")?.is_some() => {
            Ok(Some(super::to_index(vm, v)?.max(0) as usize))
        }
        _ => Ok(None),
    }
}

fn mul(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "__mul__", a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let Some(n) = repeat_count(vm, &a[1])? else {
        return Ok(Value::NotImplemented);
    };
    let ba = this(vm, a, "__mul__")?;
    let d = ba.data.borrow(vm.gil()).clone();
    vm.check_alloc(d.len(), n)?;
    Ok(new_bytearray(d.repeat(n)))
}

fn imul(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "__imul__", a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let Some(n) = repeat_count(vm, &a[1])? else {
        return Ok(Value::NotImplemented);
    };
    let ba = this(vm, a, "__imul__")?;
    let d = ba.data.borrow(vm.gil()).clone();
    if n != 1 && !d.is_empty() {
        check_resize(vm, ba)?;
    }
    vm.check_alloc(d.len(), n)?;
    *ba.data.borrow_mut(vm.gil()) = d.repeat(n);
    Ok(a[0].clone())
}

fn modulo(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "__mod__", a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let ba = this(vm, a, "__mod__")?;
    let fmt = ba.data.borrow(vm.gil()).clone();
    let out = crate::protocol::format::bytes_percent_format(vm, &fmt, &a[1])?;
    Ok(new_bytearray(out))
}

/// Rich comparison of two buffers; NotImplemented when `other` is not one.
fn compare(
    vm: &mut Vm,
    a: &[Value],
    name: &str,
    test: fn(std::cmp::Ordering) -> bool,
) -> PyResult<Value> {
    if a.len() != 2 {
        return Err(vm.type_error(format!(
            "expected 1 argument, got {}",
            a.len().saturating_sub(1)
        )));
    }
    this(vm, a, name)?;
    let Some(other) = buffer(vm, &a[1])?.map(|b| b.to_vec()) else {
        return Ok(Value::NotImplemented);
    };
    let ba = this(vm, a, name)?;
    let d = ba.data.borrow(vm.gil());
    Ok(Value::Bool(test(d.as_slice().cmp(&other))))
}

fn eq(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    compare(vm, a, "__eq__", |o| o.is_eq())
}

fn ne(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    compare(vm, a, "__ne__", |o| o.is_ne())
}

fn lt(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    compare(vm, a, "__lt__", |o| o.is_lt())
}

fn le(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    compare(vm, a, "__le__", |o| o.is_le())
}

fn gt(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    compare(vm, a, "__gt__", |o| o.is_gt())
}

fn ge(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    compare(vm, a, "__ge__", |o| o.is_ge())
}

fn append(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "append", a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let b = byte_value(vm, &a[1])?;
    let ba = this(vm, a, "append")?;
    check_resize(vm, ba)?;
    ba.data.borrow_mut(vm.gil()).push(b);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "extend", a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let new = match buffer(vm, &a[1])? {
        Some(b) => b.to_vec(),
        None => {
            if !vm.is_iterable(&a[1]) {
                return Err(vm.type_error(format!(
                    "can't extend bytearray with {}",
                    vm.type_name(&a[1])
                )));
            }
            let items = vm.collect(&a[1])?;
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                let n = match item {
                    Value::Int(_) | Value::Bool(_) => super::to_index(vm, item)?,
                    _ => super::to_index(vm, item)?,
                };
                if !(0..256).contains(&n) {
                    return Err(vm.value_error("byte must be in range(0, 256)"));
                }
                out.push(n as u8);
            }
            out
        }
    };
    let ba = this(vm, a, "extend")?;
    if !new.is_empty() {
        check_resize(vm, ba)?;
    }
    ba.data.borrow_mut(vm.gil()).extend_from_slice(&new);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "insert", a.get(1..).unwrap_or(&[]), kw, 2, 2)?;
    let i = super::to_index(vm, &a[1])?;
    let b = byte_value(vm, &a[2])?;
    let ba = this(vm, a, "insert")?;
    check_resize(vm, ba)?;
    let mut d = ba.data.borrow_mut(vm.gil());
    let n = d.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    d.insert(at as usize, b);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "pop", a.get(1..).unwrap_or(&[]), kw, 0, 1)?;
    let i = match a.get(1) {
        Some(v) => super::to_index(vm, v)?,
        None => -1,
    };
    let ba = this(vm, a, "pop")?;
    let n = ba.data.borrow(vm.gil()).len();
    if n == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let Some(i) = index_in(i, n) else {
        return Err(vm.index_error("pop index out of range"));
    };
    check_resize(vm, ba)?;
    let b = ba.data.borrow_mut(vm.gil()).remove(i);
    Ok(Value::Int(b as i64))
}

fn remove(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "remove", a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let b = byte_value(vm, &a[1])?;
    let ba = this(vm, a, "remove")?;
    let pos = ba.data.borrow(vm.gil()).iter().position(|&x| x == b);
    match pos {
        Some(p) => {
            check_resize(vm, ba)?;
            ba.data.borrow_mut(vm.gil()).remove(p);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn clear(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "clear", a.get(1..).unwrap_or(&[]), kw)?;
    let ba = this(vm, a, "clear")?;
    check_resize(vm, ba)?;
    ba.data.borrow_mut(vm.gil()).clear();
    Ok(Value::None)
}

fn reverse(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "reverse", a.get(1..).unwrap_or(&[]), kw)?;
    let ba = this(vm, a, "reverse")?;
    ba.data.borrow_mut(vm.gil()).reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "copy", a.get(1..).unwrap_or(&[]), kw)?;
    let ba = this(vm, a, "copy")?;
    let d = ba.data.borrow(vm.gil()).clone();
    Ok(new_bytearray(d))
}
