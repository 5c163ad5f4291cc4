//! Methods of `dict`, and the live views `dict_keys`, `dict_values`, `dict_items`.

use std::sync::Arc;

use super::{add_methods, dict_set_str, native};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs};
use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::value::{BuiltinType, Dict, DictMap, NativeObject, SetMap, Value};

pub fn install(vm: &mut Vm) {
    let class = vm.types().dict.clone();
    add_methods(
        vm,
        &class,
        &[
            ("get", get),
            ("keys", keys),
            ("values", values),
            ("items", items),
            ("pop", pop),
            ("popitem", popitem),
            ("setdefault", setdefault),
            ("update", update),
            ("clear", clear),
            ("copy", copy),
        ],
    );
    let fk = crate::object::class::native(crate::object::class::StaticMethod(native(
        "fromkeys", fromkeys,
    )));
    dict_set_str(vm, &class.dict, "fromkeys", fk);

    let object = vm.types().object.clone();
    let view_methods: &[(&'static str, crate::object::value::NativeFn)] = &[
        ("__repr__", view_repr),
        ("__len__", view_len),
        ("__iter__", view_iter),
        ("__contains__", view_contains),
        ("__reversed__", view_reversed),
        ("__eq__", view_eq),
        ("__and__", view_and),
        ("__or__", view_or),
        ("__sub__", view_sub),
        ("__xor__", view_xor),
        ("__rand__", view_rand),
        ("__ror__", view_ror),
        ("__rsub__", view_rsub),
        ("__rxor__", view_rxor),
        ("__le__", view_le),
        ("__lt__", view_lt),
        ("__ge__", view_ge),
        ("__gt__", view_gt),
        ("isdisjoint", view_isdisjoint),
    ];
    for name in ["dict_keys", "dict_values", "dict_items"] {
        let c = super::file::new_class(name, "builtins", Some(&object), BuiltinType::Native);
        // Values views are not set-like: only the first six (up to `__eq__`).
        let methods = if name == "dict_values" {
            &view_methods[..6]
        } else {
            view_methods
        };
        add_methods(vm, &c, methods);
        let gil = vm.gil();
        vm.types().natives.borrow_mut(gil).insert(name, c);
    }
}

fn recv<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<&'a Arc<Dict>> {
    match a.first().map(crate::object::class::strip) {
        Some(Value::Dict(d)) => Ok(d),
        other => {
            let got = other
                .map(|v| vm.type_name(v))
                .unwrap_or_else(|| "nothing".into());
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'dict' objects doesn't apply to a '{got}' object"
            )))
        }
    }
}

fn get(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(vm, a, "get")?;
    args::count(vm, "get", &a[1..], kw, 1, 2)?;
    let k = vm.key_in(d, a[1].clone())?;
    let found = d.borrow(vm.gil()).get(&k).cloned();
    Ok(found.unwrap_or_else(|| a.get(2).cloned().unwrap_or_default()))
}

pub use crate::protocol::iter::ViewKind;

/// A live view of a dict (`d.keys()`): later changes to the dict show through.
#[derive(Debug)]
pub struct DictView {
    pub dict: Arc<Dict>,
    pub kind: ViewKind,
}

