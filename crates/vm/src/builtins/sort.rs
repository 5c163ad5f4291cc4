//! A stable merge sort whose comparisons may fail (a Python `__lt__` can raise): used by
//! `sorted()` and `list.sort()`. Comparisons use `<` only, as CPython's list sort does; with
//! `reverse=True` equal elements keep their original order (CPython reverses, sorts and
//! reverses back, which has the same effect for a consistent ordering).

use std::cmp::Ordering;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::value::Value;

/// Sort `items` in place by `key` (or the items themselves).
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    if items.len() < 2 {
        // CPython calls the key even on a lone item (its errors and side effects show).
        if let (Some(f), Some(item)) = (key, items.first()) {
            vm.call(f, std::slice::from_ref(item))?;
        }
        return Ok(());
    }
    let keys: Option<Vec<Value>> = match key {
        Some(f) => {
            let mut ks = Vec::with_capacity(items.len());
            for item in items.iter() {
                ks.push(vm.call(f, std::slice::from_ref(item))?);
            }
            Some(ks)
        }
        None => None,
    };
    let sort_keys: &[Value] = keys.as_deref().unwrap_or(items);
    let mut order: Vec<usize> = (0..items.len()).collect();
    if !fast_sort(sort_keys, &mut order, reverse) {
        let mut less = |vm: &mut Vm, a: usize, b: usize| -> PyResult<bool> {
            if reverse {
                vm.lt(&sort_keys[b], &sort_keys[a])
            } else {
                vm.lt(&sort_keys[a], &sort_keys[b])
            }
        };
        merge_sort(vm, &mut order, &mut less)?;
    }
    let sorted: Vec<Value> = order.iter().map(|&i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

type IndexCmp<'a> = Box<dyn Fn(&usize, &usize) -> Ordering + 'a>;

/// Homogeneous ints, floats without NaN, or strs sort without calling back into the VM.
fn fast_sort(keys: &[Value], order: &mut [usize], reverse: bool) -> bool {
    let cmp: IndexCmp = match &keys[0] {
        Value::Int(_) if keys.iter().all(|k| matches!(k, Value::Int(_))) => {
            Box::new(|&a, &b| match (&keys[a], &keys[b]) {
                (Value::Int(x), Value::Int(y)) => x.cmp(y),
                _ => Ordering::Equal,
            })
        }
        Value::Float(_)
            if keys
                .iter()
                .all(|k| matches!(k, Value::Float(x) if !x.is_nan())) =>
        {
            Box::new(|&a, &b| match (&keys[a], &keys[b]) {
                (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
                _ => Ordering::Equal,
            })
        }
        // UTF-8 byte order is code point order, which is how Python compares strs.
        Value::Str(_) if keys.iter().all(|k| matches!(k, Value::Str(_))) => {
            Box::new(|&a, &b| match (&keys[a], &keys[b]) {
                (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
                _ => Ordering::Equal,
            })
        }
        _ => return false,
    };
    if reverse {
        order.sort_by(|a, b| cmp(b, a));
    } else {
        order.sort_by(|a, b| cmp(a, b));
    }
    true
}

type Less<'a> = dyn FnMut(&mut Vm, usize, usize) -> PyResult<bool> + 'a;

/// Stable merge sort of indices with a fallible strict "less than".
pub fn merge_sort(vm: &mut Vm, v: &mut [usize], less: &mut Less) -> PyResult<()> {
    let n = v.len();
    // Insertion-sort runs of 8, then merge bottom-up.
    const RUN: usize = 8;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && less(vm, v[j], v[j - 1])? {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    let mut buf: Vec<usize> = Vec::with_capacity(n);
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo + width < n {
            let mid = lo + width;
            let hi = (lo + 2 * width).min(n);
            buf.clear();
            let (mut i, mut j) = (lo, mid);
            while i < mid && j < hi {
                // Take from the right only if strictly less: stability.
                if less(vm, v[j], v[i])? {
                    buf.push(v[j]);
                    j += 1;
                } else {
                    buf.push(v[i]);
                    i += 1;
                }
            }
            buf.extend_from_slice(&v[i..mid]);
            buf.extend_from_slice(&v[j..hi]);
            v[lo..hi].copy_from_slice(&buf);
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}
