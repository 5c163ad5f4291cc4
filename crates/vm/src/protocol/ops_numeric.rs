//! Binary and unary operators: 64-bit int arithmetic (overflow goes to `bigint`), floats
//! with Python's floor-division and modulo sign rules, sequence concatenation and repetition,
//! `%` formatting, set and dict operators, and user dunders with reflected operands.

use std::sync::Arc;

use gilvm_syntax::ast::BinOp;

use crate::interp::vm::Vm;
use crate::object::class::{has_payload, strip};
use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::value::{PyBytes, Value};
use crate::protocol::attr::user_lookup;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unary {
    Neg,
    Pos,
    Invert,
}

/// (`__op__`, `__rop__`, `__iop__`)
pub fn dunder_names(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mult => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
    }
}

enum Num {
    I(i64),
    F(f64),
}

fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Float(f) => Some(Num::F(*f)),
        _ => None,
    }
}

fn as_index(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

/// Python's float divmod: (floor quotient, modulo with the sign of the divisor).
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// Python's int floor division and modulo (None on division by zero or overflow).
pub fn int_floordiv(x: i64, y: i64) -> Option<i64> {
    let q = x.checked_div(y)?;
    if x % y != 0 && ((x < 0) != (y < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

pub fn int_mod(x: i64, y: i64) -> Option<i64> {
    if y == 0 {
        return None;
    }
    let r = x.checked_rem(y).unwrap_or(0);
    if r != 0 && ((r < 0) != (y < 0)) {
        Some(r + y)
    } else {
        Some(r)
    }
}

fn repeat_count(n: i64) -> usize {
    if n < 0 {
        0
    } else {
        n as usize
    }
}

impl Vm {
    fn int_op(&mut self, op: BinOp, x: i64, y: i64) -> PyResult<Option<Value>> {
        Ok(Some(match op {
            BinOp::Add => match x.checked_add(y) {
                Some(r) => Value::Int(r),
                None => return self.int_overflowed(op, x, y).map(Some),
            },
            BinOp::Sub => match x.checked_sub(y) {
                Some(r) => Value::Int(r),
                None => return self.int_overflowed(op, x, y).map(Some),
            },
            BinOp::Mult => match x.checked_mul(y) {
                Some(r) => Value::Int(r),
                None => return self.int_overflowed(op, x, y).map(Some),
            },
            BinOp::Div => {
                if y == 0 {
                    return Err(self.zero_division("division by zero"));
                }
                if x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53 {
                    Value::Float(x as f64 / y as f64)
                } else {
                    return self.int_overflowed(op, x, y).map(Some);
                }
            }
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                match int_floordiv(x, y) {
                    Some(r) => Value::Int(r),
                    None => return self.int_overflowed(op, x, y).map(Some),
                }
            }
            BinOp::Mod => match int_mod(x, y) {
                Some(r) => Value::Int(r),
                None => return Err(self.zero_division("integer modulo by zero")),
            },
            BinOp::Pow => {
                if y < 0 {
                    if x == 0 {
                        return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                    }
                    Value::Float((x as f64).powf(y as f64))
                } else {
                    let e = u32::try_from(y).ok();
                    match e.and_then(|e| x.checked_pow(e)) {
                        Some(r) => Value::Int(r),
                        None if x == 0 || x == 1 => Value::Int(x),
                        None if x == -1 => Value::Int(if y % 2 == 0 { 1 } else { -1 }),
                        None => return self.int_overflowed(op, x, y).map(Some),
                    }
                }
            }
            BinOp::LShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if x == 0 {
                    Value::Int(0)
                } else if y >= 64 {
                    return self.int_overflowed(op, x, y).map(Some);
                } else {
                    let r = x << y;
                    if r >> y != x {
                        return self.int_overflowed(op, x, y).map(Some);
                    }
                    Value::Int(r)
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                Value::Int(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                })
            }
            BinOp::BitAnd => Value::Int(x & y),
            BinOp::BitOr => Value::Int(x | y),
            BinOp::BitXor => Value::Int(x ^ y),
            BinOp::MatMult => return Ok(None),
        }))
    }

    pub(crate) fn float_op(&mut self, op: BinOp, x: f64, y: f64) -> PyResult<Option<Value>> {
        Ok(Some(Value::Float(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mult => x * y,
            BinOp::Div => {
                if y == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                float_divmod(x, y).0
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.zero_division("float modulo"));
                }
                float_divmod(x, y).1
            }
            BinOp::Pow => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                }
                if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                    // CPython's float_pow hands this case to complex_pow.
                    let c = |re| crate::protocol::complex::Complex { re, im: 0.0 };
                    return crate::protocol::complex::pow_values(self, c(x), c(y)).map(Some);
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(self.overflow_error("(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => return Ok(None),
        })))
    }

    /// The operator on built-in types; `Ok(None)` when not supported for these types.
    pub(crate) fn builtin_binary(
        &mut self,
        op: BinOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        use Value::*;
        let gil = self.gil();
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            if let (Bool(p), Bool(q)) = (a, b) {
                match op {
                    BinOp::BitAnd => return Ok(Some(Bool(p & q))),
                    BinOp::BitOr => return Ok(Some(Bool(p | q))),
                    BinOp::BitXor => return Ok(Some(Bool(p ^ q))),
                    _ => {}
                }
            }
            return match (x, y) {
                (Num::I(x), Num::I(y)) => self.int_op(op, x, y),
                (Num::I(x), Num::F(y)) => self.float_op(op, x as f64, y),
                (Num::F(x), Num::I(y)) => self.float_op(op, x, y as f64),
                (Num::F(x), Num::F(y)) => self.float_op(op, x, y),
            };
        }
        let formats = op == BinOp::Mod && matches!(a, Str(_) | Bytes(_)); // `"%d" % big`
        if (matches!(a, BigInt(_)) || matches!(b, BigInt(_))) && !formats {
            return self.big_binary(op, a, b);
        }
        Ok(match (op, a, b) {
            (BinOp::Add, Str(x), Str(y)) => {
                self.check_alloc(x.s.len().saturating_add(y.s.len()), 1)?;
                let mut s = String::with_capacity(x.s.len() + y.s.len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Some(Value::str(s))
            }
            (BinOp::Mult, Str(s), n) | (BinOp::Mult, n, Str(s)) if as_index(n).is_some() => {
                let n = repeat_count(as_index(n).unwrap_or(0));
                self.check_alloc(s.s.len(), n)?;
                Some(Value::str(s.as_str().repeat(n)))
            }
            (BinOp::Mod, Str(s), args) => Some(Value::str(
                crate::protocol::format::percent_format(self, s.as_str(), args)?,
            )),
            (BinOp::Add, List(x), List(y)) => {
                let n = x.borrow(gil).len().saturating_add(y.borrow(gil).len());
                self.check_alloc(n, std::mem::size_of::<Value>())?;
                let mut v = x.borrow(gil).clone();
                v.extend(y.borrow(gil).iter().cloned());
                Some(Value::list(v))
            }
            (BinOp::Mult, List(l), n) | (BinOp::Mult, n, List(l)) if as_index(n).is_some() => {
                let n = repeat_count(as_index(n).unwrap_or(0));
                let items = l.borrow(gil).clone();
                Some(Value::list(self.repeat_items(&items, n)?))
            }
            (BinOp::Add, Tuple(x), Tuple(y)) => {
                let n = x.items.len().saturating_add(y.items.len());
                self.check_alloc(n, std::mem::size_of::<Value>())?;
                let mut v = x.items.to_vec();
                v.extend(y.items.iter().cloned());
                Some(Value::tuple(v))
            }
            (BinOp::Mult, Tuple(t), n) | (BinOp::Mult, n, Tuple(t)) if as_index(n).is_some() => {
                let n = repeat_count(as_index(n).unwrap_or(0));
                Some(Value::tuple(self.repeat_items(&t.items, n)?))
            }
            (BinOp::Add, Bytes(x), Bytes(y)) => {
                self.check_alloc(x.data.len().saturating_add(y.data.len()), 1)?;
                let mut v = x.data.to_vec();
                v.extend_from_slice(&y.data);
                Some(Bytes(Arc::new(PyBytes {
                    data: v.into_boxed_slice(),
                })))
            }
            // bytes + bytearray / memoryview is bytes (buffer.rs).
            (BinOp::Add, Bytes(x), y @ Native(_)) if crate::builtins::buffer::is_buffer(y) => {
                let y = crate::builtins::buffer::need_buffer(self, y)?;
                self.check_alloc(x.data.len().saturating_add(y.len()), 1)?;
                let mut v = x.data.to_vec();
                v.extend_from_slice(&y);
                Some(crate::builtins::buffer::new_bytes(v))
            }
            (BinOp::Mod, Bytes(x), args) => Some(crate::builtins::buffer::new_bytes(
                crate::protocol::format::bytes_percent_format(self, &x.data, args)?,
            )),
            (BinOp::Mult, Bytes(x), n) | (BinOp::Mult, n, Bytes(x)) if as_index(n).is_some() => {
                let n = repeat_count(as_index(n).unwrap_or(0));
                self.check_alloc(x.data.len(), n)?;
                Some(Bytes(Arc::new(PyBytes {
                    data: x.data.repeat(n).into_boxed_slice(),
                })))
            }
            (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Set(x), Set(y)) => {
                Some(crate::object::set_algebra::binary(self, set_op(op), x, y))
            }
            (BinOp::BitOr, Dict(x), Dict(y)) => {
                let mut m = x.borrow(gil).clone();
                for (k, v) in y.borrow(gil).iter() {
                    m.insert(k.clone(), v.clone());
                }
                Some(Value::Dict(Arc::new(GilCell::new(m))))
            }
            _ => Option::None,
        })
    }

    fn repeat_items(&self, items: &[Value], n: usize) -> PyResult<Vec<Value>> {
        if items.len().saturating_mul(n) > (1 << 32) {
            return Err(self.new_error(&self.types().memory_error.clone(), ""));
        }
        self.check_alloc(items.len() * n, std::mem::size_of::<Value>())?;
        let mut v = Vec::with_capacity(items.len() * n);
        for _ in 0..n {
            v.extend_from_slice(items);
        }
        Ok(v)
    }

    /// Any binary operator (`a + b`, ...).
    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(r) = self.builtin_binary(op, a, b)? {
            return Ok(r);
        }
        if let Some(r) = self.user_binary(op, a, b)? {
            return Ok(r);
        }
        if has_payload(a) || has_payload(b) {
            let (sa, sb) = (strip(a), strip(b));
            if let Some(r) = self.builtin_binary(op, sa, sb)? {
                return Ok(r);
            }
            // A subclass of a native type (frozenset): the type's own dunders.
            if matches!(sa, Value::Native(_)) || matches!(sb, Value::Native(_)) {
                if let Some(r) = self.user_binary(op, sa, sb)? {
                    return Ok(r);
                }
            }
        }
        Err(self.binary_type_error(op, a, b))
    }

    /// `a.__op__(b)`, then `b.__rop__(a)`; `None` if neither applies.
    fn user_binary(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let (name, rname, _) = dunder_names(op);
        let gil = self.gil();
        if let Value::Instance(ai) = a {
            if let Some(f) = user_lookup(&ai.class, name, gil) {
                let r = self.call_method_value(&f, a, std::slice::from_ref(b))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        // Native types with operator dunders (dict views: `d.keys() & s`).
        if let Value::Native(_) = a {
            let class = self.type_of(a);
            let f = crate::protocol::hash::dict_get_str(&class.dict.borrow(gil), name).cloned();
            if let Some(f) = f {
                let r = self.call_method_value(&f, a, std::slice::from_ref(b))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        if let Value::Instance(bi) = b {
            let same = matches!(a, Value::Instance(ai) if Arc::ptr_eq(&ai.class, &bi.class));
            if !same {
                if let Some(f) = user_lookup(&bi.class, rname, gil) {
                    let r = self.call_method_value(&f, b, std::slice::from_ref(a))?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(Some(r));
                    }
                }
            }
        }
        if let Value::Native(_) = b {
            let class = self.type_of(b);
            let f = crate::protocol::hash::dict_get_str(&class.dict.borrow(gil), rname).cloned();
            if let Some(f) = f {
                let r = self.call_method_value(&f, b, std::slice::from_ref(a))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    #[cold]
    fn binary_type_error(&self, op: BinOp, a: &Value, b: &Value) -> crate::PyErr {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        match (op, a) {
            (BinOp::Add, Value::Str(_)) => {
                self.type_error(format!("can only concatenate str (not \"{tb}\") to str"))
            }
            (BinOp::Add, Value::List(_)) => {
                self.type_error(format!("can only concatenate list (not \"{tb}\") to list"))
            }
            (BinOp::Add, Value::Tuple(_)) => self.type_error(format!(
                "can only concatenate tuple (not \"{tb}\") to tuple"
            )),
            (BinOp::Add, Value::Bytes(_)) => self.type_error(format!("can't concat {tb} to bytes")),
            (BinOp::Mult, _)
                if matches!(
                    a,
                    Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
                ) || matches!(
                    b,
                    Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
                ) || crate::builtins::buffer::as_bytearray(a).is_some() =>
            {
                let other = if matches!(
                    a,
                    Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
                ) {
                    tb
                } else {
                    ta
                };
                self.type_error(format!(
                    "can't multiply sequence by non-int of type '{other}'"
                ))
            }
            (BinOp::Pow, _) => self.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{ta}' and '{tb}'"
            )),
            _ => self.type_error(format!(
                "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
                op.symbol()
            )),
        }
    }

    /// `a op= b`: in place for lists, sets, dicts and user `__iop__`, else as `a op b`.
    pub fn inplace_op(&mut self, op: BinOp, a: Value, b: &Value) -> PyResult<Value> {
        let gil = self.gil();
        match (op, &a, b) {
            (BinOp::Add, Value::List(l), _) => {
                let items = self.collect(b).map_err(|e| {
                    if matches!(
                        b,
                        Value::Int(_) | Value::Float(_) | Value::None | Value::Bool(_)
                    ) {
                        self.type_error(format!("'{}' object is not iterable", self.type_name(b)))
                    } else {
                        e
                    }
                })?;
                let n = l.borrow(gil).len().saturating_add(items.len());
                self.check_alloc(n, std::mem::size_of::<Value>())?;
                l.borrow_mut(gil).extend(items);
                return Ok(a);
            }
            (BinOp::Mult, Value::List(l), n) if as_index(n).is_some() => {
                let n = repeat_count(as_index(n).unwrap_or(0));
                let items = l.borrow(gil).clone();
                let rep = self.repeat_items(&items, n)?;
                *l.borrow_mut(gil) = rep;
                return Ok(a);
            }
            (
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                Value::Set(x),
                Value::Set(y),
            ) => {
                crate::object::set_algebra::inplace(self, set_op(op), x, y);
                return Ok(a);
            }
            (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Value::Set(x), y)
                if crate::object::frozenset::as_frozen_any(y).is_some() =>
            {
                if let Some(f) = crate::object::frozenset::as_frozen_any(y) {
                    let y = crate::object::frozenset::to_set(gil, f);
                    crate::object::set_algebra::inplace(self, set_op(op), x, &y);
                }
                return Ok(a);
            }
            (BinOp::BitOr, Value::Dict(x), _) => {
                let items = self.mapping_items(b)?;
                x.borrow_mut(gil).extend(items);
                return Ok(a);
            }
            (_, Value::Instance(ai), _) => {
                let (_, _, iname) = dunder_names(op);
                if let Some(f) = user_lookup(&ai.class, iname, gil) {
                    let r = self.call_method_value(&f, &a, std::slice::from_ref(b))?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
                // A mutable built-in payload is updated in place (`list.__iadd__` returns self).
                if let Some(p @ (Value::List(_) | Value::Set(_) | Value::Dict(_))) = &ai.payload {
                    let p = p.clone();
                    let r = self.inplace_op(op, p.clone(), strip(b))?;
                    return Ok(if r.is(&p) { a } else { r });
                }
            }
            // Native types with in-place dunders (`bytearray += b"x"`).
            (_, Value::Native(_), _) => {
                let (_, _, iname) = dunder_names(op);
                let class = self.type_of(&a);
                let f =
                    crate::protocol::hash::dict_get_str(&class.dict.borrow(gil), iname).cloned();
                if let Some(f) = f {
                    let r = self.call_method_value(&f, &a, std::slice::from_ref(b))?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            _ => {}
        }
        self.binary_op(op, &a, b)
    }

    /// `-a`, `+a`, `~a`.
    pub fn unary_op(&mut self, op: Unary, a: &Value) -> PyResult<Value> {
        match (op, a) {
            (Unary::Neg, Value::Int(i)) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => self.neg_overflowed(*i),
            }),
            (_, Value::BigInt(b)) => Ok(self.big_unary(op, b)),
            (Unary::Neg, Value::Bool(b)) => Ok(Value::Int(-(*b as i64))),
            (Unary::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
            (Unary::Pos, Value::Int(i)) => Ok(Value::Int(*i)),
            (Unary::Pos, Value::Bool(b)) => Ok(Value::Int(*b as i64)),
            (Unary::Pos, Value::Float(f)) => Ok(Value::Float(*f)),
            (Unary::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
            (Unary::Invert, Value::Bool(b)) => Ok(Value::Int(!(*b as i64))),
            _ => {
                let (name, sym) = match op {
                    Unary::Neg => ("__neg__", "-"),
                    Unary::Pos => ("__pos__", "+"),
                    Unary::Invert => ("__invert__", "~"),
                };
                if let Value::Native(_) = a {
                    let class = self.type_of(a);
                    let f =
                        crate::protocol::hash::dict_get_str(&class.dict.borrow(self.gil()), name)
                            .cloned();
                    if let Some(f) = f {
                        return self.call_method_value(&f, a, &[]);
                    }
                }
                if let Value::Instance(inst) = a {
                    if let Some(f) = user_lookup(&inst.class, name, self.gil()) {
                        return self.call_method_value(&f, a, &[]);
                    }
                    if let Some(p) = &inst.payload {
                        if !matches!(p, Value::Instance(_)) {
                            let p = p.clone();
                            return self.unary_op(op, &p);
                        }
                    }
                }
                Err(self.type_error(format!(
                    "bad operand type for unary {sym}: '{}'",
                    self.type_name(a)
                )))
            }
        }
    }
}

fn set_op(op: BinOp) -> crate::object::set_algebra::SetOp {
    use crate::object::set_algebra::SetOp;
    match op {
        BinOp::BitOr => SetOp::Or,
        BinOp::BitAnd => SetOp::And,
        BinOp::Sub => SetOp::Sub,
        _ => SetOp::Xor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_division_and_modulo_follow_python_signs() {
        assert_eq!(int_floordiv(7, 2), Some(3));
        assert_eq!(int_floordiv(-7, 2), Some(-4));
        assert_eq!(int_floordiv(7, -2), Some(-4));
        assert_eq!(int_floordiv(i64::MIN, -1), None);
        assert_eq!(int_mod(-7, 2), Some(1));
        assert_eq!(int_mod(7, -2), Some(-1));
        assert_eq!(int_mod(i64::MIN, -1), Some(0));
        assert_eq!(float_divmod(-7.5, 2.0), (-4.0, 0.5));
        assert_eq!(float_divmod(7.5, -2.0), (-4.0, -0.5));
    }
}
