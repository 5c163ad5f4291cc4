//! Methods of `set`.

use std::sync::Arc;

use super::add_methods;
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs};
use crate::object::error::PyResult;
use crate::object::set_algebra::{self, Other};
use crate::object::setorder::{self, Builder};
use crate::object::value::{Set, SetMap, Value};

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
    match a.first().map(crate::object::class::strip) {
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

fn add(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "add")?;
    let x = args::one(vm, "set.add", &a[1..], kw)?;
    let k = vm.key_in(s, x.clone())?;
    s.borrow_mut(vm.gil()).insert(k, ());
    Ok(Value::None)
}

fn remove(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "remove")?;
    let x = args::one(vm, "set.remove", &a[1..], kw)?;
    let k = match crate::object::frozenset::set_as_key(vm.gil(), x) {
        Some(f) => vm.key(f)?,
        None => vm.key_in(s, x.clone())?,
    };
    if !setorder::remove(vm.gil(), s, &k) {
        return Err(vm.key_error(x.clone()));
    }
    Ok(Value::None)
}

fn discard(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "discard")?;
    let x = args::one(vm, "set.discard", &a[1..], kw)?;
    let k = match crate::object::frozenset::set_as_key(vm.gil(), x) {
        Some(f) => vm.key(f)?,
        None => vm.key_in(s, x.clone())?,
    };
    setorder::remove(vm.gil(), s, &k);
    Ok(Value::None)
}

/// `set.pop()` removes the element CPython would (see `crate::object::setorder`).
fn pop(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "pop")?;
    args::none(vm, "set.pop", &a[1..], kw)?;
    match setorder::pop(vm.gil(), s) {
        Some(k) => Ok(k.value),
        None => Err(vm.key_error(Value::str("pop from an empty set"))),
    }
}

fn clear(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "clear")?;
    args::none(vm, "set.clear", &a[1..], kw)?;
    setorder::clear(vm.gil(), s);
    Ok(Value::None)
}

fn copy(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "copy")?;
    args::none(vm, "set.copy", &a[1..], kw)?;
    let gil = vm.gil();
    Ok(setorder::new_set(
        gil,
        Builder::copy_of(&setorder::snapshot(gil, s)),
    ))
}

fn others(vm: &mut Vm, a: &[Value], name: &str, kw: &Kwargs) -> PyResult<Vec<Other>> {
    args::no_kwargs(vm, name, kw)?;
    let mut out = Vec::with_capacity(a.len().saturating_sub(1));
    for v in &a[1..] {
        out.push(Other::from_value(vm, v)?);
    }
    Ok(out)
}

fn one_other(vm: &mut Vm, a: &[Value], name: &str, kw: &Kwargs) -> PyResult<Other> {
    let o = args::one(vm, &format!("set.{name}"), &a[1..], kw)?;
    Other::from_value(vm, o)
}

fn update(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "update")?;
    let os = others(vm, a, "update", kw)?;
    let mut b = setorder::take(vm.gil(), s);
    for o in os
        .iter()
        .filter(|o| !matches!(o, Other::Set(x) if Arc::ptr_eq(x, s)))
    {
        set_algebra::update_with(vm, &mut b, o);
    }
    setorder::store(vm.gil(), s, b);
    Ok(Value::None)
}

pub(crate) fn union(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "union")?;
    let os = others(vm, a, "union", kw)?;
    let mut b = Builder::copy_of(&setorder::snapshot(vm.gil(), s));
    for o in os
        .iter()
        .filter(|o| !matches!(o, Other::Set(x) if Arc::ptr_eq(x, s)))
    {
        set_algebra::update_with(vm, &mut b, o);
    }
    Ok(setorder::new_set(vm.gil(), b))
}

/// `set_intersection_multi`.
fn intersect_all(vm: &mut Vm, s: &Arc<Set>, os: &[Other]) -> Builder {
    let snap = setorder::snapshot(vm.gil(), s);
    if os.is_empty() {
        return Builder::copy_of(&snap);
    }
    let mut r = set_algebra::intersection(vm, &snap, Some(s), &os[0]);
    for o in &os[1..] {
        r = set_algebra::intersection(vm, &r, None, o);
    }
    r
}

pub(crate) fn intersection(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "intersection")?;
    let os = others(vm, a, "intersection", kw)?;
    let r = intersect_all(vm, s, &os);
    Ok(setorder::new_set(vm.gil(), r))
}

fn intersection_update(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "intersection_update")?;
    let os = others(vm, a, "intersection_update", kw)?;
    let r = intersect_all(vm, s, &os);
    setorder::store(vm.gil(), s, r);
    Ok(Value::None)
}

pub(crate) fn difference(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "difference")?;
    let os = others(vm, a, "difference", kw)?;
    let snap = setorder::snapshot(vm.gil(), s);
    let mut r = match os.first() {
        None => Builder::copy_of(&snap),
        Some(o) => set_algebra::difference(vm, &snap, o),
    };
    for o in os.iter().skip(1) {
        // `r` is a new set: no argument can be it.
        r.difference_update_keys(o.keys(vm));
    }
    Ok(setorder::new_set(vm.gil(), r))
}

fn difference_update(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "difference_update")?;
    let os = others(vm, a, "difference_update", kw)?;
    let mut b = setorder::take(vm.gil(), s);
    for o in &os {
        set_algebra::difference_update(vm, &mut b, s, o);
    }
    setorder::store(vm.gil(), s, b);
    Ok(Value::None)
}

pub(crate) fn symmetric_difference(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "symmetric_difference")?;
    let o = one_other(vm, a, "symmetric_difference", kw)?;
    let r = set_algebra::symmetric_difference(vm, s, &o);
    Ok(setorder::new_set(vm.gil(), r))
}

fn symmetric_difference_update(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(vm, a, "symmetric_difference_update")?;
    let o = one_other(vm, a, "symmetric_difference_update", kw)?;
    let mut b = setorder::take(vm.gil(), s);
    set_algebra::symmetric_difference_update(vm, &mut b, s, &o);
    setorder::store(vm.gil(), s, b);
    Ok(Value::None)
}

/// `s.issubset(o)` & co.: in place for a set or frozenset `o` (see `set_algebra::relation`).
fn relation(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    f: fn(&SetMap, &SetMap) -> bool,
) -> PyResult<Value> {
    recv(vm, a, name)?;
    let o = args::one(vm, &format!("set.{name}"), &a[1..], kw)?;
    Ok(Value::Bool(set_algebra::relation(vm, &a[0], o, f)?))
}

pub(crate) fn issubset(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    relation(vm, a, kw, "issubset", set_algebra::is_subset)
}

pub(crate) fn issuperset(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    relation(vm, a, kw, "issuperset", |x, y| set_algebra::is_subset(y, x))
}

pub(crate) fn isdisjoint(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    relation(vm, a, kw, "isdisjoint", set_algebra::is_disjoint)
}
