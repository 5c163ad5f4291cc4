//! The set operations (`|`, `&`, `-`, `^`, their methods and in-place forms, `set(x)`,
//! `{*x}`), following CPython's setobject.c step by step so that results are laid out, and
//! so iterate, as CPython's are (see `crate::object::setorder`).

use std::borrow::Cow;
use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::class::strip;
use crate::object::error::PyResult;
use crate::object::frozenset;
use crate::object::gilcell::Gil;
use crate::object::setorder::{self, Builder};
use crate::object::value::{Key, Set, SetMap, Value};

/// The binary set operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetOp {
    Or,
    And,
    Sub,
    Xor,
}

/// An argument of a set operation, in the three shapes CPython distinguishes.
pub enum Other {
    Set(Arc<Set>),
    /// An exact dict: its keys in order.
    Dict(Vec<Key>),
    /// Any other iterable: its hashed items in order.
    Keys(Vec<Key>),
}

impl Other {
    pub fn from_value(vm: &mut Vm, v: &Value) -> PyResult<Other> {
        Ok(match v {
            Value::Set(s) => Other::Set(s.clone()),
            Value::Dict(d) => Other::Dict(d.borrow(vm.gil()).keys().cloned().collect()),
            _ if crate::object::frozenset::as_frozen_any(v).is_some() => {
                let f = crate::object::frozenset::as_frozen_any(v);
                Other::Set(crate::object::frozenset::to_set(
                    vm.gil(),
                    f.expect("checked"),
                ))
            }
            _ => {
                let it = vm.get_iter(v)?;
                let mut keys = Vec::new();
                // Instances equal by their class's `__eq__` fold into one key (key_match.rs).
                let seen =
                    crate::object::gilcell::GilCell::new(crate::object::value::SetMap::default());
                while let Some(x) = vm.next(&it)? {
                    let k = vm.key_in(&seen, x)?;
                    if crate::object::key::has_own_eq(&k.value) {
                        seen.borrow_mut(vm.gil()).insert(k.clone(), ());
                    }
                    keys.push(k);
                }
                Other::Keys(keys)
            }
        })
    }

    fn is(&self, s: &Arc<Set>) -> bool {
        matches!(self, Other::Set(o) if Arc::ptr_eq(o, s))
    }

    /// The keys in the order CPython visits them.
    pub fn keys(&self, vm: &Vm) -> Vec<Key> {
        match self {
            Other::Set(s) => setorder::snapshot(vm.gil(), s).keys(),
            Other::Dict(k) | Other::Keys(k) => k.clone(),
        }
    }
}

/// `set_update_internal(b, other)`.
pub fn update_with(vm: &Vm, b: &mut Builder, other: &Other) {
    match other {
        Other::Set(s) => b.merge(&setorder::snapshot(vm.gil(), s)),
        Other::Dict(keys) => b.update_from_dict(keys.clone()),
        Other::Keys(keys) => {
            for k in keys {
                b.add(k.clone());
            }
        }
    }
}

/// `set(iterable)`.
pub fn new_from(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let o = Other::from_value(vm, v)?;
    let mut b = Builder::new();
    update_with(vm, &mut b, &o);
    Ok(setorder::new_set(vm.gil(), b))
}

/// `s.update(v)` / `{*v}` (SET_UPDATE).
pub fn update_in_place(vm: &mut Vm, s: &Arc<Set>, v: &Value) -> PyResult<()> {
    let o = Other::from_value(vm, v)?;
    if o.is(s) {
        return Ok(());
    }
    let mut b = setorder::take(vm.gil(), s);
    update_with(vm, &mut b, &o);
    setorder::store(vm.gil(), s, b);
    Ok(())
}

/// `set_intersection(so, other)`.
pub fn intersection(vm: &Vm, so: &Builder, so_set: Option<&Arc<Set>>, other: &Other) -> Builder {
    match other {
        Other::Set(o) if so_set.is_some_and(|s| Arc::ptr_eq(s, o)) => Builder::copy_of(so),
        Other::Set(o) => so.intersection(&setorder::snapshot(vm.gil(), o)),
        Other::Dict(keys) | Other::Keys(keys) => so.intersection_keys(keys.clone()),
    }
}

/// `set_difference(so, other)`.
pub fn difference(vm: &Vm, so: &Builder, other: &Other) -> Builder {
    match other {
        Other::Set(o) => so.difference(&setorder::snapshot(vm.gil(), o)),
        Other::Dict(keys) => {
            let mut d = Builder::from_parts(Default::default(), None);
            for k in keys {
                d.add(k.clone());
            }
            so.difference(&d)
        }
        Other::Keys(keys) => {
            let mut r = Builder::copy_of(so);
            r.difference_update_keys(keys.clone());
            r
        }
    }
}

/// `set_difference_update_internal(b, other)` where `b` is the contents of `s`.
pub fn difference_update(vm: &Vm, b: &mut Builder, s: &Arc<Set>, other: &Other) {
    if other.is(s) {
        b.clear();
        return;
    }
    b.difference_update_keys(other.keys(vm));
}

/// `set_symmetric_difference_update(b, other)` where `b` is the contents of `s`.
pub fn symmetric_difference_update(vm: &Vm, b: &mut Builder, s: &Arc<Set>, other: &Other) {
    match other {
        _ if other.is(s) => b.clear(),
        Other::Keys(keys) => {
            // The iterable becomes a set first; its table order is what is visited.
            let mut o = Builder::new();
            for k in keys {
                o.add(k.clone());
            }
            b.symmetric_difference_update_keys(o.keys());
        }
        _ => b.symmetric_difference_update_keys(other.keys(vm)),
    }
}

