//! Unbounded ints: a small int lives inline in `Value::Int(i64)`; a result that does not fit
//! is promoted to `Value::BigInt` (a heap `num_bigint::BigInt`), and every big result that fits
//! an i64 is demoted back, so a `BigInt` value never holds an i64-sized number and equality,
//! hashing and dict keys need no cross-representation cases beyond int/float.

pub use crate::object::key::big_float_cmp;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::sync::atomic::{AtomicUsize, Ordering as AtOrd};
use std::sync::Arc;

use gilvm_syntax::ast::BinOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::interp::vm::Vm;
use crate::object::error::{PyErr, PyResult};
use crate::object::value::Value;
use crate::protocol::ops_numeric::Unary;

/// `sys.get_int_max_str_digits()` (CPython 3.11's default is 4300; 0 means no limit).
pub static MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(4300);

/// The int value of a big integer: inline when it fits an i64 (the demotion invariant).
pub fn big_value(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Arc::new(b)),
    }
}

/// An int-like value (int, bool, big int) as a BigInt.
pub fn to_big(v: &Value) -> Option<BigInt> {
    int_cow(v).map(Cow::into_owned)
}

/// An int-like value (int, bool, big int) as a BigInt, borrowed when it is already big.
pub fn int_cow(v: &Value) -> Option<Cow<'_, BigInt>> {
    match v {
        Value::Int(i) => Some(Cow::Owned(BigInt::from(*i))),
        Value::Bool(b) => Some(Cow::Owned(BigInt::from(*b as i64))),
        Value::BigInt(b) => Some(Cow::Borrowed(&**b)),
        _ => None,
    }
}

/// The exact integer value of a finite integral float.
pub fn big_from_f64(x: f64) -> BigInt {
    num_traits::FromPrimitive::from_f64(x).unwrap_or_default()
}

/// `int(x)` for a float: truncation, with CPython's errors for NaN and infinities.
pub fn float_to_int(vm: &Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&t) {
        return Ok(Value::Int(t as i64));
    }
    Ok(big_value(big_from_f64(t)))
}

/// CPython's `hash()` of an int: the value modulo 2**61 - 1 with the sign kept, -1 -> -2.
pub fn hash_big(b: &BigInt) -> i64 {
    let m = BigInt::from((1u64 << 61) - 1);
    let r = b.abs() % &m;
    let r = r.to_i64().unwrap_or(0);
    let h = if b.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Correctly rounded conversion to float; None when it is too large.
pub fn big_to_f64(b: &BigInt) -> Option<f64> {
    let bits = b.bits();
    if bits <= 64 {
        return b.to_f64();
    }
    // Keep 65 significant bits plus a sticky bit, so the final rounding to 53 bits is exact.
    let shift = bits - 65;
    let mag = b.magnitude();
    let mut top = mag >> shift;
    if (&top << shift) != *mag {
        top |= num_bigint::BigUint::one();
    }
    let f = top.to_f64()? * 2f64.powi(shift.min(2000) as i32);
    if f.is_infinite() {
        return None;
    }
    Some(if b.is_negative() { -f } else { f })
}

/// Correctly rounded `a / b` for ints (b != 0); None when the result overflows a float.
pub fn int_truediv(a: &BigInt, b: &BigInt) -> Option<f64> {
    if a.bits() <= 53 && b.bits() <= 53 {
        return Some(a.to_f64()? / b.to_f64()?);
    }
    let neg = a.is_negative() != b.is_negative();
    let (a, b) = (a.magnitude(), b.magnitude());
    // Scale so the quotient has at least 66 bits, then round once with a sticky bit.
    let shift = 66 + b.bits() as i64 - a.bits() as i64;
    let (n, d) = if shift >= 0 {
        (a << shift as u64, b.clone())
    } else {
        (a.clone(), b << (-shift) as u64)
    };
    let (mut q, r) = n.div_rem(&d);
    if !r.is_zero() {
        q |= num_bigint::BigUint::one();
    }
    let qf = q.to_f64()?;
    let e = -shift;
    let f = if e > 1000 {
        qf * 2f64.powi(1000) * 2f64.powi((e - 1000).min(2000) as i32)
    } else if e < -1000 {
        qf * 2f64.powi(-1000) * 2f64.powi((e + 1000).max(-2000) as i32)
    } else {
        qf * 2f64.powi(e as i32)
    };
    if f.is_infinite() {
        return None;
    }
    Some(if neg { -f } else { f })
}

/// Digits of `b` in `radix` with the 4300-digit limit of `str()` for decimal.
pub fn big_to_string(vm: &Vm, b: &BigInt) -> PyResult<String> {
    let limit = MAX_STR_DIGITS.load(AtOrd::Relaxed);
    if limit > 0 && (b.bits() as f64 * std::f64::consts::LOG10_2) > limit as f64 + 1.0 {
        return Err(too_many_digits_str(vm));
    }
    let s = b.to_string();
    let digits = s.len() - b.is_negative() as usize;
    if limit > 0 && digits > limit {
        return Err(too_many_digits_str(vm));
    }
    Ok(s)
}

fn too_many_digits_str(vm: &Vm) -> PyErr {
    vm.value_error(format!(
        "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        MAX_STR_DIGITS.load(AtOrd::Relaxed)
    ))
}

/// Parse the digits of an int (underscores already validated and removed, sign stripped).
pub fn parse_big(vm: &Vm, digits: &str, radix: u32) -> PyResult<Option<BigInt>> {
    let limit = MAX_STR_DIGITS.load(AtOrd::Relaxed);
    if limit > 0 && !radix.is_power_of_two() && digits.len() > limit {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        )));
    }
    Ok(BigInt::parse_bytes(digits.as_bytes(), radix))
}

