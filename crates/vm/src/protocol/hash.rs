//! The `hash()` protocol: `__hash__` of user classes, and `Vm::key` (a value made a dict key).
//! The hashes of the built-in values are [`crate::object::key`]'s.

pub use crate::object::key::*;

use crate::object::error::PyResult;
use rustc_hash::FxHasher;
use std::hash::Hasher;

use crate::interp::vm::Vm;
use crate::object::value::Value;

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
            BigInt(b) => crate::protocol::bigint::hash_big(b) as u64,
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
            // As CPython's method_hash: the receiver's identity with the function's hash.
            BoundMethod(m) => {
                hash_ptr(crate::protocol::repr::object_id(&m.receiver))
                    ^ hash_ptr(crate::protocol::repr::object_id(&m.function))
            }
            Builtin(b) if b.receiver.is_some() => {
                let receiver = b
                    .receiver
                    .as_ref()
                    .map_or(0, crate::protocol::repr::object_id);
                hash_ptr(receiver) ^ hash_ptr(b.func as usize)
            }
            Range(r) => {
                let n = crate::protocol::iter::range_len(r.start, r.stop, r.step);
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
                match crate::protocol::attr::user_hash_kind(self, &class) {
                    crate::protocol::attr::HashKind::Identity => match &inst.payload {
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
                    crate::protocol::attr::HashKind::Unhashable => {
                        return Err(
                            self.type_error(format!("unhashable type: '{}'", class.name.as_str()))
                        )
                    }
                    crate::protocol::attr::HashKind::User(f) => {
                        let r = self.call(&f, std::slice::from_ref(v))?;
                        match r {
                            Int(i) => hash_int(i) as u64,
                            BigInt(b) => crate::protocol::bigint::hash_big(&b) as u64,
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
            // (memoryview, complex); the others hash by identity.
            Native(_) => {
                let class = self.type_of(v);
                let f = dict_get_str(&class.dict.borrow(self.gil()), "__hash__").cloned();
                match f {
                    Some(None) => {
                        return Err(
                            self.type_error(format!("unhashable type: '{}'", self.type_name(v)))
                        )
                    }
                    // Its result is the hash as it is (CPython maps only -1, its error value).
                    Some(f @ Builtin(_)) => match self.call(&f, std::slice::from_ref(v))? {
                        Int(-1) => -2i64 as u64,
                        Int(i) => i as u64,
                        _ => hash_ptr(crate::protocol::repr::object_id(v)),
                    },
                    _ => hash_ptr(crate::protocol::repr::object_id(v)),
                }
            }
            _ => hash_ptr(crate::protocol::repr::object_id(v)),
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
