//! Raised exceptions (`PyErr`), constructors for the common built-in errors, and traceback
//! printing in CPython's format.

use std::sync::Arc;

use crate::value::{Class, Instance, Value};
use crate::vm::Vm;

/// A raised Python exception: always an instance of a BaseException subclass.
#[derive(Debug, Clone)]
pub struct PyErr(pub Arc<Instance>);

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn value(&self) -> Value {
        Value::Instance(self.0.clone())
    }
    pub fn class(&self) -> &Arc<Class> {
        &self.0.class
    }
}

impl Vm {
    /// A new exception of `class` with one str argument (`class(msg)`).
    pub fn new_error(&self, class: &Arc<Class>, msg: impl Into<String>) -> PyErr {
        let _ = (class, msg.into());
        todo!("H3")
    }
    /// A new exception of `class` with the given args.
    pub fn new_error_args(&self, class: &Arc<Class>, args: Vec<Value>) -> PyErr {
        let _ = (class, args);
        todo!("H3")
    }
    pub fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().type_error.clone(), msg)
    }
    pub fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().value_error.clone(), msg)
    }
    pub fn index_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().index_error.clone(), msg)
    }
    /// `KeyError(key)`: the argument is the key itself (its repr is the message).
    pub fn key_error(&self, key: Value) -> PyErr {
        self.new_error_args(&self.types().key_error.clone(), vec![key])
    }
    pub fn attribute_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().attribute_error.clone(), msg)
    }
    pub fn zero_division(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().zero_division_error.clone(), msg)
    }
    /// gilvm's ints are 64-bit: arithmetic that leaves that range raises this.
    pub fn overflow_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().overflow_error.clone(), msg)
    }
    pub fn runtime_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().runtime_error.clone(), msg)
    }
    pub fn name_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().name_error.clone(), msg)
    }
    pub fn os_error(&self, class: &Arc<Class>, msg: impl Into<String>) -> PyErr {
        self.new_error(class, msg)
    }
    /// Is `err` an instance of `class` (or a subclass)?
    pub fn err_is(&self, err: &PyErr, class: &Arc<Class>) -> bool {
        crate::types::is_subclass(&err.0.class, class)
    }
    /// Render an uncaught exception the way CPython does: "Traceback (most recent call
    /// last):", one `File "x.py", line N, in f` entry per frame with its source line, then
    /// `Type: message` (chained causes and contexts first, as CPython prints them).
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        let _ = err;
        todo!("H3")
    }
}
