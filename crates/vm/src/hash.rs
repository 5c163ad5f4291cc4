//! Hashing: CPython-compatible hashes of numbers, deterministic hashes of str/bytes/tuples,
//! `Key`'s `Hash`/`Eq` (Python equality for the built-in hashable types), and borrowed-str dict
//! lookups that need no `Arc` clone.

use std::hash::{Hash, Hasher};

use indexmap::Equivalent;
use rustc_hash::FxHasher;

use crate::error::PyResult;
use crate::value::{DictMap, Key, Value};
use crate::vm::Vm;

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
            crate::bigint::big_float_cmp(x, *y) == Some(std::cmp::Ordering::Equal)
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
        (Instance(i), _) if payload_key(i) => key_eq(i.payload.as_ref().unwrap_or(a), b),
        (_, Instance(i)) if payload_key(i) => key_eq(a, i.payload.as_ref().unwrap_or(b)),
        _ => a.is(b),
    }
}

/// Does an instance compare as a key by its payload (a subclass of a hashable built-in type
/// that does not define `__eq__`)?
fn payload_key(i: &crate::value::Instance) -> bool {
    i.payload.is_some() && crate::class::class_flags(&i.class) & crate::class::flags::EQ == 0
}

pub(crate) fn range_eq(a: &crate::value::Range, b: &crate::value::Range) -> bool {
    let la = crate::iter::range_len(a.start, a.stop, a.step);
    let lb = crate::iter::range_len(b.start, b.stop, b.step);
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

impl Vm {
    /// `hash(v)` as CPython's signed hash value.
    pub fn hash_signed(&mut self, v: &Value) -> PyResult<i64> {
        Ok(self.hash(v)? as i64)
    }

    pub(crate) fn hash_impl(&mut self, v: &Value) -> PyResult<u64> {
        use Value::*;
        Ok(match v {
            None => 0xfcb1_6a5c,
            Bool(b) => *b as u64,
            Int(i) => hash_int(*i) as u64,
            BigInt(b) => crate::bigint::hash_big(b) as u64,
            Float(f) => hash_float(*f) as u64,
            Str(s) => hash_str(s.as_str()),
            Bytes(b) => hash_bytes(&b.data),
            Tuple(t) => {
                // CPython's xxHash-based tuple hash, over the item hashes.
                let mut acc: u64 = 2870177450012600261;
                for item in t.items.iter() {
                    let h = self.hash_impl(item)?;
                    acc = acc.wrapping_add(h.wrapping_mul(14029467366897019727));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(11400714785074694791);
                }
                acc.wrapping_add((t.items.len() as u64) ^ (2870177450012600261 ^ 3527539))
            }
            List(_) | Dict(_) | Set(_) | Slice(_) => {
                return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            Range(r) => {
                let n = crate::iter::range_len(r.start, r.stop, r.step);
                let mut h = FxHasher::default();
                h.write_i64(n);
                if n > 0 {
                    h.write_i64(r.start);
                }
                if n > 1 {
                    h.write_i64(r.step);
                }
                h.finish()
            }
            Instance(inst) => {
                let class = inst.class.clone();
                match crate::attr::user_hash_kind(self, &class) {
                    crate::attr::HashKind::Identity => match &inst.payload {
                        Some(p @ (List(_) | Dict(_) | Set(_))) | Some(p @ Instance(_)) => {
                            let _ = p;
                            return Err(self.type_error(format!(
                                "unhashable type: '{}'",
                                class.name.as_str()
                            )));
                        }
                        Some(p) => {
                            let p = p.clone();
                            self.hash_impl(&p)?
                        }
                        Option::None => hash_ptr(std::sync::Arc::as_ptr(inst) as usize),
                    },
                    crate::attr::HashKind::Unhashable => {
                        return Err(
                            self.type_error(format!("unhashable type: '{}'", class.name.as_str()))
                        )
                    }
                    crate::attr::HashKind::User(f) => {
                        let r = self.call(&f, std::slice::from_ref(v))?;
                        match r {
                            Int(i) => hash_int(i) as u64,
                            BigInt(b) => crate::bigint::hash_big(&b) as u64,
                            Bool(b) => b as u64,
                            _ => {
                                return Err(
                                    self.type_error("__hash__ method should return an integer")
                                )
                            }
                        }
                    }
                }
            }
            // A native class may set `__hash__` to None (bytearray) or to a native function
            // (memoryview); the others hash by identity.
            Native(_) => {
                let class = self.type_of(v);
                let f = dict_get_str(&class.dict.borrow(self.gil()), "__hash__").cloned();
                match f {
                    Some(None) => {
                        return Err(
                            self.type_error(format!("unhashable type: '{}'", self.type_name(v)))
                        )
                    }
                    Some(f @ Builtin(_)) => match self.call(&f, std::slice::from_ref(v))? {
                        Int(i) => hash_int(i) as u64,
                        _ => hash_ptr(crate::repr::object_id(v)),
                    },
                    _ => hash_ptr(crate::repr::object_id(v)),
                }
            }
            _ => hash_ptr(crate::repr::object_id(v)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_hashes_match_cpython() {
        assert_eq!(hash_int(0), 0);
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(-2), -2);
        assert_eq!(hash_int(12345), 12345);
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_int((1 << 61) - 1), 0);
        assert_eq!(hash_int(-(1 << 61)), -2);
    }

    #[test]
    fn float_hashes_match_cpython() {
        // python3 -c 'print(hash(1.5), hash(0.1), hash(-2.0), hash(1e300), hash(float("inf")))'
        assert_eq!(hash_float(1.5), 1152921504606846977);
        assert_eq!(hash_float(0.1), 230584300921369408);
        assert_eq!(hash_float(-2.0), -2);
        assert_eq!(hash_float(1e300), 1224995262755759164);
        assert_eq!(hash_float(f64::INFINITY), 314159);
        assert_eq!(hash_float(-1.0), -2);
        assert_eq!(hash_float(3.0), hash_int(3));
    }

    #[test]
    fn keys_compare_like_python() {
        assert!(key_eq(&Value::Int(1), &Value::Float(1.0)));
        assert!(key_eq(&Value::Bool(true), &Value::Int(1)));
        assert!(!key_eq(&Value::Int(1), &Value::Float(1.5)));
        assert!(key_eq(&Value::str("a"), &Value::str("a")));
        assert!(!key_eq(&Value::str("a"), &Value::Int(1)));
        assert!(key_eq(
            &Value::tuple(vec![Value::Int(1), Value::str("x")]),
            &Value::tuple(vec![Value::Float(1.0), Value::str("x")])
        ));
    }
}
