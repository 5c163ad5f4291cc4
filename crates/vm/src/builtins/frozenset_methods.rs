//! The `frozenset` class: its constructor, dunders and methods over
//! [`crate::object::frozenset::FrozenSet`]. The set algorithms are `set`'s (the frozenset's
//! contents are put in a temporary set and the result frozen), so results are laid out and
//! iterate as CPython's; a binary operator's result has the type of its left operand
//! (`frozenset | set` is a frozenset, `set | frozenset` a set).

use std::sync::Arc;

use super::{add_methods, dict_set_str, set_methods};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs};
use crate::object::class::strip;
use crate::object::error::PyResult;
use crate::object::frozenset::{self as fz, FrozenSet};
use crate::object::set_algebra::{self, Other, SetOp};
use crate::object::setorder::{self, Builder};
use crate::object::value::{BuiltinType, IterState, NativeFn, Set, Value};

/// Make the `frozenset` class and put it in builtins.
pub fn install(vm: &mut Vm, g: &crate::object::value::Dict) {
    let object = vm.types().object.clone();
    let c = crate::object::class::new_class(
        "frozenset",
        "builtins",
        Some(&object),
        BuiltinType::FrozenSet,
    );
    let methods: &[(&'static str, NativeFn)] = &[
        ("__new__", frozenset_new),
        ("__repr__", repr),
        ("__hash__", hash),
        ("__len__", len),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__or__", or),
        ("__and__", and),
        ("__sub__", sub),
        ("__xor__", xor),
        ("__ror__", ror),
        ("__rand__", rand),
        ("__rsub__", rsub),
        ("__rxor__", rxor),
        ("__reduce__", reduce),
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
    ];
    add_methods(vm, &c, methods);
    let gil = vm.gil();
    vm.types()
        .natives
        .borrow_mut(gil)
        .insert("frozenset", c.clone());
    dict_set_str(vm, g, "frozenset", Value::Class(c));
}

fn recv<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<&'a FrozenSet> {
    match a.first().and_then(fz::as_frozen_any) {
        Some(f) => Ok(f),
        None => {
            let got = a
                .first()
                .map(|v| vm.type_name(v))
                .unwrap_or_else(|| "nothing".into());
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'frozenset' objects doesn't apply to a '{got}' object"
            )))
        }
    }
}

/// `frozenset(iterable=())`.
fn frozenset_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "frozenset", kw)?;
    args::count_positional(vm, "frozenset", a.len(), 0, 1)?;
    match a.first() {
        None => Ok(fz::frozen_value(Builder::new())),
        Some(v) if fz::as_frozen(v).is_some() => Ok(v.clone()),
        Some(v) => {
            let o = Other::from_value(vm, v)?;
            let mut b = Builder::new();
            set_algebra::update_with(vm, &mut b, &o);
            Ok(fz::frozen_value(b))
        }
    }
}

/// `frozenset({1, 2})`, `frozenset()`; a subclass's name for its instances (`F({1})`).
fn repr(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    let f = recv(vm, a, "__repr__")?;
    let name = vm.type_of(&a[0]).name.as_str().to_string();
    let items = f.values();
    if items.is_empty() {
        return Ok(Value::str(format!("{name}()")));
    }
    let mut out = format!("{name}({{");
    vm.enter_native()?;
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match vm.repr(it) {
            Ok(s) => out.push_str(&s),
            Err(e) => {
                vm.leave_native();
                return Err(e);
            }
        }
    }
    vm.leave_native();
    out.push_str("})");
    Ok(Value::str(out))
}

fn hash(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(recv(vm, a, "__hash__")?.hash()))
}

fn len(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(recv(vm, a, "__len__")?.len() as i64))
}

/// `x in f`; a set `x` is looked up as a frozenset (as CPython's `set_contains` does).
fn contains(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let x = args::one(vm, "frozenset.__contains__", &a[1..], kw)?.clone();
    let x = fz::set_as_key(vm.gil(), &x).unwrap_or(x);
    let k = vm.key(x)?;
    Ok(Value::Bool(
        recv(vm, a, "__contains__")?.map().contains_key(&k),
    ))
}

fn iter(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    let items = recv(vm, a, "__iter__")?.values();
    Ok(super::new_iter(IterState::Seq { items, index: 0 }))
}

/// The elements of a set or frozenset operand (a temporary set for a frozenset), or `None`
/// for any other value (the operator returns NotImplemented).
fn operand(vm: &Vm, v: &Value) -> Option<(Arc<Set>, bool)> {
    match strip(v) {
        Value::Set(s) => Some((s.clone(), false)),
        other => fz::as_frozen(other).map(|f| (fz::to_set(vm.gil(), f), true)),
    }
}