impl NativeObject for DictView {
    fn type_name(&self) -> &'static str {
        match self.kind {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn view(vm: &mut Vm, a: &[Value], kw: &Kwargs, name: &str, kind: ViewKind) -> PyResult<Value> {
    let d = recv(vm, a, name)?;
    args::none(vm, &format!("dict.{name}"), &a[1..], kw)?;
    Ok(crate::object::class::native(DictView {
        dict: d.clone(),
        kind,
    }))
}

fn keys(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    view(vm, a, kw, "keys", ViewKind::Keys)
}
fn values(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    view(vm, a, kw, "values", ViewKind::Values)
}
fn items(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    view(vm, a, kw, "items", ViewKind::Items)
}

fn pop(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(vm, a, "pop")?;
    args::count(vm, "pop", &a[1..], kw, 1, 2)?;
    let k = vm.key_in(d, a[1].clone())?;
    let removed = d.borrow_mut(vm.gil()).shift_remove(&k);
    match (removed, a.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(vm.key_error(a[1].clone())),
    }
}

fn popitem(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(vm, a, "popitem")?;
    args::none(vm, "dict.popitem", &a[1..], kw)?;
    let last = d.borrow_mut(vm.gil()).pop();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k.value, v])),
        None => Err(vm.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn setdefault(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(vm, a, "setdefault")?;
    args::count(vm, "setdefault", &a[1..], kw, 1, 2)?;
    let k = vm.key_in(d, a[1].clone())?;
    let default = a.get(2).cloned().unwrap_or_default();
    let mut m = d.borrow_mut(vm.gil());
    Ok(m.entry(k).or_insert(default).clone())
}

/// `d.update(arg, **kwargs)` (also `dict(arg, **kwargs)`): a dict, an object with `keys()`,
/// or an iterable of pairs.
pub fn dict_update(vm: &mut Vm, d: &Arc<Dict>, arg: Option<&Value>, kw: &Kwargs) -> PyResult<()> {
    let gil = vm.gil();
    match arg {
        None => {}
        Some(Value::Dict(src)) => {
            let pairs: Vec<_> = src
                .borrow(gil)
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut m = d.borrow_mut(gil);
            for (k, v) in pairs {
                m.insert(k, v);
            }
        }
        Some(src) => {
            let has_keys = match src {
                Value::Instance(_) | Value::Native(_) => vm.get_attr_opt(src, "keys")?,
                _ => None,
            };
            if let Some(keys_fn) = has_keys {
                let ks = vm.call(&keys_fn, &[])?;
                for k in vm.collect(&ks)? {
                    let v = vm.get_item(src, &k)?;
                    let key = vm.key_in(d, k)?;
                    d.borrow_mut(gil).insert(key, v);
                }
            } else {
                let it = vm.get_iter(src)?;
                let mut i = 0;
                while let Some(item) = vm.next(&it)? {
                    let pair = match &item {
                        Value::Tuple(t) => t.items.to_vec(),
                        Value::List(l) => l.borrow(gil).clone(),
                        other if vm.is_iterable(other) => vm.collect(other)?,
                        _ => {
                            return Err(vm.type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        )))
                        }
                    };
                    if pair.len() != 2 {
                        return Err(vm.value_error(format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            pair.len()
                        )));
                    }
                    let mut pair = pair.into_iter();
                    let (k, v) = (
                        pair.next().unwrap_or_default(),
                        pair.next().unwrap_or_default(),
                    );
                    let key = vm.key_in(d, k)?;
                    d.borrow_mut(gil).insert(key, v);
                    i += 1;
                }
            }
        }
    }
    for (k, v) in kw {
        let key = vm.key(Value::Str(k.clone()))?;
        d.borrow_mut(gil).insert(key, v.clone());
    }
    Ok(())
}

fn update(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(vm, a, "update")?;
    args::count_positional(vm, "update", a.len() - 1, 0, 1)?;
    dict_update(vm, d, a.get(1), kw)?;
    Ok(Value::None)
}

fn clear(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(vm, a, "clear")?;
    args::none(vm, "dict.clear", &a[1..], kw)?;
    let old = std::mem::take(&mut *d.borrow_mut(vm.gil()));
    drop(old);
    Ok(Value::None)
}

fn copy(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(vm, a, "copy")?;
    args::none(vm, "dict.copy", &a[1..], kw)?;
    let m = d.borrow(vm.gil()).clone();
    Ok(Value::Dict(Arc::new(GilCell::new(m))))
}

/// `dict.fromkeys(iterable, value=None)` (a static method here; CPython's is a classmethod).
fn fromkeys(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "fromkeys", a, kw, 1, 2)?;
    let value = a.get(1).cloned().unwrap_or_default();
    let m = GilCell::new(DictMap::default());
    let it = vm.get_iter(&a[0])?;
    while let Some(k) = vm.next(&it)? {
        let key = vm.key_in(&m, k)?;
        m.borrow_mut(vm.gil()).insert(key, value.clone());
    }
    Ok(Value::Dict(Arc::new(m)))
}

// ---- views ----

fn this_view<'a>(vm: &Vm, a: &'a [Value]) -> PyResult<&'a DictView> {
    match a.first() {
        Some(Value::Native(n)) => match n.as_any().downcast_ref::<DictView>() {
            Some(v) => Ok(v),
            None => Err(vm.type_error("expected a dict view")),
        },
        _ => Err(vm.type_error("expected a dict view")),
    }
}

