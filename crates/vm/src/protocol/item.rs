//! Subscription: `obj[key]`, `obj[key] = v`, `del obj[key]` for lists (negative indexes,
//! slices with steps, slice assignment and deletion), tuples, strs (by character), bytes,
//! ranges, dicts and user `__getitem__`/`__setitem__`/`__delitem__`.

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::value::{PyBytes, Range, Slice, Value};
use crate::protocol::attr::{class_lookup, user_lookup};

/// Resolved slice bounds: start, stop, step and the number of items.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIdx {
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |k| (self.start + k as i64 * self.step) as usize)
    }
}

/// An int subclass instance used as a sequence index: its payload int.
#[inline]
fn seq_index_key<'a>(obj: &Value, key: &'a Value) -> Option<&'a Value> {
    match (obj, key) {
        (
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_),
            Value::Instance(k),
        ) => match &k.payload {
            p @ Some(Value::Int(_)) => p.as_ref(),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    fn slice_bound(&self, v: &Value) -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::Instance(k) if matches!(k.payload, Some(Value::Int(_))) => {
                self.slice_bound(k.payload.as_ref().unwrap_or(v))
            }
            _ => Err(self
                .type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    /// CPython's `slice.indices(len)`.
    pub fn slice_indices(&self, s: &Slice, len: usize) -> PyResult<SliceIdx> {
        let len = len as i64;
        let step = self.slice_bound(&s.step)?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(mut i) => {
                    if i < 0 {
                        i = i.saturating_add(len);
                    }
                    i.clamp(lo, hi)
                }
            }
        };
        let start = clamp(self.slice_bound(&s.start)?, if step < 0 { hi } else { lo });
        let stop = clamp(self.slice_bound(&s.stop)?, if step < 0 { lo } else { hi });
        let n = if step > 0 {
            if stop > start {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        Ok(SliceIdx {
            start,
            stop,
            step,
            len: n as usize,
        })
    }

    /// Normalise an index (negative counts from the end); `None` when out of range.
    fn index_in(&self, i: i64, len: usize) -> Option<usize> {
        let i = if i < 0 { i + len as i64 } else { i };
        if i >= 0 && (i as usize) < len {
            Some(i as usize)
        } else {
            None
        }
    }

    /// `obj[key]`
    pub fn get_item(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        if let Some(k) = seq_index_key(obj, key) {
            return self.get_item(obj, k);
        }
        let gil = self.gil();
        let int_key = match key {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        };
        match obj {
            Value::List(l) => {
                if let Some(i) = int_key {
                    let l = l.borrow(gil);
                    return match self.index_in(i, l.len()) {
                        Some(i) => Ok(l[i].clone()),
                        None => Err(self.index_error("list index out of range")),
                    };
                }
                if let Value::Slice(s) = key {
                    let items = l.borrow(gil);
                    let idx = self.slice_indices(s, items.len())?;
                    return Ok(Value::list(
                        idx.indices().map(|i| items[i].clone()).collect(),
                    ));
                }
                Err(self.type_error(format!(
                    "list indices must be integers or slices, not {}",
                    self.type_name(key)
                )))
            }
            Value::Tuple(t) => {
                if let Some(i) = int_key {
                    return match self.index_in(i, t.items.len()) {
                        Some(i) => Ok(t.items[i].clone()),
                        None => Err(self.index_error("tuple index out of range")),
                    };
                }
                if let Value::Slice(s) = key {
                    let idx = self.slice_indices(s, t.items.len())?;
                    return Ok(Value::tuple(
                        idx.indices().map(|i| t.items[i].clone()).collect(),
                    ));
                }
                Err(self.type_error(format!(
                    "tuple indices must be integers or slices, not {}",
                    self.type_name(key)
                )))
            }
            Value::Str(s) => {
                if let Some(i) = int_key {
                    let Some(i) = self.index_in(i, s.char_len) else {
                        return Err(self.index_error("string index out of range"));
                    };
                    if s.is_ascii() {
                        return Ok(Value::str(&s.as_str()[i..i + 1]));
                    }
                    let c = s.as_str().chars().nth(i).unwrap_or_default();
                    return Ok(Value::str(c.to_string()));
                }
                if let Value::Slice(sl) = key {
                    let idx = self.slice_indices(sl, s.char_len)?;
                    if s.is_ascii() {
                        let b = s.as_str().as_bytes();
                        if idx.step == 1 {
                            let start = idx.start.max(0) as usize;
                            return Ok(Value::str(&s.as_str()[start..start + idx.len]));
                        }
                        let out: String = idx.indices().map(|i| b[i] as char).collect();
                        return Ok(Value::str(out));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    let out: String = idx.indices().map(|i| chars[i]).collect();
                    return Ok(Value::str(out));
                }
                Err(self.type_error(format!(
                    "string indices must be integers, not '{}'",
                    self.type_name(key)
                )))
            }
            Value::Bytes(b) => {
                if let Some(i) = int_key {
                    return match self.index_in(i, b.data.len()) {
                        Some(i) => Ok(Value::Int(b.data[i] as i64)),
                        None => Err(self.index_error("index out of range")),
                    };
                }
                if let Value::Slice(sl) = key {
                    let idx = self.slice_indices(sl, b.data.len())?;
                    let data: Vec<u8> = idx.indices().map(|i| b.data[i]).collect();
                    return Ok(Value::Bytes(Arc::new(PyBytes {
                        data: data.into_boxed_slice(),
                    })));
                }
                Err(self.type_error(format!(
                    "byte indices must be integers or slices, not {}",
                    self.type_name(key)
                )))
            }
            Value::Range(r) => {
                // In i128: a range may hold more than i64::MAX items, and a slice's step and
                // stop may leave the 64-bit range even when its items do not.
                let exact = crate::protocol::iter::range_len_exact(r.start, r.stop, r.step);
                if let Some(i) = int_key {
                    let i = if i < 0 { i as i128 + exact } else { i as i128 };
                    return if (0..exact).contains(&i) {
                        Ok(Value::Int((r.start as i128 + i * r.step as i128) as i64))
                    } else {
                        Err(self.index_error("range object index out of range"))
                    };
                }
                if let Value::Slice(sl) = key {
                    let Ok(len) = i64::try_from(exact) else {
                        return Err(self.overflow_error(
                            "slicing a range of more than 2**63 - 1 items (gilvm ints are 64-bit)",
                        ));
                    };
                    let idx = self.slice_indices(sl, len as usize)?;
                    let start = r.start as i128 + idx.start as i128 * r.step as i128;
                    let step = r.step as i128 * idx.step as i128;
                    let stop = start + idx.len as i128 * step;
                    let fit = |v: i128| i64::try_from(v).ok();
                    let range = match (fit(start), fit(stop), fit(step)) {
                        (Some(start), Some(stop), Some(step)) => Range { start, stop, step },
                        _ if idx.len == 0 => Range {
                            start: 0,
                            stop: 0,
                            step: 1,
                        },
                        (Some(start), _, _) if idx.len == 1 => match start.checked_add(1) {
                            Some(stop) => Range {
                                start,
                                stop,
                                step: 1,
                            },
                            None => Range {
                                start,
                                stop: start - 1,
                                step: -1,
                            },
                        },
                        _ => {
                            return Err(self
                                .overflow_error("range slice too large (gilvm ints are 64-bit)"))
                        }
                    };
                    return Ok(Value::Range(Arc::new(range)));
                }
                Err(self.type_error(format!(
                    "range indices must be integers or slices, not {}",
                    self.type_name(key)
                )))
            }
            Value::Dict(d) => {
                let k = self.key_in(d, key.clone())?;
                let found = d.borrow(gil).get(&k).cloned();
                match found {
                    Some(v) => Ok(v),
                    None => Err(self.key_error(key.clone())),
                }
            }
            Value::Instance(inst) => match user_lookup(&inst.class, "__getitem__", gil) {
                Some(f) => self.call_method_value(&f, obj, std::slice::from_ref(key)),
                None => match &inst.payload {
                    Some(Value::Dict(d)) => {
                        // `dict.__getitem__` of a subclass: `__missing__` for a missing key.
                        let k = self.key_in(d, key.clone())?;
                        let found = d.borrow(gil).get(&k).cloned();
                        match found {
                            Some(v) => Ok(v),
                            None => match user_lookup(&inst.class, "__missing__", gil) {
                                Some(m) => {
                                    self.call_method_value(&m, obj, std::slice::from_ref(key))
                                }
                                None => Err(self.key_error(key.clone())),
                            },
                        }
                    }
                    Some(p) => {
                        let p = p.clone();
                        self.get_item(&p, key)
                    }
                    None => Err(self.type_error(format!(
                        "'{}' object is not subscriptable",
                        self.type_name(obj)
                    ))),
                },
            },
            Value::Native(_) => {
                let class = self.type_of(obj);
                match class_lookup(&class, "__getitem__", gil) {
                    Some(f) => self.call_method_value(&f, obj, std::slice::from_ref(key)),
                    None => Err(self.type_error(format!(
                        "'{}' object is not subscriptable",
                        self.type_name(obj)
                    ))),
                }
            }
            Value::Class(c) => {
                if let Some(meta) = &c.meta {
                    if let Some(f) = user_lookup(meta, "__getitem__", gil) {
                        return self.call_method_value(&f, obj, std::slice::from_ref(key));
                    }
                }
                if let Some(f) = user_lookup(c, "__class_getitem__", gil) {
                    let f = self.bind_class_attr(f, c)?;
                    return self.call(&f, std::slice::from_ref(key));
                }
                if crate::object::generic_alias::is_generic_class(c) {
                    return Ok(crate::object::generic_alias::make(c, key));
                }
                Err(self.type_error(format!("type '{}' is not subscriptable", c.name.as_str())))
            }
            _ => Err(self.type_error(format!(
                "'{}' object is not subscriptable",
                self.type_name(obj)
            ))),
        }
    }

    /// `obj[key] = v`
    pub fn set_item(&mut self, obj: &Value, key: &Value, v: Value) -> PyResult<()> {
        if let Some(k) = seq_index_key(obj, key) {
            return self.set_item(obj, k, v);
        }
        let gil = self.gil();
        match obj {
            Value::List(l) => match key {
                Value::Int(_) | Value::Bool(_) => {
                    let i = match key {
                        Value::Int(i) => *i,
                        Value::Bool(b) => *b as i64,
                        _ => 0,
                    };
                    let mut l = l.borrow_mut(gil);
                    match self.index_in(i, l.len()) {
                        Some(i) => {
                            l[i] = v;
                            Ok(())
                        }
                        None => Err(self.index_error("list assignment index out of range")),
                    }
                }
                Value::Slice(s) => {
                    let items = self
                        .collect(&v)
                        .map_err(|_| self.type_error("can only assign an iterable"))?;
                    let len = l.borrow(gil).len();
                    let idx = self.slice_indices(s, len)?;
                    let mut l = l.borrow_mut(gil);
                    if idx.step == 1 {
                        let start = idx.start.max(0) as usize;
                        let end = (start + idx.len).max(start);
                        l.splice(start..end, items);
                        Ok(())
                    } else {
                        if items.len() != idx.len {
                            return Err(self.value_error(format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                items.len(),
                                idx.len
                            )));
                        }
                        let positions: Vec<usize> = idx.indices().collect();
                        for (p, it) in positions.into_iter().zip(items) {
                            l[p] = it;
                        }
                        Ok(())
                    }
                }
                _ => Err(self.type_error(format!(
                    "list indices must be integers or slices, not {}",
                    self.type_name(key)
                ))),
            },
            Value::Dict(d) => {
                let k = self.key_in(d, key.clone())?;
                d.borrow_mut(gil).insert(k, v);
                Ok(())
            }
            Value::Instance(inst) => match user_lookup(&inst.class, "__setitem__", gil) {
                Some(f) => {
                    self.call_method_value(&f, obj, &[key.clone(), v])?;
                    Ok(())
                }
                None if inst.payload.is_some() => {
                    let p = inst.payload.clone().unwrap_or_default();
                    self.set_item(&p, key, v)
                }
                None => Err(self.type_error(format!(
                    "'{}' object does not support item assignment",
                    self.type_name(obj)
                ))),
            },
            Value::Native(_) => {
                let class = self.type_of(obj);
                match class_lookup(&class, "__setitem__", gil) {
                    Some(f) => {
                        self.call_method_value(&f, obj, &[key.clone(), v])?;
                        Ok(())
                    }
                    None => Err(self.type_error(format!(
                        "'{}' object does not support item assignment",
                        self.type_name(obj)
                    ))),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            ))),
        }
    }

    /// `del obj[key]`
    pub fn del_item(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        if let Some(k) = seq_index_key(obj, key) {
            return self.del_item(obj, k);
        }
        let gil = self.gil();
        match obj {
            Value::List(l) => match key {
                Value::Int(_) | Value::Bool(_) => {
                    let i = match key {
                        Value::Int(i) => *i,
                        Value::Bool(b) => *b as i64,
                        _ => 0,
                    };
                    let mut l = l.borrow_mut(gil);
                    match self.index_in(i, l.len()) {
                        Some(i) => {
                            l.remove(i);
                            Ok(())
                        }
                        None => Err(self.index_error("list assignment index out of range")),
                    }
                }
                Value::Slice(s) => {
                    let len = l.borrow(gil).len();
                    let idx = self.slice_indices(s, len)?;
                    let mut remove = vec![false; len];
                    for p in idx.indices() {
                        remove[p] = true;
                    }
                    let mut k = 0;
                    l.borrow_mut(gil).retain(|_| {
                        let keep = !remove[k];
                        k += 1;
                        keep
                    });
                    Ok(())
                }
                _ => Err(self.type_error(format!(
                    "list indices must be integers or slices, not {}",
                    self.type_name(key)
                ))),
            },
            Value::Dict(d) => {
                let k = self.key_in(d, key.clone())?;
                let removed = d.borrow_mut(gil).shift_remove(&k);
                match removed {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(key.clone())),
                }
            }
            Value::Instance(inst) => match user_lookup(&inst.class, "__delitem__", gil) {
                Some(f) => {
                    self.call_method_value(&f, obj, std::slice::from_ref(key))?;
                    Ok(())
                }
                None if inst.payload.is_some() => {
                    let p = inst.payload.clone().unwrap_or_default();
                    self.del_item(&p, key)
                }
                None => Err(self.type_error(format!(
                    "'{}' object doesn't support item deletion",
                    self.type_name(obj)
                ))),
            },
            Value::Native(_) => {
                let class = self.type_of(obj);
                match class_lookup(&class, "__delitem__", gil) {
                    Some(f) => {
                        self.call_method_value(&f, obj, std::slice::from_ref(key))?;
                        Ok(())
                    }
                    None => Err(self.type_error(format!(
                        "'{}' object doesn't support item deletion",
                        self.type_name(obj)
                    ))),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(obj)
            ))),
        }
    }
}
