//! Comparisons: `==` (numeric across types, containers element-wise, user `__eq__` with the
//! reflected operand and identity as the fallback), ordering (numbers, strs, bytes,
//! lexicographic sequences, sets as subset tests, user `__lt__` & co.), `is` and `in`.

use std::sync::Arc;

use gilvm_syntax::ast::CmpOp;

use crate::interp::vm::Vm;
use crate::object::class::{has_payload, strip};
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::protocol::attr::{class_lookup, user_lookup};
use crate::protocol::hash::{int_float_eq, range_eq};

fn dunder(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "__eq__",
        CmpOp::NotEq => "__ne__",
        CmpOp::Lt => "__lt__",
        CmpOp::LtE => "__le__",
        CmpOp::Gt => "__gt__",
        CmpOp::GtE => "__ge__",
        _ => "",
    }
}

fn reflected(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::LtE => CmpOp::GtE,
        CmpOp::GtE => CmpOp::LtE,
        other => other,
    }
}

fn ord_result(op: CmpOp, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less,
        CmpOp::LtE => o != Greater,
        CmpOp::Gt => o == Greater,
        CmpOp::GtE => o != Less,
        CmpOp::Eq => o == Equal,
        _ => o != Equal,
    }
}

fn float_cmp(op: CmpOp, x: f64, y: f64) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        CmpOp::Eq => x == y,
        _ => x != y,
    }
}

/// Exact int/float ordering.
fn int_float_cmp(op: CmpOp, i: i64, f: f64) -> bool {
    if f.is_nan() {
        return matches!(op, CmpOp::NotEq);
    }
    let fi = i as f64;
    if fi != f || f.abs() < 9.0e15 {
        return float_cmp(op, fi, f);
    }
    // Large magnitudes: compare exactly through i128.
    if f >= 1.8e19 {
        return float_cmp(op, 0.0, 1.0);
    }
    if f <= -1.8e19 {
        return float_cmp(op, 1.0, 0.0);
    }
    ord_result(op, (i as i128).cmp(&(f as i128)))
}