/// A big-int literal from the compiler (digits with an optional `-` and 0x/0o/0b prefix).
pub fn literal(text: &str) -> Value {
    let (neg, t) = match text.strip_prefix('-') {
        Some(t) => (true, t),
        None => (false, text),
    };
    let (radix, d) = match t.get(..2) {
        Some("0x") => (16, &t[2..]),
        Some("0o") => (8, &t[2..]),
        Some("0b") => (2, &t[2..]),
        _ => (10, t),
    };
    let b = BigInt::parse_bytes(d.as_bytes(), radix).unwrap_or_default();
    big_value(if neg { -b } else { b })
}

impl Vm {
    /// The slow path of int arithmetic: an i64 operation overflowed, or an operand is big.
    #[cold]
    #[inline(never)]
    pub fn big_binop(&mut self, op: BinOp, x: &BigInt, y: &BigInt) -> PyResult<Option<Value>> {
        Ok(Some(match op {
            BinOp::Add => big_value(x + y),
            BinOp::Sub => big_value(x - y),
            BinOp::Mult => big_value(x * y),
            BinOp::Div => {
                if y.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                match int_truediv(x, y) {
                    Some(f) => Value::Float(f),
                    None => {
                        return Err(
                            self.overflow_error("integer division result too large for a float")
                        )
                    }
                }
            }
            BinOp::FloorDiv => {
                if y.is_zero() {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                big_value(x.div_floor(y))
            }
            BinOp::Mod => {
                if y.is_zero() {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                big_value(x.mod_floor(y))
            }
            BinOp::Pow => {
                if y.is_negative() {
                    if x.is_zero() {
                        return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                    }
                    let xf = big_to_f64(x)
                        .ok_or_else(|| self.overflow_error("int too large to convert to float"))?;
                    let yf = big_to_f64(y).unwrap_or(f64::NEG_INFINITY);
                    return Ok(Some(Value::Float(xf.powf(yf))));
                }
                if x.is_zero() || x.is_one() {
                    return Ok(Some(big_value(x.clone())));
                }
                if *x == BigInt::from(-1) {
                    return Ok(Some(Value::Int(if y.is_even() { 1 } else { -1 })));
                }
                match y.to_u32() {
                    Some(e) if (x.bits() as u128) * (e as u128) < (1u128 << 36) => {
                        big_value(num_traits::Pow::pow(x, e))
                    }
                    _ => return Err(self.memory_error_big()),
                }
            }
            BinOp::LShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                if x.is_zero() {
                    return Ok(Some(Value::Int(0)));
                }
                match y.to_u64() {
                    Some(s) if s < (1u64 << 36) => big_value(x << s),
                    _ => return Err(self.overflow_error("too many digits in integer")),
                }
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                match y.to_u64() {
                    Some(s) if s < x.bits() + 1 => big_value(x >> s),
                    _ => Value::Int(if x.is_negative() { -1 } else { 0 }),
                }
            }
            BinOp::BitAnd => big_value(x & y),
            BinOp::BitOr => big_value(x | y),
            BinOp::BitXor => big_value(x ^ y),
            BinOp::MatMult => return Ok(None),
        }))
    }

    /// `float(b)` for an int: OverflowError "int too large to convert to float".
    pub fn big_to_float(&self, b: &BigInt) -> PyResult<f64> {
        big_to_f64(b).ok_or_else(|| self.overflow_error("int too large to convert to float"))
    }

    /// `builtin_binary` when an operand is a big int (the other an int, bool, float, or a
    /// sequence being repeated).
    #[cold]
    #[inline(never)]
    pub(crate) fn big_binary(
        &mut self,
        op: BinOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        if let (Some(x), Some(y)) = (int_cow(a), int_cow(b)) {
            return self.big_binop(op, &x, &y);
        }
        match (a, b) {
            (Value::BigInt(x), Value::Float(y)) => {
                let x = self.big_to_float(x)?;
                self.float_op(op, x, *y)
            }
            (Value::Float(x), Value::BigInt(y)) => {
                let y = self.big_to_float(y)?;
                self.float_op(op, *x, y)
            }
            (Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_), _)
            | (_, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_))
                if op == BinOp::Mult =>
            {
                Err(self.index_overflow())
            }
            _ => Ok(None),
        }
    }

    /// OverflowError "cannot fit 'int' into an index-sized integer".
    pub fn index_overflow(&self) -> PyErr {
        self.overflow_error("cannot fit 'int' into an index-sized integer")
    }

    /// `-b`, `+b`, `~b` for a big int.
    #[cold]
    pub(crate) fn big_unary(&self, op: Unary, b: &BigInt) -> Value {
        match op {
            Unary::Neg => big_value(-b),
            Unary::Pos => big_value(b.clone()),
            Unary::Invert => big_value(-b - 1),
        }
    }

    /// `-i` overflowed (i64::MIN).
    #[cold]
    pub(crate) fn neg_overflowed(&self, i: i64) -> Value {
        big_value(-BigInt::from(i))
    }

    /// i64 arithmetic overflowed: redo it with big ints.
    #[cold]
    #[inline(never)]
    pub fn int_overflowed(&mut self, op: BinOp, x: i64, y: i64) -> PyResult<Value> {
        let r = self.big_binop(op, &BigInt::from(x), &BigInt::from(y))?;
        Ok(r.unwrap_or(Value::NotImplemented))
    }

    pub fn memory_error_big(&self) -> PyErr {
        self.new_error(&self.types().memory_error.clone(), "")
    }
}

/// The ordering of two numbers when one is a big int: `None` when these are not both numbers,
/// `Some(None)` when a float operand is NaN.
pub fn big_ordering(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    if let (Some(x), Some(y)) = (int_cow(a), int_cow(b)) {
        return Some(Some(x.cmp(&y)));
    }
    match (a, b) {
        (Value::BigInt(x), Value::Float(f)) => Some(big_float_cmp(x, *f)),
        (Value::Float(f), Value::BigInt(x)) => Some(big_float_cmp(x, *f).map(Ordering::reverse)),
        _ => None,
    }
}

/// Three-argument `pow(b, e, m)` of ints of any size: a negative exponent takes the modular
/// inverse; the result has the sign of the modulus, as CPython's.
pub fn big_modpow(vm: &Vm, b: &BigInt, e: &BigInt, m: &BigInt) -> PyResult<Value> {
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let mm = m.abs();
    let mut base = b.mod_floor(&mm);
    if e.is_negative() {
        let g = base.extended_gcd(&mm);
        if !g.gcd.is_one() {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        base = g.x.mod_floor(&mm);
    }
    let mut r = base.modpow(&e.abs(), &mm);
    if m.is_negative() && !r.is_zero() {
        r -= &mm;
    }
    Ok(big_value(r))
}