/// The view's current contents as values (keys, values or (key, value) tuples).
pub fn view_items(vm: &Vm, v: &DictView) -> Vec<Value> {
    let m = v.dict.borrow(vm.gil());
    match v.kind {
        ViewKind::Keys => m.keys().map(|k| k.value.clone()).collect(),
        ViewKind::Values => m.values().cloned().collect(),
        ViewKind::Items => m
            .iter()
            .map(|(k, v)| Value::tuple(vec![k.value.clone(), v.clone()]))
            .collect(),
    }
}

fn view_repr(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let v = this_view(vm, a)?;
    // A view inside its own dict (`d[k] = d.values()`) prints as `...`, as CPython.
    let id = crate::protocol::repr::object_id(&a[0]);
    if vm.repr_guard.contains(&id) {
        return Ok(Value::str("..."));
    }
    let items = view_items(vm, v);
    let name = v.type_name();
    vm.repr_guard.push(id);
    let inner = vm.repr(&Value::list(items));
    vm.repr_guard.pop();
    Ok(Value::str(format!("{name}({})", inner?)))
}

fn view_len(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let v = this_view(vm, a)?;
    let n = v.dict.borrow(vm.gil()).len();
    Ok(Value::Int(n as i64))
}

/// A live iterator over the dict (RuntimeError if the dict changes size meanwhile).
fn view_iter(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let v = this_view(vm, a)?;
    Ok(crate::protocol::iter::DictIter::over_dict(
        &v.dict,
        v.kind,
        vm.gil(),
    ))
}

fn view_reversed(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let v = this_view(vm, a)?;
    Ok(crate::protocol::iter::DictIter::over_dict_rev(
        &v.dict,
        v.kind,
        vm.gil(),
    ))
}

