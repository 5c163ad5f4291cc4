//! The `frozenset` class: its constructor, dunders and methods over
//! [`crate::object::frozenset::FrozenSet`]. Operators, comparisons and the subset/disjoint
//! tests read both operands' contents in place (`set_algebra::combine`, `with_map`); union,
//! intersection, difference and symmetric_difference run `set`'s methods on a temporary set and
//! freeze the result. Results are laid out and iterate as CPython's; a binary operator's result
//! has the type of its left operand (`frozenset | set` is a frozenset, `set | frozenset` a set).

use super::{add_methods, dict_set_str, set_methods};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs};
use crate::object::error::PyResult;
use crate::object::frozenset::{self as fz, FrozenSet};
use crate::object::set_algebra::{self, Other, SetOp};
use crate::object::setorder::{self, Builder};
use crate::object::value::{BuiltinType, IterState, NativeFn, SetMap, Value};

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

/// `a OP b` where `a` is the receiver (`reflected`: `b OP a`); a frozenset's contents are
/// read in place and only the result is built.
fn binary(vm: &mut Vm, a: &[Value], op: SetOp, reflected: bool) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.first(), a.get(1)) else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let gil = vm.gil();
    let (Some(xs), Some(ys)) = (set_algebra::contents(gil, x), set_algebra::contents(gil, y))
    else {
        return Ok(Value::NotImplemented);
    };
    let same = set_algebra::identity(x) == set_algebra::identity(y);
    let (left, right, frozen) = if reflected {
        (ys, xs, fz::as_frozen_any(y).is_some())
    } else {
        (xs, ys, true)
    };
    let r = set_algebra::combine(op, &left, &right, same);
    Ok(if frozen {
        fz::frozen_value(r)
    } else {
        setorder::new_set(gil, r)
    })
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

/// The comparisons: with a set or frozenset only (else NotImplemented), on the two maps in
/// place.
fn compare(vm: &mut Vm, a: &[Value], op: fn(&SetMap, &SetMap) -> bool) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.first(), a.get(1)) else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let gil = vm.gil();
    match set_algebra::with_map(gil, x, |xm| set_algebra::with_map(gil, y, |ym| op(xm, ym))) {
        Some(Some(r)) => Ok(Value::Bool(r)),
        _ => Ok(Value::NotImplemented),
    }
}

use set_algebra::is_subset as subset;

fn eq(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    compare(vm, a, |x, y| x.len() == y.len() && subset(x, y))
}
fn ne(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    compare(vm, a, |x, y| !(x.len() == y.len() && subset(x, y)))
}
fn lt(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    compare(vm, a, |x, y| x.len() < y.len() && subset(x, y))
}
fn le(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    compare(vm, a, subset)
}
fn gt(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    compare(vm, a, |x, y| y.len() < x.len() && subset(y, x))
}
fn ge(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    compare(vm, a, |x, y| subset(y, x))
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
/// `f.issubset(o)` & co.: in place for a set or frozenset `o` (see `set_algebra::relation`).
fn relation(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    f: fn(&SetMap, &SetMap) -> bool,
) -> PyResult<Value> {
    recv(vm, a, name)?;
    let o = args::one(vm, &format!("frozenset.{name}"), &a[1..], kw)?;
    Ok(Value::Bool(set_algebra::relation(vm, &a[0], o, f)?))
}

fn issubset(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    relation(vm, a, kw, "issubset", subset)
}
fn issuperset(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    relation(vm, a, kw, "issuperset", |x, y| subset(y, x))
}
fn isdisjoint(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    relation(vm, a, kw, "isdisjoint", set_algebra::is_disjoint)
}
