//! Iteration built-ins: iter, next, reversed, enumerate, zip, map, filter, sorted.

use super::{dict_set_str, native, new_iter, range_len, to_index};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs, Params};
use crate::object::error::PyResult;
use crate::object::value::{Dict, IterState, Value};

pub fn install(vm: &mut Vm, g: &Dict) {
    let fns: &[(&'static str, crate::object::value::NativeFn)] = &[
        ("iter", iter),
        ("next", next),
        ("aiter", crate::interp::async_gen::builtin_aiter),
        ("anext", crate::interp::async_gen::builtin_anext),
        ("reversed", reversed),
        ("enumerate", enumerate),
        ("zip", zip),
        ("map", map),
        ("filter", filter),
        ("sorted", sorted),
    ];
    for &(name, f) in fns {
        dict_set_str(vm, g, name, native(name, f));
    }
    // The built-in iterators' own protocol methods (`it.__next__()`, `type(it).__iter__`).
    let iterator = vm.types().iterator.clone();
    super::add_methods(
        vm,
        &iterator,
        &[("__iter__", iterator_iter), ("__next__", iterator_next)],
    );
}

fn iterator_iter(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "__iter__", a, kw, 1, 1)?;
    Ok(a[0].clone())
}

fn iterator_next(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "__next__", a, kw, 1, 1)?;
    match vm.next(&a[0])? {
        Some(v) => Ok(v),
        None => Err(stop_iteration(vm)),
    }
}

fn iter(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "iter", a, kw, 1, 2)?;
    if a.len() == 2 {
        if !is_callable(&a[0]) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(new_iter(IterState::Callable {
            func: a[0].clone(),
            sentinel: a[1].clone(),
        }));
    }
    vm.get_iter(&a[0])
}

fn is_callable(v: &Value) -> bool {
    matches!(
        v,
        Value::Function(_)
            | Value::Builtin(_)
            | Value::BoundMethod(_)
            | Value::Class(_)
            | Value::Instance(_)
            | Value::Native(_)
    )
}

/// The StopIteration exception `next()` raises when there is no default.
pub fn stop_iteration(vm: &Vm) -> crate::object::error::PyErr {
    let class = vm.types().stop_iteration.clone();
    vm.new_error_args(&class, Vec::new())
}

fn next(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "next", a, kw, 1, 2)?;
    let it = &a[0];
    let ok = match it {
        Value::Iter(_) => true,
        Value::Instance(_) | Value::Native(_) => {
            let class = vm.type_of(it);
            super::funcs::class_has(vm, &class, "__next__")
        }
        _ => false,
    };
    if !ok {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    if let Some(g) = crate::interp::generator::as_generator(it) {
        if !g.is_finished(vm) {
            return match vm.gen_send(g, Value::None)? {
                crate::interp::generator::GenStep::Yielded(v) => Ok(v),
                crate::interp::generator::GenStep::Returned(r) => match a.get(1) {
                    Some(default) => Ok(default.clone()),
                    None => Err(vm.stop_iteration(r)),
                },
            };
        }
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(stop_iteration(vm)),
        },
    }
}

fn seq_iter(items: Vec<Value>) -> Value {
    new_iter(IterState::Seq { items, index: 0 })
}