fn view_contains(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let v = this_view(vm, a)?;
    let x = a.get(1).cloned().unwrap_or_default();
    let gil = vm.gil();
    match v.kind {
        ViewKind::Keys => {
            let k = vm.key_in(&v.dict, x)?;
            Ok(Value::Bool(v.dict.borrow(gil).contains_key(&k)))
        }
        ViewKind::Items => {
            let Value::Tuple(t) = &x else {
                return Ok(Value::Bool(false));
            };
            if t.items.len() != 2 {
                return Ok(Value::Bool(false));
            }
            let k = vm.key(t.items[0].clone())?;
            let found = v.dict.borrow(gil).get(&k).cloned();
            match found {
                Some(val) => Ok(Value::Bool(
                    val.is(&t.items[1]) || vm.eq(&val, &t.items[1])?,
                )),
                None => Ok(Value::Bool(false)),
            }
        }
        ViewKind::Values => {
            let items = view_items(vm, v);
            for item in items {
                if item.is(&x) || vm.eq(&item, &x)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
    }
}

/// Keys and items views compare (and combine) like sets; values views only by identity.
fn view_as_set(vm: &mut Vm, v: &Value) -> PyResult<Option<SetMap>> {
    match v {
        Value::Native(n) => match n.as_any().downcast_ref::<DictView>() {
            Some(view) if view.kind != ViewKind::Values => {
                let items = view_items(vm, view);
                let mut m = SetMap::default();
                for item in items {
                    let k = vm.key(item)?;
                    m.insert(k, ());
                }
                Ok(Some(m))
            }
            _ => Ok(None),
        },
        Value::Set(s) => Ok(Some(s.borrow(vm.gil()).clone())),
        Value::Dict(d) => Ok(Some(
            d.borrow(vm.gil()).keys().map(|k| (k.clone(), ())).collect(),
        )),
        Value::List(_) | Value::Tuple(_) => Ok(Some(super::convert::set_from_iterable(vm, v)?)),
        _ => Ok(None),
    }
}

/// The receiver and one argument of a binary view method.
fn two_args(vm: &Vm, a: &[Value]) -> PyResult<()> {
    if a.len() != 2 {
        return Err(vm.type_error(format!(
            "expected 1 argument, got {}",
            a.len().saturating_sub(1)
        )));
    }
    Ok(())
}

fn view_eq(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    two_args(vm, a)?;
    let other = a.get(1).cloned().unwrap_or_default();
    if a[0].is(&other) {
        return Ok(Value::Bool(true));
    }
    let other_is_view =
        matches!(&other, Value::Native(n) if n.as_any().downcast_ref::<DictView>().is_some());
    if !other_is_view && !matches!(other, Value::Set(_)) {
        return Ok(Value::NotImplemented);
    }
    match (view_as_set(vm, &a[0])?, view_as_set(vm, &other)?) {
        (Some(x), Some(y)) => Ok(Value::Bool(
            x.len() == y.len() && x.keys().all(|k| y.contains_key(k)),
        )),
        _ => Ok(Value::Bool(false)),
    }
}

fn set_op(vm: &mut Vm, a: &[Value], op: fn(&SetMap, &SetMap) -> SetMap) -> PyResult<Value> {
    two_args(vm, a)?;
    let other = a.get(1).cloned().unwrap_or_default();
    match (view_as_set(vm, &a[0])?, view_as_set(vm, &other)?) {
        (Some(x), Some(y)) => Ok(Value::Set(Arc::new(GilCell::new(op(&x, &y))))),
        _ => Ok(Value::NotImplemented),
    }
}

fn view_and(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    set_op(vm, a, |x, y| {
        x.keys()
            .filter(|k| y.contains_key(*k))
            .map(|k| (k.clone(), ()))
            .collect()
    })
}
fn view_or(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    set_op(vm, a, |x, y| {
        x.keys().chain(y.keys()).map(|k| (k.clone(), ())).collect()
    })
}
fn view_sub(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    set_op(vm, a, |x, y| {
        x.keys()
            .filter(|k| !y.contains_key(*k))
            .map(|k| (k.clone(), ()))
            .collect()
    })
}
fn view_xor(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    set_op(vm, a, |x, y| {
        x.keys()
            .filter(|k| !y.contains_key(*k))
            .chain(y.keys().filter(|k| !x.contains_key(*k)))
            .map(|k| (k.clone(), ()))
            .collect()
    })
}

/// `<=`, `<`, `>=`, `>` of keys/items views: subset tests, as for sets.
fn view_cmp(vm: &mut Vm, a: &[Value], test: fn(&SetMap, &SetMap) -> bool) -> PyResult<Value> {
    two_args(vm, a)?;
    let other = a.get(1).cloned().unwrap_or_default();
    if !matches!(&other, Value::Set(_))
        && !matches!(&other, Value::Native(n) if n.as_any().downcast_ref::<DictView>().is_some())
    {
        return Ok(Value::NotImplemented);
    }
    match (view_as_set(vm, &a[0])?, view_as_set(vm, &other)?) {
        (Some(x), Some(y)) => Ok(Value::Bool(test(&x, &y))),
        _ => Ok(Value::NotImplemented),
    }
}
fn subset(x: &SetMap, y: &SetMap) -> bool {
    x.len() <= y.len() && x.keys().all(|k| y.contains_key(k))
}
fn view_le(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    view_cmp(vm, a, subset)
}
fn view_lt(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    view_cmp(vm, a, |x, y| x.len() < y.len() && subset(x, y))
}
fn view_ge(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    view_cmp(vm, a, |x, y| subset(y, x))
}
fn view_gt(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    view_cmp(vm, a, |x, y| y.len() < x.len() && subset(y, x))
}
fn view_isdisjoint(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let this = this_view(vm, a)?;
    let other = a.get(1).cloned().unwrap_or_default();
    let mine = view_items(vm, this);
    let theirs = vm.collect(&other)?;
    for item in theirs {
        for m in &mine {
            if item.is(m) || vm.eq(&item, m)? {
                return Ok(Value::Bool(false));
            }
        }
    }
    Ok(Value::Bool(true))
}

/// The reflected operators (`{1} & d.keys()`): the same with the operands swapped.
fn swapped(a: &[Value]) -> [Value; 2] {
    [
        a.get(1).cloned().unwrap_or_default(),
        a.first().cloned().unwrap_or_default(),
    ]
}
fn view_rand(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    view_and(vm, &swapped(a), kw)
}
fn view_ror(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    view_or(vm, &swapped(a), kw)
}
fn view_rsub(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    view_sub(vm, &swapped(a), kw)
}
fn view_rxor(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    view_xor(vm, &swapped(a), kw)
}
