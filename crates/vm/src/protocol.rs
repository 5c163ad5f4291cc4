//! The object protocol: what `repr`, `str`, `==`, `<`, `hash`, truth, iteration, attribute access
//! and the operators do for every kind of value, calling user dunder methods (`__repr__`,
//! `__eq__`, `__lt__`, `__len__`, `__iter__`, `__getattr__`...) where classes define them.

use std::sync::Arc;

use gilvm_syntax::ast::{BinOp, CmpOp};

use crate::error::PyResult;
use crate::value::{Class, Key, Value};
use crate::vm::Vm;

impl Vm {
    /// `repr(v)`
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        let _ = v;
        todo!("H3")
    }
    /// `str(v)`
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        let _ = v;
        todo!("H3")
    }
    /// `bool(v)`
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        let _ = v;
        todo!("H3")
    }
    /// `a == b`
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let _ = (a, b);
        todo!("H3")
    }
    /// `a < b` (what sorted, min and max use).
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let _ = (a, b);
        todo!("H3")
    }
    /// Any comparison operator; the result is usually a bool.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        let _ = (op, a, b);
        todo!("H3")
    }
    /// Any binary operator (`a + b`, ...).
    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        let _ = (op, a, b);
        todo!("H3")
    }
    /// `hash(v)`; TypeError "unhashable type: 'list'" for mutable containers.
    pub fn hash(&mut self, v: &Value) -> PyResult<u64> {
        let _ = v;
        todo!("H3")
    }
    /// A dict/set key for `v` (hash computed once).
    pub fn key(&mut self, v: Value) -> PyResult<Key> {
        let hash = self.hash(&v)?;
        Ok(Key { hash, value: v })
    }
    /// `len(v)`
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        let _ = v;
        todo!("H3")
    }
    /// `iter(v)`
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        let _ = v;
        todo!("H3")
    }
    /// `next(it)`; `Ok(None)` when exhausted (StopIteration is not raised to the caller).
    pub fn next(&mut self, iter: &Value) -> PyResult<Option<Value>> {
        let _ = iter;
        todo!("H3")
    }
    /// Drain any iterable into a Vec.
    pub fn collect(&mut self, iterable: &Value) -> PyResult<Vec<Value>> {
        let _ = iterable;
        todo!("H3")
    }
    /// `getattr(obj, name)`
    pub fn get_attr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let _ = (obj, name);
        todo!("H3")
    }
    /// `getattr(obj, name, None)` without raising: `Ok(None)` when the attribute is missing.
    pub fn get_attr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let _ = (obj, name);
        todo!("H3")
    }
    /// `setattr(obj, name, v)`
    pub fn set_attr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        let _ = (obj, name, v);
        todo!("H3")
    }
    /// `obj[key]`
    pub fn get_item(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        let _ = (obj, key);
        todo!("H3")
    }
    /// `obj[key] = v`
    pub fn set_item(&mut self, obj: &Value, key: &Value, v: Value) -> PyResult<()> {
        let _ = (obj, key, v);
        todo!("H3")
    }
    /// `b in a` (a contains b).
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let _ = (container, item);
        todo!("H3")
    }
    /// `type(v)`
    pub fn type_of(&self, v: &Value) -> Arc<Class> {
        let _ = v;
        todo!("H3")
    }
    /// The type name used in error messages (`'int'`, `'Account'`).
    pub fn type_name(&self, v: &Value) -> String {
        self.type_of(v).name.as_str().to_string()
    }
    /// `isinstance(v, class)` for one class.
    pub fn isinstance(&self, v: &Value, class: &Arc<Class>) -> bool {
        crate::types::is_subclass(&self.type_of(v), class)
    }
}