/// `reversed(seq)`: lists, tuples, strs and dicts iterate over a reversed snapshot (CPython's
/// list reverse iterator is live); ranges reverse lazily; user classes use `__reversed__` or
/// `__len__` + `__getitem__`.
fn reversed(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "reversed", a, kw, 1, 1)?;
    let v = &a[0];
    let gil = vm.gil();
    Ok(match v {
        Value::List(l) => crate::object::class::native(crate::protocol::iter::ListRevIter {
            list: l.clone(),
            index: crate::object::gilcell::GilCell::new(l.borrow(gil).len().checked_sub(1)),
        }),
        Value::Tuple(t) => seq_iter(t.items.iter().rev().cloned().collect()),
        Value::Str(s) => seq_iter(
            s.as_str()
                .chars()
                .rev()
                .map(|c| Value::str(c.to_string()))
                .collect(),
        ),
        Value::Bytes(b) => seq_iter(b.data.iter().rev().map(|&x| Value::Int(x as i64)).collect()),
        Value::Dict(d) => crate::protocol::iter::DictIter::over_dict_rev(
            d,
            super::dict_methods::ViewKind::Keys,
            gil,
        ),
        Value::Range(r) => {
            let n = range_len(r.start, r.stop, r.step);
            if n == 0 {
                new_iter(IterState::Range {
                    next: 0,
                    stop: 0,
                    step: 1,
                })
            } else {
                let last = r.start as i128 + (n as i128 - 1) * r.step as i128;
                let stop =
                    (r.start as i128 - r.step as i128).clamp(i64::MIN as i128, i64::MAX as i128);
                new_iter(IterState::Range {
                    next: last as i64,
                    stop: stop as i64,
                    step: -r.step,
                })
            }
        }
        Value::Instance(_) | Value::Native(_) => {
            let class = vm.type_of(v);
            if super::funcs::class_has(vm, &class, "__reversed__") {
                let m = vm.get_attr(v, "__reversed__")?;
                return vm.call(&m, &[]);
            }
            if super::funcs::class_has(vm, &class, "__len__")
                && super::funcs::class_has(vm, &class, "__getitem__")
            {
                let n = vm.len(v)?;
                let mut items = Vec::with_capacity(n);
                for i in (0..n).rev() {
                    items.push(vm.get_item(v, &Value::Int(i as i64))?);
                }
                return Ok(seq_iter(items));
            }
            return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(v))));
        }
        _ => return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(v)))),
    })
}

fn enumerate(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "enumerate",
        names: &["iterable", "start"],
        positional: 2,
        positional_only: 0,
        required: 0,
    };
    let s = P.bind(vm, a, kw)?;
    let Some(iterable) = &s[0] else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let start = match &s[1] {
        Some(v) => to_index(vm, v)?,
        None => 0,
    };
    let inner = vm.get_iter(iterable)?;
    Ok(new_iter(IterState::Enumerate {
        inner,
        count: start,
    }))
}

/// `zip(*iterables)`. `strict=` is accepted but not checked (see LIMITATIONS).
fn zip(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::kwonly(vm, "zip", kw, &["strict"])?;
    let mut inners = Vec::with_capacity(a.len());
    for v in a {
        inners.push(vm.get_iter(v)?);
    }
    Ok(new_iter(IterState::Zip { inners }))
}

fn map(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "map", kw)?;
    if a.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut inners = Vec::with_capacity(a.len() - 1);
    for v in &a[1..] {
        inners.push(vm.get_iter(v)?);
    }
    Ok(new_iter(IterState::Map {
        func: a[0].clone(),
        inners,
    }))
}

fn filter(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "filter", a, kw, 2, 2)?;
    let inner = vm.get_iter(&a[1])?;
    Ok(new_iter(IterState::Filter {
        func: a[0].clone(),
        inner,
    }))
}

/// Read `key=` and `reverse=` for sorted() / list.sort().
pub fn sort_options(vm: &mut Vm, kw: &Kwargs) -> PyResult<(Option<Value>, bool)> {
    let opts = args::kwonly(vm, "sort", kw, &["key", "reverse"])?;
    let key = opts[0].clone().filter(|k| !k.is_none());
    let reverse = match &opts[1] {
        Some(v) => match v {
            Value::Bool(b) => *b,
            Value::Int(n) => *n != 0,
            other => {
                let n = to_index(vm, other)?;
                n != 0
            }
        },
        None => false,
    };
    Ok((key, reverse))
}

fn sorted(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count_positional(vm, "sorted", a.len(), 1, 1)?;
    let (key, reverse) = sort_options(vm, kw)?;
    let mut items = vm.collect(&a[0])?;
    super::sort::sort_values(vm, &mut items, key.as_ref(), reverse)?;
    Ok(Value::list(items))
}