impl Vm {
    /// `a == b`
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        use Value::*;
        match (a, b) {
            (Int(x), Int(y)) => Ok(x == y),
            (Str(x), Str(y)) => Ok(Arc::ptr_eq(x, y) || x.s == y.s),
            (Float(x), Float(y)) => Ok(x == y),
            (Int(x), Float(y)) | (Float(y), Int(x)) => Ok(int_float_eq(*x, *y)),
            (Bool(x), Bool(y)) => Ok(x == y),
            (Bool(x), Int(y)) | (Int(y), Bool(x)) => Ok(*x as i64 == *y),
            (Bool(x), Float(y)) | (Float(y), Bool(x)) => Ok(*x as i64 as f64 == *y),
            (BigInt(x), BigInt(y)) => Ok(x == y),
            (BigInt(x), Float(y)) | (Float(y), BigInt(x)) => Ok(
                crate::protocol::bigint::big_float_cmp(x, *y) == Some(std::cmp::Ordering::Equal),
            ),
            (BigInt(_), Int(_) | Bool(_)) | (Int(_) | Bool(_), BigInt(_)) => Ok(false),
            (None, None) => Ok(true),
            (Bytes(x), Bytes(y)) => Ok(x.data == y.data),
            (List(x), List(y)) => {
                if Arc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (xv, yv) = (x.borrow(self.gil()).clone(), y.borrow(self.gil()).clone());
                self.seq_eq(&xv, &yv)
            }
            (Tuple(x), Tuple(y)) => {
                if Arc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (x, y) = (x.clone(), y.clone());
                self.seq_eq(&x.items, &y.items)
            }
            (Dict(x), Dict(y)) => {
                if Arc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let gil = self.gil();
                let xv: Vec<(crate::object::value::Key, Value)> = x
                    .borrow(gil)
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                if xv.len() != y.borrow(gil).len() {
                    return Ok(false);
                }
                self.enter_native()?;
                let r = (|| {
                    for (k, v) in xv {
                        let other = y.borrow(gil).get(&k).cloned();
                        match other {
                            Some(o) => {
                                if !(v.is(&o) || self.eq(&v, &o)?) {
                                    return Ok(false);
                                }
                            }
                            Option::None => return Ok(false),
                        }
                    }
                    Ok(true)
                })();
                self.leave_native();
                r
            }
            (Set(x), Set(y)) => {
                let gil = self.gil();
                let (x, y) = (x.borrow(gil), y.borrow(gil));
                Ok(x.len() == y.len() && x.keys().all(|k| y.contains_key(k)))
            }
            (Range(x), Range(y)) => Ok(range_eq(x, y)),
            // Slices compare as (start, stop, step) tuples.
            (Slice(x), Slice(y)) => Ok((x.start.is(&y.start) || self.eq(&x.start, &y.start)?)
                && (x.stop.is(&y.stop) || self.eq(&x.stop, &y.stop)?)
                && (x.step.is(&y.step) || self.eq(&x.step, &y.step)?)),
            (Instance(_), _) | (_, Instance(_)) | (Native(_), _) | (_, Native(_)) => {
                match self.user_compare(CmpOp::Eq, a, b)? {
                    Some(r) => self.truthy(&r),
                    Option::None if has_payload(a) || has_payload(b) => self.eq(strip(a), strip(b)),
                    Option::None => Ok(a.is(b)),
                }
            }
            (BoundMethod(_), BoundMethod(_)) | (Builtin(_), Builtin(_)) => {
                Ok(crate::object::key::method_eq(a, b))
            }
            _ => Ok(a.is(b)),
        }
    }

    fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        self.enter_native()?;
        let mut r = Ok(true);
        for (p, q) in x.iter().zip(y.iter()) {
            match self.eq(p, q) {
                Ok(true) => {}
                Ok(false) => {
                    r = Ok(p.is(q));
                    if !p.is(q) {
                        break;
                    }
                }
                Err(e) => {
                    r = Err(e);
                    break;
                }
            }
        }
        self.leave_native();
        r
    }

    /// A user (or native-class) rich comparison: `a.__op__(b)`, then the reflection on `b`.
    /// `None` when neither side implements it.
    fn user_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let gil = self.gil();
        let lookup = |vm: &Vm, v: &Value, name: &str| -> Option<Value> {
            match v {
                Value::Instance(i) => user_lookup(&i.class, name, gil),
                Value::Native(_) => {
                    let c = vm.type_of(v);
                    let found =
                        crate::protocol::hash::dict_get_str(&c.dict.borrow(gil), name).cloned();
                    found
                }
                _ => Option::None,
            }
        };
        if let Some(f) = lookup(self, a, dunder(op)) {
            self.enter_native()?;
            let r = self.call_method_value(&f, a, std::slice::from_ref(b));
            self.leave_native();
            let r = r?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
        if let Some(f) = lookup(self, b, dunder(reflected(op))) {
            self.enter_native()?;
            let r = self.call_method_value(&f, b, std::slice::from_ref(a));
            self.leave_native();
            let r = r?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
        Ok(Option::None)
    }

    /// `a < b` (what sorted, min and max use).
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Float(x), Value::Float(y)) => Ok(x < y),
            (Value::Str(x), Value::Str(y)) => Ok(x.s < y.s),
            _ => {
                let r = self.ordering(CmpOp::Lt, a, b)?;
                self.truthy(&r)
            }
        }
    }

    /// `<`, `<=`, `>`, `>=`.
    fn ordering(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        use Value::*;
        let num = |v: &Value| match v {
            Int(i) => Some(Ok(*i)),
            Bool(b) => Some(Ok(*b as i64)),
            Float(f) => Some(Err(*f)),
            _ => Option::None,
        };
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            let r = match (x, y) {
                (Ok(x), Ok(y)) => ord_result(op, x.cmp(&y)),
                (Err(x), Err(y)) => float_cmp(op, x, y),
                (Ok(x), Err(y)) => int_float_cmp(op, x, y),
                (Err(x), Ok(y)) => int_float_cmp(reflected(op), y, x),
            };
            return Ok(Bool(r));
        }
        if matches!(a, BigInt(_)) || matches!(b, BigInt(_)) {
            if let Some(o) = crate::protocol::bigint::big_ordering(a, b) {
                return Ok(Bool(o.is_some_and(|o| ord_result(op, o))));
            }
        }
        match (a, b) {
            (Str(x), Str(y)) => return Ok(Bool(ord_result(op, x.s.cmp(&y.s)))),
            (Bytes(x), Bytes(y)) => return Ok(Bool(ord_result(op, x.data.cmp(&y.data)))),
            (List(x), List(y)) => {
                let (xv, yv) = (x.borrow(self.gil()).clone(), y.borrow(self.gil()).clone());
                return self.seq_ordering(op, &xv, &yv);
            }
            (Tuple(x), Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                return self.seq_ordering(op, &x.items, &y.items);
            }
            (Set(x), Set(y)) => {
                let gil = self.gil();
                let (x, y) = (x.borrow(gil), y.borrow(gil));
                let sub = |p: &crate::object::value::SetMap, q: &crate::object::value::SetMap| {
                    p.keys().all(|k| q.contains_key(k))
                };
                let r = match op {
                    CmpOp::Lt => x.len() < y.len() && sub(&x, &y),
                    CmpOp::LtE => sub(&x, &y),
                    CmpOp::Gt => x.len() > y.len() && sub(&y, &x),
                    _ => sub(&y, &x),
                };
                return Ok(Bool(r));
            }
            _ => {}
        }
        if let Some(r) = self.user_compare(op, a, b)? {
            return Ok(r);
        }
        if has_payload(a) || has_payload(b) {
            let r = self.ordering(op, strip(a), strip(b));
            if r.is_ok() {
                return r;
            }
        }
        Err(self.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            self.type_name(a),
            self.type_name(b)
        )))
    }

    fn seq_ordering(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<Value> {
        for (p, q) in x.iter().zip(y.iter()) {
            if p.is(q) {
                continue;
            }
            self.enter_native()?;
            let e = self.eq(p, q);
            self.leave_native();
            if !e? {
                self.enter_native()?;
                let r = self.ordering(op, p, q);
                self.leave_native();
                return r;
            }
        }
        Ok(Value::Bool(ord_result(op, x.len().cmp(&y.len()))))
    }

    /// Any comparison operator; the result is usually a bool.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match op {
            CmpOp::Eq => {
                if let (Value::Instance(_), _) | (_, Value::Instance(_)) = (a, b) {
                    if let Some(r) = self.user_compare(CmpOp::Eq, a, b)? {
                        return Ok(r);
                    }
                    if has_payload(a) || has_payload(b) {
                        return Ok(Value::Bool(self.eq(strip(a), strip(b))?));
                    }
                    return Ok(Value::Bool(a.is(b)));
                }
                Ok(Value::Bool(self.eq(a, b)?))
            }
            CmpOp::NotEq => {
                if let (Value::Instance(_), _) | (_, Value::Instance(_)) = (a, b) {
                    if let Some(r) = self.user_compare(CmpOp::NotEq, a, b)? {
                        return Ok(r);
                    }
                    if has_payload(a) || has_payload(b) {
                        return Ok(Value::Bool(!self.eq(strip(a), strip(b))?));
                    }
                }
                Ok(Value::Bool(!self.eq(a, b)?))
            }
            CmpOp::Is => Ok(Value::Bool(a.is(b))),
            CmpOp::IsNot => Ok(Value::Bool(!a.is(b))),
            CmpOp::In => Ok(Value::Bool(self.contains(b, a)?)),
            CmpOp::NotIn => Ok(Value::Bool(!self.contains(b, a)?)),
            _ => self.ordering(op, a, b),
        }
    }

    /// `b in a` (a contains b).
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        use Value::*;
        let gil = self.gil();
        match container {
            List(l) => {
                let items = l.borrow(gil).clone();
                self.seq_contains(&items, item)
            }
            Tuple(t) => {
                let t = t.clone();
                self.seq_contains(&t.items, item)
            }
            Str(s) => match item {
                Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                other => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(other)
                ))),
            },
            Bytes(_) => crate::builtins::buffer::contains(self, container, item),
            Dict(d) => {
                let k = self.key_in(d, item.clone())?;
                Ok(d.borrow(gil).contains_key(&k))
            }
            Set(s) => {
                let item =
                    crate::object::frozenset::set_as_key(gil, item).unwrap_or_else(|| item.clone());
                let k = self.key_in(s, item)?;
                Ok(s.borrow(gil).contains_key(&k))
            }
            Range(r) => match item {
                Int(_) | Bool(_) => {
                    let i = match item {
                        Int(i) => *i,
                        Bool(b) => *b as i64,
                        _ => 0,
                    };
                    let (start, stop, step) = (r.start as i128, r.stop as i128, r.step as i128);
                    let i = i as i128;
                    let inside = if step > 0 {
                        start <= i && i < stop
                    } else {
                        stop < i && i <= start
                    };
                    Ok(inside && (i - start) % step == 0)
                }
                _ => {
                    let items = self.collect(container)?;
                    self.seq_contains(&items, item)
                }
            },
            Instance(inst) => {
                if let Some(f) = user_lookup(&inst.class, "__contains__", gil) {
                    let r = self.call_method_value(&f, container, std::slice::from_ref(item))?;
                    return self.truthy(&r);
                }
                if let Some(p) = &inst.payload {
                    if user_lookup(&inst.class, "__iter__", gil).is_none() {
                        return self.contains(p, item);
                    }
                }
                if user_lookup(&inst.class, "__iter__", gil).is_some()
                    || user_lookup(&inst.class, "__getitem__", gil).is_some()
                {
                    return self.iter_contains(container, item);
                }
                Err(self.type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                )))
            }
            Native(_) => {
                let class = self.type_of(container);
                if let Some(f) = class_lookup(&class, "__contains__", gil) {
                    let r = self.call_method_value(&f, container, std::slice::from_ref(item))?;
                    return self.truthy(&r);
                }
                self.iter_contains(container, item)
            }
            Iter(_) => self.iter_contains(container, item),
            Class(_) => {
                if let Some(f) = self.meta_dunder(container, "__contains__") {
                    let r = self.call_method_value(&f, container, std::slice::from_ref(item))?;
                    return self.truthy(&r);
                }
                if self.meta_dunder(container, "__iter__").is_some() {
                    return self.iter_contains(container, item);
                }
                Err(self.type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                )))
            }
            _ => Err(self.type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            ))),
        }
    }

    fn seq_contains(&mut self, items: &[Value], item: &Value) -> PyResult<bool> {
        for x in items {
            if x.is(item) || self.eq(x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn iter_contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = self.get_iter(container)?;
        while let Some(x) = self.next(&it)? {
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