/// `a OP b` where `a` is the receiver (`reflected`: `b OP a`).
fn binary(vm: &mut Vm, a: &[Value], op: SetOp, reflected: bool) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.first(), a.get(1)) else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let (Some((xs, _)), Some((ys, y_frozen))) = (operand(vm, x), operand(vm, y)) else {
        return Ok(Value::NotImplemented);
    };
    let (left, right, frozen) = if reflected {
        (ys, xs, y_frozen)
    } else {
        (xs, ys, true)
    };
    let r = set_algebra::binary(vm, op, &left, &right);
    Ok(if frozen { freeze(vm, r) } else { r })
}

/// The frozenset of a new set value (its contents are moved, not copied).
fn freeze(vm: &Vm, v: Value) -> Value {
    match v {
        Value::Set(s) => fz::frozen_value(setorder::take(vm.gil(), &s)),
        other => other,
    }
}

fn or(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    binary(vm, a, SetOp::Or, false)
}
fn and(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    binary(vm, a, SetOp::And, false)
}
fn sub(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    binary(vm, a, SetOp::Sub, false)
}
fn xor(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    binary(vm, a, SetOp::Xor, false)
}
fn ror(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    binary(vm, a, SetOp::Or, true)
}
fn rand(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    binary(vm, a, SetOp::And, true)
}
fn rsub(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    binary(vm, a, SetOp::Sub, true)
}
fn rxor(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    binary(vm, a, SetOp::Xor, true)
}

/// The comparisons: with a set or frozenset only (else NotImplemented).
fn compare(vm: &mut Vm, a: &[Value], op: fn(&Set, &Set, crate::Gil) -> bool) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.first(), a.get(1)) else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let (Some((xs, _)), Some((ys, _))) = (operand(vm, x), operand(vm, y)) else {
        return Ok(Value::NotImplemented);
    };
    Ok(Value::Bool(op(&xs, &ys, vm.gil())))
}

fn subset(x: &Set, y: &Set, gil: crate::Gil) -> bool {
    let (x, y) = (x.borrow(gil), y.borrow(gil));
    x.len() <= y.len() && x.keys().all(|k| y.contains_key(k))
}

fn eq(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    compare(vm, a, |x, y, g| {
        x.borrow(g).len() == y.borrow(g).len() && subset(x, y, g)
    })
}
fn ne(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    compare(vm, a, |x, y, g| {
        !(x.borrow(g).len() == y.borrow(g).len() && subset(x, y, g))
    })
}
fn lt(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    compare(vm, a, |x, y, g| {
        x.borrow(g).len() < y.borrow(g).len() && subset(x, y, g)
    })
}
fn le(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    compare(vm, a, subset)
}
fn gt(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    compare(vm, a, |x, y, g| {
        y.borrow(g).len() < x.borrow(g).len() && subset(y, x, g)
    })
}
fn ge(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    compare(vm, a, |x, y, g| subset(y, x, g))
}

/// `(frozenset, (list,), None)` as CPython's `set_reduce` (the instance dict last, when any).
fn reduce(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    let items = recv(vm, a, "__reduce__")?.values();
    let class = Value::Class(vm.type_of(&a[0]));
    let state = match &a[0] {
        Value::Instance(i) if !i.attrs.borrow(vm.gil()).is_empty() => Value::Dict(i.attrs.clone()),
        _ => Value::None,
    };
    Ok(Value::tuple(vec![
        class,
        Value::tuple(vec![Value::list(items)]),
        state,
    ]))
}

/// `f.copy()`: `f` itself for a frozenset, a frozenset of the same elements for a subclass's.
fn copy(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let f = recv(vm, a, "copy")?;
    args::none(vm, "frozenset.copy", &a[1..], kw)?;
    if fz::as_frozen(&a[0]).is_some() {
        return Ok(a[0].clone());
    }
    Ok(fz::frozen_value(Builder::copy_of(f.builder())))
}

/// Run `set`'s method on a temporary set holding the receiver's elements; freeze a set result.
fn via_set(vm: &mut Vm, a: &[Value], kw: &Kwargs, name: &str, m: NativeFn) -> PyResult<Value> {
    let f = recv(vm, a, name)?;
    let mut v = Vec::with_capacity(a.len());
    v.push(Value::Set(fz::to_set(vm.gil(), f)));
    v.extend_from_slice(&a[1..]);
    let r = m(vm, &v, kw)?;
    Ok(freeze(vm, r))
}

fn union(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    via_set(vm, a, kw, "union", set_methods::union)
}
fn intersection(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    via_set(vm, a, kw, "intersection", set_methods::intersection)
}
fn difference(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    via_set(vm, a, kw, "difference", set_methods::difference)
}
fn symmetric_difference(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    via_set(
        vm,
        a,
        kw,
        "symmetric_difference",
        set_methods::symmetric_difference,
    )
}
fn issubset(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    via_set(vm, a, kw, "issubset", set_methods::issubset)
}
fn issuperset(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    via_set(vm, a, kw, "issuperset", set_methods::issuperset)
}
fn isdisjoint(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    via_set(vm, a, kw, "isdisjoint", set_methods::isdisjoint)
}
