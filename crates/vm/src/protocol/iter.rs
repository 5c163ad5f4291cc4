//! Iteration: `iter()`, `next()` over every [`IterState`] variant, user `__iter__`/`__next__`,
//! sequences that only define `__getitem__`, native iterables; plus `len()` and `collect`.

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::value::{Iter, IterState, NativeObject, Value};
use crate::protocol::attr::{class_lookup, user_lookup};

/// Which part of a dict a view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

pub use crate::object::value::{range_len, range_len_exact};

/// The iterator of a class that only defines `__getitem__`: calls it with 0, 1, 2... until
/// IndexError (or StopIteration).
#[derive(Debug)]
pub struct SeqIter {
    pub obj: Value,
    pub index: GilCell<Option<i64>>,
}

impl NativeObject for SeqIter {
    fn type_name(&self) -> &'static str {
        "iterator"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Iterator over a dict (its keys, values or items, forwards or reversed) or a set, live like
/// CPython's: a change of size raises "dictionary changed size during iteration" (and keeps
/// raising), a dict whose keys were replaced without changing its size raises "dictionary keys
/// changed during iteration" once more items turn up than it had.
#[derive(Debug)]
pub struct DictIter {
    pub src: DictIterSrc,
    pub pos: GilCell<IterPos>,
}

/// A set iterator's snapshot holds the items without a cell: `x = iter({x})` chains free
/// through the trashcan.
impl Drop for DictIter {
    fn drop(&mut self) {
        if let DictIterSrc::SetOrdered(_, items) = &mut self.src {
            let items: Arc<[Value]> = std::mem::replace(items, Arc::from(Vec::new()));
            crate::object::trashcan::release(items);
        }
    }
}

#[derive(Debug)]
pub enum DictIterSrc {
    Dict(Arc<crate::object::value::Dict>, ViewKind),
    DictRev(Arc<crate::object::value::Dict>, ViewKind),
    Set(Arc<crate::object::value::Set>),
    /// A set iterated in CPython's order (see `crate::object::setorder`), computed when iteration began.
    SetOrdered(Arc<crate::object::value::Set>, Arc<[Value]>),
}

/// Where a [`DictIter`] is.
#[derive(Debug)]
pub struct IterPos {
    /// The next index in the map (counting down for a reversed iterator).
    index: usize,
    /// The size when iteration began; `None` after a size change (CPython's sticky `-1`).
    used: Option<usize>,
    /// Items still expected (CPython's `di->len`).
    remaining: usize,
    /// The key yielded last: if it moved (keys before it were removed), iteration resumes after
    /// it, as in CPython's table where removals leave holes.
    last: Option<crate::object::value::Key>,
    done: bool,
}

impl IterPos {
    pub fn new(len: usize) -> IterPos {
        IterPos {
            index: 0,
            used: Some(len),
            remaining: len,
            last: None,
            done: false,
        }
    }
    fn new_rev(len: usize) -> IterPos {
        IterPos {
            index: len.wrapping_sub(1),
            ..IterPos::new(len)
        }
    }
}

impl DictIter {
    pub fn over_dict(
        d: &Arc<crate::object::value::Dict>,
        kind: ViewKind,
        gil: crate::Gil,
    ) -> Value {
        let len = d.borrow(gil).len();
        crate::object::class::native(DictIter {
            src: DictIterSrc::Dict(d.clone(), kind),
            pos: GilCell::new(IterPos::new(len)),
        })
    }
    pub fn over_dict_rev(
        d: &Arc<crate::object::value::Dict>,
        kind: ViewKind,
        gil: crate::Gil,
    ) -> Value {
        let len = d.borrow(gil).len();
        crate::object::class::native(DictIter {
            src: DictIterSrc::DictRev(d.clone(), kind),
            pos: GilCell::new(IterPos::new_rev(len)),
        })
    }
}

impl NativeObject for DictIter {
    fn type_name(&self) -> &'static str {
        match self.src {
            DictIterSrc::Dict(_, ViewKind::Keys) => "dict_keyiterator",
            DictIterSrc::Dict(_, ViewKind::Values) => "dict_valueiterator",
            DictIterSrc::Dict(_, ViewKind::Items) => "dict_itemiterator",
            DictIterSrc::DictRev(_, ViewKind::Keys) => "dict_reversekeyiterator",
            DictIterSrc::DictRev(_, ViewKind::Values) => "dict_reversevalueiterator",
            DictIterSrc::DictRev(_, ViewKind::Items) => "dict_reverseitemiterator",
            DictIterSrc::Set(_) | DictIterSrc::SetOrdered(..) => "set_iterator",
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The type names of the iterators above (registered as classes with `__next__`/`__iter__`).
const DICT_ITER_NAMES: [&str; 7] = [
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
    "set_iterator",
];

/// `reversed(list)`: live like CPython's (an index counting down, checked against the current
/// length at each step).
#[derive(Debug)]
pub struct ListRevIter {
    pub list: Arc<crate::object::value::List>,
    /// The next index; `None` once exhausted.
    pub index: GilCell<Option<usize>>,
}

impl NativeObject for ListRevIter {
    fn type_name(&self) -> &'static str {
        "list_reverseiterator"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The item a dict iterator yields for the entry `(k, v)`.
fn dict_item(kind: ViewKind, k: &crate::object::value::Key, v: &Value) -> Value {
    match kind {
        ViewKind::Keys => k.value.clone(),
        ViewKind::Values => v.clone(),
        ViewKind::Items => Value::tuple(vec![k.value.clone(), v.clone()]),
    }
}

fn new_iter(state: IterState) -> Value {
    Value::Iter(Arc::new(GilCell::new(state)))
}

/// What a complex iterator step needs, copied out so no borrow is held while calling Python.
enum Step {
    Enumerate(Value, i64),
    Zip(Vec<Value>),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
    Callable(Value, Value),
    User(Value),
}

impl Vm {
    /// `iter(v)`
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        let gil = self.gil();
        Ok(match v {
            Value::List(l) => new_iter(IterState::List {
                list: l.clone(),
                index: 0,
            }),
            Value::Tuple(t) => new_iter(IterState::Tuple {
                tuple: t.clone(),
                index: 0,
            }),
            Value::Str(s) => new_iter(IterState::Str {
                s: s.clone(),
                byte_index: 0,
            }),
            Value::Bytes(b) => new_iter(IterState::Bytes {
                bytes: b.clone(),
                index: 0,
            }),
            Value::Range(r) => new_iter(IterState::Range {
                next: r.start,
                stop: r.stop,
                step: r.step,
            }),
            Value::Dict(d) => DictIter::over_dict(d, ViewKind::Keys, gil),
            Value::Set(s) => {
                let len = s.borrow(gil).len();
                let src = match crate::object::setorder::ordered(gil, s) {
                    Some(order) => DictIterSrc::SetOrdered(s.clone(), order),
                    None => DictIterSrc::Set(s.clone()),
                };
                crate::object::class::native(DictIter {
                    src,
                    pos: GilCell::new(IterPos::new(len)),
                })
            }
            Value::Iter(_) => v.clone(),
            Value::Instance(inst) => {
                if let Some(f) = user_lookup(&inst.class, "__iter__", gil) {
                    let it = self.call_method_value(&f, v, &[])?;
                    if !self.is_iterator(&it) {
                        let tn = self.type_name(&it);
                        return Err(
                            self.type_error(format!("iter() returned non-iterator of type '{tn}'"))
                        );
                    }
                    return Ok(it);
                }
                if let Some(p) = &inst.payload {
                    let p = p.clone();
                    return self.get_iter(&p);
                }
                if user_lookup(&inst.class, "__getitem__", gil).is_some() {
                    return Ok(crate::object::class::native(SeqIter {
                        obj: v.clone(),
                        index: GilCell::new(Some(0)),
                    }));
                }
                return Err(self.not_iterable(v));
            }
            Value::Native(n) => {
                if n.as_any().downcast_ref::<SeqIter>().is_some()
                    || n.as_any().downcast_ref::<DictIter>().is_some()
                    || n.as_any().downcast_ref::<ListRevIter>().is_some()
                {
                    return Ok(v.clone());
                }
                let class = self.type_of(v);
                if let Some(f) = class_lookup(&class, "__iter__", gil) {
                    return self.call_method_value(&f, v, &[]);
                }
                if class_lookup(&class, "__next__", gil).is_some() {
                    return Ok(v.clone());
                }
                return Err(self.not_iterable(v));
            }
            Value::Class(_) => match self.meta_dunder(v, "__iter__") {
                Some(f) => return self.call_method_value(&f, v, &[]),
                None => return Err(self.not_iterable(v)),
            },
            _ => return Err(self.not_iterable(v)),
        })
    }

    #[cold]
    fn not_iterable(&self, v: &Value) -> crate::PyErr {
        self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
    }

    /// Can `v` be iterated (without calling anything)?
    pub fn is_iterable(&self, v: &Value) -> bool {
        let gil = self.gil();
        match v {
            Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Range(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Iter(_) => true,
            Value::Instance(i) => {
                i.payload.as_ref().is_some_and(|p| self.is_iterable(p))
                    || user_lookup(&i.class, "__iter__", gil).is_some()
                    || user_lookup(&i.class, "__getitem__", gil).is_some()
            }
            Value::Native(_) => {
                let c = self.type_of(v);
                class_lookup(&c, "__iter__", gil).is_some()
                    || class_lookup(&c, "__next__", gil).is_some()
            }
            _ => false,
        }
    }

    fn is_iterator(&self, v: &Value) -> bool {
        match v {
            Value::Iter(_) => true,
            Value::Instance(i) => user_lookup(&i.class, "__next__", self.gil()).is_some(),
            Value::Native(n) => {
                n.as_any().downcast_ref::<SeqIter>().is_some()
                    || n.as_any().downcast_ref::<DictIter>().is_some()
                    || n.as_any().downcast_ref::<ListRevIter>().is_some()
                    || class_lookup(&self.type_of(v), "__next__", self.gil()).is_some()
            }
            _ => false,
        }
    }

    /// Call a `__next__` method; StopIteration means exhausted.
    fn call_next(&mut self, f: &Value, it: &Value) -> PyResult<Option<Value>> {
        match self.call_method_value(f, it, &[]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_is(&e, &self.types().stop_iteration.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `next(it)`; `Ok(None)` when exhausted (StopIteration is not raised to the caller).
    pub fn next(&mut self, iter: &Value) -> PyResult<Option<Value>> {
        let gil = self.gil();
        match iter {
            Value::Iter(state) => self.iter_next(state),
            Value::Instance(inst) => match user_lookup(&inst.class, "__next__", gil) {
                Some(f) => self.call_next(&f, iter),
                None => Err(self.type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(iter)
                ))),
            },
            Value::Native(n) => {
                if let Some(g) = n
                    .as_any()
                    .downcast_ref::<crate::interp::generator::Generator>()
                {
                    return self.gen_next(g);
                }
                if let Some(d) = n.as_any().downcast_ref::<DictIter>() {
                    return self.dict_iter_next(d);
                }
                if let Some(r) = n.as_any().downcast_ref::<ListRevIter>() {
                    let mut index = r.index.borrow_mut(gil);
                    let l = r.list.borrow(gil);
                    return Ok(match *index {
                        Some(i) if i < l.len() => {
                            *index = i.checked_sub(1);
                            Some(l[i].clone())
                        }
                        _ => {
                            *index = None;
                            None
                        }
                    });
                }
                if let Some(s) = n.as_any().downcast_ref::<SeqIter>() {
                    let Some(i) = *s.index.borrow(gil) else {
                        return Ok(None);
                    };
                    let obj = s.obj.clone();
                    return match self.get_item(&obj, &Value::Int(i)) {
                        Ok(v) => {
                            *s.index.borrow_mut(gil) = Some(i + 1);
                            Ok(Some(v))
                        }
                        Err(e)
                            if self.err_is(&e, &self.types().index_error.clone())
                                || self.err_is(&e, &self.types().stop_iteration.clone()) =>
                        {
                            *s.index.borrow_mut(gil) = None;
                            Ok(None)
                        }
                        Err(e) => Err(e),
                    };
                }
                let class = self.type_of(iter);
                match class_lookup(&class, "__next__", gil) {
                    Some(f) => self.call_next(&f, iter),
                    None => Err(self.type_error(format!(
                        "'{}' object is not an iterator",
                        self.type_name(iter)
                    ))),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(iter)
            ))),
        }
    }

    /// Advance a dict or set iterator.
    fn dict_iter_next(&mut self, d: &DictIter) -> PyResult<Option<Value>> {
        let gil = self.gil();
        let mut pos = d.pos.borrow_mut(gil);
        if pos.done {
            return Ok(None);
        }
        let (now, what) = match &d.src {
            DictIterSrc::Dict(m, _) | DictIterSrc::DictRev(m, _) => {
                (m.borrow(gil).len(), "dictionary")
            }
            DictIterSrc::Set(m) | DictIterSrc::SetOrdered(m, _) => (m.borrow(gil).len(), "Set"),
        };
        if pos.used != Some(now) {
            pos.used = None;
            drop(pos);
            return Err(self.runtime_error(format!("{what} changed size during iteration")));
        }
        let item = match &d.src {
            DictIterSrc::Dict(m, kind) => {
                let m = m.borrow(gil);
                // Resume after the last key wherever it is now (removals before it shift it).
                if let Some(last) = &pos.last {
                    let moved = match pos.index.checked_sub(1).and_then(|i| m.get_index(i)) {
                        Some((k, _)) => !k.value.is(&last.value),
                        None => true,
                    };
                    if moved {
                        pos.index = match m.get_index_of(last) {
                            Some(j) => j + 1,
                            None => pos.index.saturating_sub(1),
                        };
                    }
                }
                match m.get_index(pos.index) {
                    None => None,
                    Some(_) if pos.remaining == 0 => {
                        pos.done = true;
                        drop(pos);
                        return Err(self.runtime_error("dictionary keys changed during iteration"));
                    }
                    Some((k, v)) => {
                        pos.remaining -= 1;
                        pos.index += 1;
                        pos.last = Some(k.clone());
                        Some(dict_item(*kind, k, v))
                    }
                }
            }
            DictIterSrc::DictRev(m, kind) => {
                let m = m.borrow(gil);
                if let Some(last) = &pos.last {
                    let moved = match pos.index.checked_add(1).and_then(|i| m.get_index(i)) {
                        Some((k, _)) => !k.value.is(&last.value),
                        None => true,
                    };
                    if moved {
                        pos.index = match m.get_index_of(last) {
                            Some(j) => j.wrapping_sub(1),
                            None => pos.index,
                        };
                    }
                }
                match m.get_index(pos.index) {
                    Some((k, v)) if pos.remaining > 0 => {
                        pos.remaining -= 1;
                        pos.index = pos.index.wrapping_sub(1);
                        pos.last = Some(k.clone());
                        Some(dict_item(*kind, k, v))
                    }
                    _ => None,
                }
            }
            DictIterSrc::Set(m) => {
                let m = m.borrow(gil);
                let item = m.get_index(pos.index).map(|(k, _)| k.value.clone());
                pos.index += 1;
                item
            }
            DictIterSrc::SetOrdered(_, order) => {
                let item = order.get(pos.index).cloned();
                pos.index += 1;
                item
            }
        };
        if item.is_none() {
            pos.done = true;
        }
        Ok(item)
    }

    /// Advance a native iterator.
    pub(crate) fn iter_next(&mut self, it: &Arc<Iter>) -> PyResult<Option<Value>> {
        let gil = self.gil();
        let step = {
            let Some(mut st) = it.try_borrow_mut(gil) else {
                return Err(self.value_error("generator already executing"));
            };
            match &mut *st {
                IterState::List { list, index } => {
                    let l = list.borrow(gil);
                    if *index < l.len() {
                        let v = l[*index].clone();
                        *index += 1;
                        return Ok(Some(v));
                    }
                    drop(l);
                    *st = IterState::Exhausted;
                    return Ok(None);
                }
                IterState::Tuple { tuple, index } => {
                    if *index < tuple.items.len() {
                        let v = tuple.items[*index].clone();
                        *index += 1;
                        return Ok(Some(v));
                    }
                    *st = IterState::Exhausted;
                    return Ok(None);
                }
                IterState::Str { s, byte_index } => {
                    let rest = &s.as_str()[*byte_index..];
                    match rest.chars().next() {
                        Some(c) => {
                            *byte_index += c.len_utf8();
                            let mut buf = [0u8; 4];
                            return Ok(Some(Value::str(&*c.encode_utf8(&mut buf))));
                        }
                        None => {
                            *st = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                IterState::Bytes { bytes, index } => {
                    if *index < bytes.data.len() {
                        let v = Value::Int(bytes.data[*index] as i64);
                        *index += 1;
                        return Ok(Some(v));
                    }
                    *st = IterState::Exhausted;
                    return Ok(None);
                }
                IterState::Range { next, stop, step } => {
                    if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                        let v = *next;
                        *next = next.checked_add(*step).unwrap_or(*stop);
                        return Ok(Some(Value::Int(v)));
                    }
                    return Ok(None);
                }
                IterState::Seq { items, index } => {
                    if *index < items.len() {
                        let v = items[*index].clone();
                        *index += 1;
                        return Ok(Some(v));
                    }
                    *st = IterState::Exhausted;
                    return Ok(None);
                }
                IterState::Exhausted => return Ok(None),
                IterState::Enumerate { inner, count } => Step::Enumerate(inner.clone(), *count),
                IterState::Zip { inners } => Step::Zip(inners.clone()),
                IterState::Map { func, inners } => Step::Map(func.clone(), inners.clone()),
                IterState::Filter { func, inner } => Step::Filter(func.clone(), inner.clone()),
                IterState::Callable { func, sentinel } => {
                    Step::Callable(func.clone(), sentinel.clone())
                }
                IterState::User { obj } => Step::User(obj.clone()),
            }
        };
        let exhaust = |it: &Arc<Iter>| {
            if let Some(mut st) = it.try_borrow_mut(gil) {
                *st = IterState::Exhausted;
            }
        };
        self.enter_native()?;
        let r = (|| match step {
            Step::Enumerate(inner, count) => match self.next(&inner)? {
                Some(v) => {
                    if let Some(mut st) = it.try_borrow_mut(gil) {
                        if let IterState::Enumerate { count: c, .. } = &mut *st {
                            *c = count + 1;
                        }
                    }
                    Ok(Some(Value::tuple(vec![Value::Int(count), v])))
                }
                None => {
                    exhaust(it);
                    Ok(None)
                }
            },
            Step::Zip(inners) => {
                if inners.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(inners.len());
                for i in &inners {
                    match self.next(i)? {
                        Some(v) => out.push(v),
                        None => {
                            exhaust(it);
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(Value::tuple(out)))
            }
            Step::Map(func, inners) => {
                let mut args = Vec::with_capacity(inners.len());
                for i in &inners {
                    match self.next(i)? {
                        Some(v) => args.push(v),
                        None => {
                            exhaust(it);
                            return Ok(None);
                        }
                    }
                }
                self.call(&func, &args).map(Some)
            }
            Step::Filter(func, inner) => loop {
                let Some(v) = self.next(&inner)? else {
                    exhaust(it);
                    return Ok(None);
                };
                let keep = if func.is_none() {
                    self.truthy(&v)?
                } else {
                    let r = self.call(&func, std::slice::from_ref(&v))?;
                    self.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            },
            Step::Callable(func, sentinel) => {
                let v = self.call(&func, &[])?;
                if self.eq(&v, &sentinel)? {
                    exhaust(it);
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
            Step::User(obj) => {
                let r = self.next(&obj)?;
                if r.is_none() {
                    exhaust(it);
                }
                Ok(r)
            }
        })();
        self.leave_native();
        r
    }

    /// Drain any iterable into a Vec.
    pub fn collect(&mut self, iterable: &Value) -> PyResult<Vec<Value>> {
        let gil = self.gil();
        match iterable {
            Value::List(l) => {
                self.check_alloc(l.borrow(gil).len(), std::mem::size_of::<Value>())?;
                Ok(l.borrow(gil).clone())
            }
            Value::Tuple(t) => {
                self.check_alloc(t.items.len(), std::mem::size_of::<Value>())?;
                Ok(t.items.to_vec())
            }
            Value::Dict(d) => Ok(d.borrow(gil).keys().map(|k| k.value.clone()).collect()),
            Value::Set(s) => Ok(crate::object::setorder::values(gil, s)),
            Value::Range(r) => {
                let n = range_len(r.start, r.stop, r.step);
                if n > (1 << 32) {
                    return Err(self.new_error(&self.types().memory_error.clone(), ""));
                }
                self.check_alloc(n as usize, std::mem::size_of::<Value>())?;
                Ok((0..n).map(|i| Value::Int(r.start + i * r.step)).collect())
            }
            _ => {
                let it = self.get_iter(iterable)?;
                let mut out = Vec::new();
                while let Some(v) = self.next(&it)? {
                    out.push(v);
                    if out.len() % (1 << 16) == 0 {
                        self.check_heap()?;
                    }
                }
                Ok(out)
            }
        }
    }

    /// `len(v)`
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        let gil = self.gil();
        let f = match v {
            Value::Str(s) => return Ok(s.char_len),
            Value::List(l) => return Ok(l.borrow(gil).len()),
            Value::Tuple(t) => return Ok(t.items.len()),
            Value::Dict(d) => return Ok(d.borrow(gil).len()),
            Value::Set(s) => return Ok(s.borrow(gil).len()),
            Value::Bytes(b) => return Ok(b.data.len()),
            Value::Range(r) => {
                return match i64::try_from(range_len_exact(r.start, r.stop, r.step)) {
                    Ok(n) => Ok(n as usize),
                    Err(_) => {
                        Err(self.overflow_error("Python int too large to convert to C ssize_t"))
                    }
                }
            }
            Value::Instance(i) => match user_lookup(&i.class, "__len__", gil) {
                None if i.payload.is_some() => {
                    let p = i.payload.clone().unwrap_or_default();
                    return self.len(&p);
                }
                f => f,
            },
            Value::Native(_) => class_lookup(&self.type_of(v), "__len__", gil),
            Value::Class(_) => self.meta_dunder(v, "__len__"),
            _ => None,
        };
        let Some(f) = f else {
            return Err(self.type_error(format!(
                "object of type '{}' has no len()",
                self.type_name(v)
            )));
        };
        match self.call_method_value(&f, v, &[])? {
            Value::Int(n) if n >= 0 => Ok(n as usize),
            Value::Bool(b) => Ok(b as usize),
            Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
            other => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(&other)
            ))),
        }
    }

    /// The CPython type name of a native iterator, for its repr.
    pub(crate) fn iter_type_name(&self, v: &Value) -> &'static str {
        let Value::Iter(it) = v else {
            return "iterator";
        };
        let Some(st) = it.try_borrow(self.gil()) else {
            return "iterator";
        };
        match &*st {
            IterState::List { .. } => "list_iterator",
            IterState::Tuple { .. } => "tuple_iterator",
            IterState::Str { s, .. } => {
                if s.is_ascii() {
                    "str_ascii_iterator"
                } else {
                    "str_iterator"
                }
            }
            IterState::Bytes { .. } => "bytes_iterator",
            IterState::Range { .. } => "range_iterator",
            IterState::Seq { .. } => "dict_keyiterator",
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
            IterState::Callable { .. } => "callable_iterator",
            IterState::User { .. } | IterState::Exhausted => "iterator",
        }
    }
}

fn native_next(
    vm: &mut Vm,
    args: &[Value],
    _: &[(Arc<crate::object::value::PyStr>, Value)],
) -> PyResult<Value> {
    let it = args.first().cloned().unwrap_or_default();
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => {
            let class = vm.types().stop_iteration.clone();
            Err(vm.new_error_args(&class, Vec::new()))
        }
    }
}

fn native_iter(
    _: &mut Vm,
    args: &[Value],
    _: &[(Arc<crate::object::value::PyStr>, Value)],
) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or_default())
}

/// Register the classes of the core's native iterators (so `type()`, `next()` and `iter()`
/// find `__next__`/`__iter__` on them like on any iterator).
pub(crate) fn install(vm: &mut Vm) {
    let object = vm.types().object.clone();
    let gil = vm.gil();
    let names = DICT_ITER_NAMES
        .iter()
        .copied()
        .chain(["iterator", "list_reverseiterator"]);
    for name in names {
        let c = crate::object::types::new_builtin_class(
            name,
            Some(&object),
            crate::object::value::BuiltinType::Native,
        );
        {
            let mut d = c.dict.borrow_mut(gil);
            let mk = |n: &'static str, f: crate::object::value::NativeFn| {
                Value::Builtin(Arc::new(crate::object::value::Builtin {
                    name: n,
                    func: f,
                    receiver: None,
                }))
            };
            d.insert(
                crate::protocol::hash::str_key("__next__"),
                mk("__next__", native_next),
            );
            d.insert(
                crate::protocol::hash::str_key("__iter__"),
                mk("__iter__", native_iter),
            );
        }
        vm.types().natives.borrow_mut(gil).insert(name, c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_lengths() {
        assert_eq!(range_len(0, 10, 1), 10);
        assert_eq!(range_len(0, 10, 3), 4);
        assert_eq!(range_len(10, 0, -3), 4);
        assert_eq!(range_len(0, 0, 1), 0);
        assert_eq!(range_len(5, 0, 1), 0);
        assert_eq!(range_len(i64::MIN, i64::MAX, 1), i64::MAX);
    }
}