/// `set_symmetric_difference(so, other)`: a new set from `other`, updated with `so`.
pub fn symmetric_difference(vm: &Vm, so: &Arc<Set>, other: &Other) -> Builder {
    let mut b = Builder::new();
    update_with(vm, &mut b, other);
    b.symmetric_difference_update_keys(setorder::snapshot(vm.gil(), so).keys());
    b
}

/// `a OP b` for two sets.
pub fn binary(vm: &mut Vm, op: SetOp, a: &Arc<Set>, b: &Arc<Set>) -> Value {
    let gil = vm.gil();
    let (x, y) = (setorder::snapshot(gil, a), setorder::snapshot(gil, b));
    setorder::new_set(gil, combine(op, &x, &y, Arc::ptr_eq(a, b)))
}

/// `a OP b` over the contents of two sets or frozensets (`same`: they are one object), as
/// CPython's `set_or`, `set_and`, `set_sub` and `set_xor` lay out the result; only the result
/// is built.
pub fn combine(op: SetOp, a: &Builder, b: &Builder, same: bool) -> Builder {
    match op {
        SetOp::Or => {
            let mut r = Builder::copy_of(a);
            if !same {
                r.merge(b);
            }
            r
        }
        SetOp::And if same => Builder::copy_of(a),
        SetOp::And => a.intersection(b),
        SetOp::Sub => a.difference(b),
        SetOp::Xor => {
            let mut r = Builder::copy_of(b);
            a.each_key(|k| {
                if !r.discard(k) {
                    r.add(k.clone());
                }
            });
            r
        }
    }
}

/// The contents of a set or frozenset operand (or of an instance of a subclass of either):
/// borrowed from a frozenset, a snapshot of a set; `None` for any other value.
pub fn contents<'a>(gil: Gil, v: &'a Value) -> Option<Cow<'a, Builder>> {
    match strip(v) {
        Value::Set(s) => Some(Cow::Owned(setorder::snapshot(gil, s))),
        other => frozenset::as_frozen(other).map(|f| Cow::Borrowed(f.builder())),
    }
}

/// The address of a set's or frozenset's contents (to tell `a OP a`).
pub fn identity(v: &Value) -> *const () {
    match strip(v) {
        Value::Set(s) => Arc::as_ptr(s) as *const (),
        other => {
            frozenset::as_frozen(other).map_or(std::ptr::null(), |f| f as *const _ as *const ())
        }
    }
}

/// Run `f` on the map of a set or frozenset (or of an instance of a subclass of either) in
/// place, copying nothing; `None` for any other value.
pub fn with_map<R>(gil: Gil, v: &Value, f: impl FnOnce(&SetMap) -> R) -> Option<R> {
    match strip(v) {
        Value::Set(s) => Some(f(&s.borrow(gil))),
        other => frozenset::as_frozen(other).map(|fz| f(fz.map())),
    }
}

/// Whether every key of `x` is in `y`.
pub fn is_subset(x: &SetMap, y: &SetMap) -> bool {
    x.len() <= y.len() && x.keys().all(|k| y.contains_key(k))
}

/// Whether `x` and `y` share no key (the smaller one is iterated, as CPython's
/// `set_isdisjoint`).
pub fn is_disjoint(x: &SetMap, y: &SetMap) -> bool {
    let (small, big) = if x.len() > y.len() { (y, x) } else { (x, y) };
    !small.keys().any(|k| big.contains_key(k))
}

/// `s.issubset(o)` & co. for a set or frozenset receiver `s`: `f(s, o)` on the two maps in
/// place when `o` is a set or frozenset, else on a set built from the iterable `o`.
pub fn relation(
    vm: &mut Vm,
    s: &Value,
    o: &Value,
    f: impl Fn(&SetMap, &SetMap) -> bool,
) -> PyResult<bool> {
    let gil = vm.gil();
    if let Some(Some(r)) = with_map(gil, s, |m| with_map(gil, o, |om| f(m, om))) {
        return Ok(r);
    }
    let mut om = SetMap::default();
    let it = vm.get_iter(o)?;
    while let Some(x) = vm.next(&it)? {
        let k = vm.key(x)?;
        om.insert(k, ());
    }
    Ok(with_map(vm.gil(), s, |m| f(m, &om)).unwrap_or(false))
}

/// `a OP= b` for two sets (`a` is updated in place).
pub fn inplace(vm: &mut Vm, op: SetOp, a: &Arc<Set>, b: &Arc<Set>) {
    let gil = vm.gil();
    let other = Other::Set(b.clone());
    match op {
        SetOp::And => {
            let r = intersection(vm, &setorder::snapshot(gil, a), Some(a), &other);
            setorder::store(gil, a, r);
        }
        SetOp::Or if Arc::ptr_eq(a, b) => {}
        _ => {
            let mut r = setorder::take(gil, a);
            match op {
                SetOp::Or => update_with(vm, &mut r, &other),
                SetOp::Sub => difference_update(vm, &mut r, a, &other),
                _ => symmetric_difference_update(vm, &mut r, a, &other),
            }
            setorder::store(gil, a, r);
        }
    }
}

/// A display of constants (`{1, 2, 3}`, BuildSetConst): CPython's compiler builds a frozenset
/// of the items, rebuilds it from its own iteration order when it merges constants, and
/// SET_UPDATE merges that into a new empty set.
pub fn build_const(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let mut folded = Builder::new();
    for v in items {
        folded.add(vm.key(v)?);
    }
    let mut merged = Builder::new();
    for k in folded.keys() {
        merged.add(k);
    }
    let mut b = Builder::new();
    b.merge(&merged);
    Ok(setorder::new_set(vm.gil(), b))
}
