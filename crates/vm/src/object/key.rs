//! Hashing: CPython-compatible hashes of numbers, deterministic hashes of str/bytes/tuples,
//! `Key`'s `Hash`/`Eq` (Python equality for the built-in hashable types), and borrowed-str dict
//! lookups that need no `Arc` clone. The `hash()` protocol (calling `__hash__`) is
//! [`crate::protocol::hash`]'s.

use std::hash::{Hash, Hasher};

use indexmap::Equivalent;
use rustc_hash::FxHasher;
use std::cmp::Ordering;
use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::Zero;

use crate::object::value::{DictMap, Key, Value};

/// 2**61 - 1, CPython's modulus for numeric hashes.
const MODULUS: u64 = (1 << 61) - 1;

/// `hash(n)` for an int, exactly as CPython computes it.
pub fn hash_int(n: i64) -> i64 {
    let m = MODULUS as i128;
    let r = (n as i128).abs() % m;
    let mut h = if n < 0 { -r } else { r } as i64;
    if h == -1 {
        h = -2;
    }
    h
}

/// `hash(x)` for a float, exactly as CPython computes it (integral floats hash like the int).
pub fn hash_float(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    } as u32;
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let mut h = (x as i64) * sign;
    if h == -1 {
        h = -2;
    }
    h
}

/// `frexp`: v = m * 2**e with 0.5 <= |m| < 1.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // subnormal: scale up first
        let (m, e) = frexp(v * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m_bits = (bits & !(0x7ffu64 << 52)) | (1022u64 << 52);
    (f64::from_bits(m_bits), e)
}

/// The hash of a str (deterministic within and across runs; CPython randomises it, so no
/// program can depend on its value).
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.write_u8(0xff);
    h.finish()
}

pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(b);
    h.write_u8(0xfe);
    h.finish()
}

/// Identity hash of an object pointer.
pub fn hash_ptr(p: usize) -> u64 {
    (p >> 4) as u64
}

impl Hash for Key {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash)
    }
}

impl PartialEq for Key {
    #[inline]
    fn eq(&self, other: &Key) -> bool {
        self.hash == other.hash && key_eq(&self.value, &other.value)
    }
}

impl Eq for Key {}

/// Python equality restricted to the built-in hashable types; identity for everything else.
pub fn key_eq(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Str(x), Str(y)) => x.s == y.s,
        (Int(x), Int(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => int_float_eq(*x, *y),
        (Float(x), Float(y)) => x == y || (x.is_nan() && y.is_nan() && x.to_bits() == y.to_bits()),
        (Bool(x), Int(y)) | (Int(y), Bool(x)) => *x as i64 == *y,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64 as f64) == *y,
        (Bool(x), Bool(y)) => x == y,
        (BigInt(x), BigInt(y)) => x == y,
        (BigInt(x), Float(y)) | (Float(y), BigInt(x)) => {
            big_float_cmp(x, *y) == Some(std::cmp::Ordering::Equal)
        }
        (Bytes(x), Bytes(y)) => x.data == y.data,
        (Tuple(x), Tuple(y)) => {
            x.items.len() == y.items.len()
                && x.items
                    .iter()
                    .zip(y.items.iter())
                    .all(|(p, q)| key_eq(p, q))
        }
        (Range(x), Range(y)) => std::sync::Arc::ptr_eq(x, y) || range_eq(x, y),
        (Native(_), _) | (_, Native(_)) => {
            if let Some(fa) = crate::object::frozenset::as_frozen(a) {
                return match crate::object::frozenset::as_frozen(frozen_key(b)) {
                    Some(fb) => crate::object::frozenset::eq(fa, fb),
                    Option::None => false,
                };
            }
            if let Some(fb) = crate::object::frozenset::as_frozen(b) {
                return crate::object::frozenset::as_frozen(frozen_key(a))
                    .is_some_and(|fa| crate::object::frozenset::eq(fa, fb));
            }
            match (
                crate::protocol::complex::as_complex(a),
                crate::protocol::complex::as_complex(b),
            ) {
                (Some(z), _) => crate::protocol::complex::key_eq(z, b),
                (_, Some(z)) => crate::protocol::complex::key_eq(z, a),
                _ => a.is(b),
            }
        }
        (Instance(i), _) if payload_key(i) => key_eq(i.payload.as_ref().unwrap_or(a), b),
        (_, Instance(i)) if payload_key(i) => key_eq(a, i.payload.as_ref().unwrap_or(b)),
        (BoundMethod(_), BoundMethod(_)) | (Builtin(_), Builtin(_)) => method_eq(a, b),
        _ => a.is(b),
    }
}

/// Bound methods are equal when bound to the same object (by identity) and to the same
/// function, as CPython's method_richcompare and meth_richcompare; anything else by identity.
pub fn method_eq(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (BoundMethod(x), BoundMethod(y)) => {
            x.receiver.is(&y.receiver) && x.function.is(&y.function)
        }
        (Builtin(x), Builtin(y)) => match (&x.receiver, &y.receiver) {
            (Some(rx), Some(ry)) => {
                rx.is(ry) && x.func as usize == y.func as usize && x.name == y.name
            }
            _ => a.is(b),
        },
        _ => a.is(b),
    }
}

