//! Methods of `list`. Borrows of the list are never held across calls back into Python
//! (`__eq__`, key functions), which may mutate the list.

use std::sync::Arc;

use super::{add_methods, to_index};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs};
use crate::object::error::PyResult;
use crate::object::value::{List, Value};

pub fn install(vm: &mut Vm) {
    let class = vm.types().list.clone();
    add_methods(
        vm,
        &class,
        &[
            ("append", append),
            ("extend", extend),
            ("insert", insert),
            ("pop", pop),
            ("remove", remove),
            ("index", index),
            ("count", count),
            ("sort", sort),
            ("reverse", reverse),
            ("copy", copy),
            ("clear", clear),
        ],
    );
}

fn recv<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<&'a Arc<List>> {
    match a.first().map(crate::object::class::strip) {
        Some(Value::List(l)) => Ok(l),
        other => {
            let got = other
                .map(|v| vm.type_name(v))
                .unwrap_or_else(|| "nothing".into());
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'list' objects doesn't apply to a '{got}' object"
            )))
        }
    }
}

fn append(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let l = recv(vm, a, "append")?;
    let v = args::one(vm, "list.append", &a[1..], kw)?;
    l.borrow_mut(vm.gil()).push(v.clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let l = recv(vm, a, "extend")?;
    let v = args::one(vm, "list.extend", &a[1..], kw)?;
    let gil = vm.gil();
    let items = match v {
        Value::List(other) => other.borrow(gil).clone(),
        Value::Tuple(t) => t.items.to_vec(),
        other => vm.collect(other)?,
    };
    let n = l.borrow(gil).len().saturating_add(items.len());
    vm.check_alloc(n, std::mem::size_of::<Value>())?;
    l.borrow_mut(gil).extend(items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let l = recv(vm, a, "insert")?;
    args::count(vm, "insert", &a[1..], kw, 2, 2)?;
    let i = to_index(vm, &a[1])?;
    let mut items = l.borrow_mut(vm.gil());
    let n = items.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(i as usize, a[2].clone());
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let l = recv(vm, a, "pop")?;
    args::count(vm, "pop", &a[1..], kw, 0, 1)?;
    let i = match a.get(1) {
        Some(v) => to_index(vm, v)?,
        None => -1,
    };
    let mut items = l.borrow_mut(vm.gil());
    if items.is_empty() {
        drop(items);
        return Err(vm.index_error("pop from empty list"));
    }
    let n = items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) {
        drop(items);
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(items.remove(j as usize))
}

/// Python equality with CPython's identity shortcut (`x is y` implies equal in containers).
fn same(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    vm.eq(a, b)
}

fn item_at(vm: &Vm, l: &List, i: usize) -> Option<Value> {
    l.borrow(vm.gil()).get(i).cloned()
}

fn remove(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let l = recv(vm, a, "remove")?;
    let x = args::one(vm, "list.remove", &a[1..], kw)?;
    let mut i = 0;
    while let Some(item) = item_at(vm, l, i) {
        if same(vm, &item, x)? {
            let mut items = l.borrow_mut(vm.gil());
            if i < items.len() {
                items.remove(i);
            }
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn index(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let l = recv(vm, a, "index")?;
    args::count(vm, "index", &a[1..], kw, 1, 3)?;
    let x = &a[1];
    let n = l.borrow(vm.gil()).len();
    let start = super::opt_index(vm, a.get(2))?;
    let end = super::opt_index(vm, a.get(3))?;
    let (start, end) = super::clamp_range(start, end, n);
    let mut i = start;
    while i < end {
        let Some(item) = item_at(vm, l, i) else { break };
        if same(vm, &item, x)? {
            return Ok(Value::Int(i as i64));
        }
        i += 1;
    }
    let r = vm.repr(x)?;
    Err(vm.value_error(format!("{r} is not in list")))
}

fn count(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let l = recv(vm, a, "count")?;
    let x = args::one(vm, "list.count", &a[1..], kw)?;
    let mut i = 0;
    let mut c = 0;
    while let Some(item) = item_at(vm, l, i) {
        if same(vm, &item, x)? {
            c += 1;
        }
        i += 1;
    }
    Ok(Value::Int(c))
}

/// `list.sort(*, key=None, reverse=False)`: the list is emptied while sorting, as in CPython,
/// and "list modified during sort" is raised if the key function or a comparison changed it.
fn sort(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let l = recv(vm, a, "sort")?;
    if a.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let (key, reverse) = super::iters::sort_options(vm, kw)?;
    let gil = vm.gil();
    let mut items = std::mem::take(&mut *l.borrow_mut(gil));
    let r = super::sort::sort_values(vm, &mut items, key.as_ref(), reverse);
    let modified = !l.borrow(gil).is_empty();
    *l.borrow_mut(gil) = items;
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn reverse(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let l = recv(vm, a, "reverse")?;
    args::none(vm, "list.reverse", &a[1..], kw)?;
    l.borrow_mut(vm.gil()).reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let l = recv(vm, a, "copy")?;
    args::none(vm, "list.copy", &a[1..], kw)?;
    let items = l.borrow(vm.gil()).clone();
    Ok(Value::list(items))
}

fn clear(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let l = recv(vm, a, "clear")?;
    args::none(vm, "list.clear", &a[1..], kw)?;
    let old = std::mem::take(&mut *l.borrow_mut(vm.gil()));
    drop(old);
    Ok(Value::None)
}
