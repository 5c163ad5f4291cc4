//! The object protocol: what `repr`, `str`, `==`, `<`, `hash`, truth, iteration, attribute access
//! and the operators do for every kind of value, calling user dunder methods (`__repr__`,
//! `__eq__`, `__lt__`, `__len__`, `__iter__`, `__getattr__`...) where classes define them.
//!
//! The public entry points are methods of [`Vm`], split by concept:
//! - [`crate::protocol::repr`]: `repr`, `to_str`
//! - [`crate::protocol::ops_numeric`]: `binary_op`, `inplace_op`, `unary_op`
//! - [`crate::protocol::ops_compare`]: `eq`, `lt`, `compare`, `contains`
//! - [`crate::protocol::hash`]: `hash` (here), `Key`'s `Hash`/`Eq`
//! - [`crate::protocol::attr`]: `get_attr`, `get_attr_opt`, `set_attr`, `del_attr`
//! - [`crate::protocol::item`]: `get_item`, `set_item`, `del_item`
//! - [`crate::protocol::iter`]: `get_iter`, `next`, `collect`, `len`
//! - here: `truthy`, `hash`, `key`, `type_of`, `type_name`, `isinstance`

pub mod attr;
pub mod bigint;
pub mod coerce;
pub mod complex;
pub mod format;
pub mod hash;
pub mod item;
pub mod iter;
pub mod key_match;
pub mod ops_compare;
pub mod ops_numeric;
pub mod repr;
pub(crate) mod subclass;
pub mod unsupported;

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::value::{Class, Key, Value};
use crate::protocol::attr::{class_lookup, user_lookup};

impl Vm {
    /// `bool(v)`
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        let gil = self.gil();
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.s.is_empty(),
            Value::Bytes(b) => !b.data.is_empty(),
            Value::List(l) => !l.borrow(gil).is_empty(),
            Value::Tuple(t) => !t.items.is_empty(),
            Value::Dict(d) => !d.borrow(gil).is_empty(),
            Value::Set(s) => !s.borrow(gil).is_empty(),
            Value::Range(r) => crate::protocol::iter::range_len(r.start, r.stop, r.step) != 0,
            Value::Instance(inst) => {
                if let Some(f) = user_lookup(&inst.class, "__bool__", gil) {
                    return match self.call_method_value(&f, v, &[])? {
                        Value::Bool(b) => Ok(b),
                        other => Err(self.type_error(format!(
                            "__bool__ should return bool, returned {}",
                            self.type_name(&other)
                        ))),
                    };
                }
                if user_lookup(&inst.class, "__len__", gil).is_some() {
                    return Ok(self.len(v)? != 0);
                }
                if let Some(p) = &inst.payload {
                    let p = p.clone();
                    return self.truthy(&p);
                }
                true
            }
            Value::Native(_) => {
                let class = self.type_of(v);
                if let Some(f) = class_lookup(&class, "__bool__", gil) {
                    let r = self.call_method_value(&f, v, &[])?;
                    return Ok(matches!(r, Value::Bool(true)));
                }
                if class_lookup(&class, "__len__", gil).is_some() {
                    return Ok(self.len(v)? != 0);
                }
                true
            }
            _ => true,
        })
    }

    /// `hash(v)`; TypeError "unhashable type: 'list'" for mutable containers.
    pub fn hash(&mut self, v: &Value) -> PyResult<u64> {
        match v {
            Value::Str(s) => Ok(crate::protocol::hash::hash_str(s.as_str())),
            Value::Int(i) => Ok(crate::protocol::hash::hash_int(*i) as u64),
            _ => self.hash_impl(v),
        }
    }

    /// A dict/set key for `v` (hash computed once).
    pub fn key(&mut self, v: Value) -> PyResult<Key> {
        let hash = self.hash(&v)?;
        Ok(Key { hash, value: v })
    }

    /// `type(v)`
    pub fn type_of(&self, v: &Value) -> Arc<Class> {
        let t = self.types();
        match v {
            Value::None => t.none_type.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(_) => t.set.clone(),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::BoundMethod(_) => t.method.clone(),
            Value::Class(c) => c.meta.clone().unwrap_or_else(|| t.type_.clone()),
            Value::Instance(i) => i.class.clone(),
            Value::Module(_) => t.module.clone(),
            Value::Iter(_) => t.iterator.clone(),
            Value::Cell(_) => t.cell.clone(),
            Value::Code(_) => t.code.clone(),
            Value::Native(n) => t
                .natives
                .borrow(self.gil())
                .get(n.type_name())
                .cloned()
                .unwrap_or_else(|| t.object.clone()),
            Value::Ellipsis => t.ellipsis.clone(),
            Value::NotImplemented => t.not_implemented.clone(),
        }
    }

    /// The type name used in error messages (`'int'`, `'Account'`).
    pub fn type_name(&self, v: &Value) -> String {
        match v {
            Value::Native(n) => n.type_name().rsplit('.').next().unwrap_or("").to_string(),
            _ => self.type_of(v).name.as_str().to_string(),
        }
    }

    /// `isinstance(v, class)` for one class.
    pub fn isinstance(&self, v: &Value, class: &Arc<Class>) -> bool {
        crate::object::types::is_subclass(&self.type_of(v), class)
    }
}