/// `v`, or the payload of an instance that compares as a key by it.
fn frozen_key(v: &Value) -> &Value {
    match v {
        Value::Instance(i) if payload_key(i) => i.payload.as_ref().unwrap_or(v),
        _ => v,
    }
}

/// An instance of a class that defines `__eq__`: as a key it is equal by that method, which
/// `key_eq` cannot call (`Vm::key_in`, protocol/key_match.rs, finds the equal stored key).
pub fn has_own_eq(v: &Value) -> bool {
    matches!(v, Value::Instance(i)
        if crate::object::class::class_flags(&i.class) & crate::object::class::flags::EQ != 0)
}

/// Does an instance compare as a key by its payload (a subclass of a hashable built-in type
/// that does not define `__eq__`)?
fn payload_key(i: &crate::object::value::Instance) -> bool {
    i.payload.is_some()
        && crate::object::class::class_flags(&i.class) & crate::object::class::flags::EQ == 0
}

pub(crate) fn range_eq(a: &crate::object::value::Range, b: &crate::object::value::Range) -> bool {
    let la = crate::object::value::range_len(a.start, a.stop, a.step);
    let lb = crate::object::value::range_len(b.start, b.stop, b.step);
    if la != lb {
        return false;
    }
    if la == 0 {
        return true;
    }
    if a.start != b.start {
        return false;
    }
    la == 1 || a.step == b.step
}

/// Exact comparison of an int and a float.
pub fn int_float_eq(i: i64, f: f64) -> bool {
    if !f.is_finite() || f.fract() != 0.0 {
        return false;
    }
    if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
        return false;
    }
    f as i64 == i
}

/// A borrowed str key for lookups without building a `Value`.
pub struct StrKey<'a> {
    pub hash: u64,
    pub s: &'a str,
}

impl<'a> StrKey<'a> {
    #[inline]
    pub fn new(s: &'a str) -> StrKey<'a> {
        StrKey {
            hash: hash_str(s),
            s,
        }
    }
}

impl Hash for StrKey<'_> {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash)
    }
}

impl Equivalent<Key> for StrKey<'_> {
    #[inline]
    fn equivalent(&self, key: &Key) -> bool {
        match &key.value {
            Value::Str(s) => {
                let k = s.as_str();
                (k.as_ptr() == self.s.as_ptr() && k.len() == self.s.len()) || k == self.s
            }
            _ => false,
        }
    }
}

/// Look a str key up in a dict.
#[inline]
pub fn dict_get_str<'m>(map: &'m DictMap, name: &str) -> Option<&'m Value> {
    map.get(&StrKey::new(name))
}

/// A str key (hash computed).
pub fn str_key(s: &str) -> Key {
    Key {
        hash: hash_str(s),
        value: Value::str(s),
    }
}

/// Exact comparison of an int and a float (None when the float is NaN).
pub fn big_float_cmp(b: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let fl = f.floor();
    let fi = num_traits::FromPrimitive::from_f64(fl).unwrap_or_else(BigInt::zero);
    match b.cmp(&fi) {
        Ordering::Equal if f != fl => Some(Ordering::Less),
        o => Some(o),
    }
}

/// A stable id for an object (its address), as `id()` and default reprs show it.
pub fn object_id(v: &Value) -> usize {
    use Value::*;
    match v {
        Str(a) => Arc::as_ptr(a) as usize,
        Bytes(a) => Arc::as_ptr(a) as usize,
        BigInt(a) => Arc::as_ptr(a) as usize,
        List(a) => Arc::as_ptr(a) as usize,
        Tuple(a) => Arc::as_ptr(a) as usize,
        Dict(a) => Arc::as_ptr(a) as usize,
        Set(a) => Arc::as_ptr(a) as usize,
        Range(a) => Arc::as_ptr(a) as usize,
        Slice(a) => Arc::as_ptr(a) as usize,
        Function(a) => Arc::as_ptr(a) as usize,
        Builtin(a) => Arc::as_ptr(a) as usize,
        BoundMethod(a) => Arc::as_ptr(a) as usize,
        Class(a) => Arc::as_ptr(a) as usize,
        Instance(a) => Arc::as_ptr(a) as usize,
        Module(a) => Arc::as_ptr(a) as usize,
        Iter(a) => Arc::as_ptr(a) as usize,
        Cell(a) => Arc::as_ptr(a) as usize,
        Code(a) => Arc::as_ptr(a) as usize,
        Native(a) => Arc::as_ptr(a) as *const u8 as usize,
        None => 0x1000,
        Ellipsis => 0x1010,
        NotImplemented => 0x1020,
        Bool(b) => 0x1030 + *b as usize * 16,
        Int(i) => 0x2000_0000 ^ (*i as usize).wrapping_mul(16),
        Float(f) => 0x3000_0000 ^ (f.to_bits() as usize).wrapping_mul(16),
    }
}
