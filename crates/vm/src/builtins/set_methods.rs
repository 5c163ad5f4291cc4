//! Methods of `set`.

use std::sync::Arc;

use super::add_methods;
use super::args::{self, Kwargs};
use super::convert::set_from_iterable;
use crate::error::PyResult;
use crate::gilcell::GilCell;
use crate::value::{Set, SetMap, Value};
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let class = vm.types().set.clone();
    add_methods(
        vm,
        &class,
        &[
            ("add", add),
            ("remove", remove),
            ("discard", discard),
            ("pop", pop),
            ("clear", clear),
            ("copy", copy),
            ("update", update),
            ("union", union),
            ("intersection", intersection),
            ("intersection_update", intersection_update),
            ("difference", difference),
            ("difference_update", difference_update),
            ("symmetric_difference", symmetric_difference),
            ("symmetric_difference_update", symmetric_difference_update),
            ("issubset", issubset),
            ("issuperset", issuperset),
            ("isdisjoint", isdisjoint),
        ],
    );
}

fn recv<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<&'a Arc<Set>> {
    match a.first() {
        Some(Value::Set(s)) => Ok(s),
        other => {
            let got = other
                .map(|v| vm.type_name(v))
                .unwrap_or_else(|| "nothing".into());
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'set' objects doesn't apply to a '{got}' object"
            )))
        }
    }
}

fn new_set(m: SetMap) -> Value {
    Value::Set(Arc::new(GilCell::new(m)))
}

fn add(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "add")?;
    let x = args::one(vm, "set.add", &a[1..], kw)?;
    let k = vm.key(x.clone())?;
    s.borrow_mut(vm.gil()).insert(k, ());
    Ok(Value::None)
}

fn remove(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "remove")?;
    let x = args::one(vm, "set.remove", &a[1..], kw)?;
    let k = vm.key(x.clone())?;
    if s.borrow_mut(vm.gil()).shift_remove(&k).is_none() {
        return Err(vm.key_error(x.clone()));
    }
    Ok(Value::None)
}

fn discard(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "discard")?;
    let x = args::one(vm, "set.discard", &a[1..], kw)?;
    let k = vm.key(x.clone())?;
    s.borrow_mut(vm.gil()).shift_remove(&k);
    Ok(Value::None)
}

/// `set.pop()` removes the first element in insertion order (CPython's choice depends on
/// hashes; for small ints both give the smallest first).
fn pop(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "pop")?;
    args::none(vm, "set.pop", &a[1..], kw)?;
    let first = s.borrow_mut(vm.gil()).shift_remove_index(0);
    match first {
        Some((k, ())) => Ok(k.value),
        None => Err(vm.key_error(Value::str("pop from an empty set"))),
    }
}

fn clear(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "clear")?;
    args::none(vm, "set.clear", &a[1..], kw)?;
    s.borrow_mut(vm.gil()).clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "copy")?;
    args::none(vm, "set.copy", &a[1..], kw)?;
    let m = s.borrow(vm.gil()).clone();
    Ok(new_set(m))
}

fn others(vm: &mut Vm, a: &[Value], name: &str, kw: &Kwargs) -> PyResult<Vec<SetMap>> {
    args::no_kwargs(vm, name, kw)?;
    let mut out = Vec::with_capacity(a.len().saturating_sub(1));
    for v in &a[1..] {
        out.push(set_from_iterable(vm, v)?);
    }
    Ok(out)
}

fn update(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "update")?;
    let os = others(vm, a, "update", kw)?;
    let mut m = s.borrow_mut(vm.gil());
    for o in os {
        m.extend(o);
    }
    Ok(Value::None)
}

fn union(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "union")?;
    let os = others(vm, a, "union", kw)?;
    let mut m = s.borrow(vm.gil()).clone();
    for o in os {
        m.extend(o);
    }
    Ok(new_set(m))
}

fn intersect(mut m: SetMap, os: Vec<SetMap>) -> SetMap {
    for o in os {
        m.retain(|k, _| o.contains_key(k));
    }
    m
}

fn intersection(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "intersection")?;
    let os = others(vm, a, "intersection", kw)?;
    let m = s.borrow(vm.gil()).clone();
    Ok(new_set(intersect(m, os)))
}

fn intersection_update(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "intersection_update")?;
    let os = others(vm, a, "intersection_update", kw)?;
    let gil = vm.gil();
    let m = std::mem::take(&mut *s.borrow_mut(gil));
    *s.borrow_mut(gil) = intersect(m, os);
    Ok(Value::None)
}

fn difference(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "difference")?;
    let os = others(vm, a, "difference", kw)?;
    let mut m = s.borrow(vm.gil()).clone();
    for o in os {
        m.retain(|k, _| !o.contains_key(k));
    }
    Ok(new_set(m))
}

fn difference_update(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "difference_update")?;
    let os = others(vm, a, "difference_update", kw)?;
    let mut m = s.borrow_mut(vm.gil());
    for o in os {
        m.retain(|k, _| !o.contains_key(k));
    }
    Ok(Value::None)
}

fn sym_diff(m: &SetMap, o: &SetMap) -> SetMap {
    let mut out: SetMap = m
        .iter()
        .filter(|(k, _)| !o.contains_key(*k))
        .map(|(k, _)| (k.clone(), ()))
        .collect();
    out.extend(
        o.iter()
            .filter(|(k, _)| !m.contains_key(*k))
            .map(|(k, _)| (k.clone(), ())),
    );
    out
}

fn symmetric_difference(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "symmetric_difference")?;
    let o = args::one(vm, "set.symmetric_difference", &a[1..], kw)?;
    let o = set_from_iterable(vm, o)?;
    let m = s.borrow(vm.gil()).clone();
    Ok(new_set(sym_diff(&m, &o)))
}

fn symmetric_difference_update(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "symmetric_difference_update")?;
    let o = args::one(vm, "set.symmetric_difference_update", &a[1..], kw)?;
    let o = set_from_iterable(vm, o)?;
    let gil = vm.gil();
    let m = s.borrow(gil).clone();
    *s.borrow_mut(gil) = sym_diff(&m, &o);
    Ok(Value::None)
}

fn relation(vm: &mut Vm, a: &[Value], kw: &Kwargs, name: &str) -> PyResult<(SetMap, SetMap)> {
    let s = recv(vm, a, name)?;
    let o = args::one(vm, &format!("set.{name}"), &a[1..], kw)?;
    let o = set_from_iterable(vm, o)?;
    Ok((s.borrow(vm.gil()).clone(), o))
}

fn issubset(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (m, o) = relation(vm, a, kw, "issubset")?;
    Ok(Value::Bool(m.keys().all(|k| o.contains_key(k))))
}

fn issuperset(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (m, o) = relation(vm, a, kw, "issuperset")?;
    Ok(Value::Bool(o.keys().all(|k| m.contains_key(k))))
}

fn isdisjoint(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (m, o) = relation(vm, a, kw, "isdisjoint")?;
    Ok(Value::Bool(!m.keys().any(|k| o.contains_key(k))))
}
