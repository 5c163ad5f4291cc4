//! Run-time support of the `match` statement (PEP 634): the instructions `MatchSequence`,
//! `MatchMapping`, `GetLen`, `MatchKeys`, `CopyDictWithoutKeys` and `MatchClass`, with
//! CPython 3.11's rules and error messages (see `gilvm_compiler::compile::pattern` for the
//! layout the compiler emits around them).

use crate::interp::vm::Vm;
use crate::object::class::strip;
use crate::object::value::{BuiltinType, Value};
use crate::PyResult;

impl Vm {
    /// Is `v` a sequence for matching? list, tuple, range and their subclasses (str, bytes and
    /// bytearray never are).
    pub(crate) fn match_is_sequence(&self, v: &Value) -> bool {
        matches!(strip(v), Value::List(_) | Value::Tuple(_) | Value::Range(_))
    }

    /// Is `v` a mapping for matching? A dict or a dict subclass.
    pub(crate) fn match_is_mapping(&self, v: &Value) -> bool {
        matches!(strip(v), Value::Dict(_))
    }

    /// `MatchKeys`: the values of `keys` in the mapping `subject` (through its `get`, as
    /// CPython does), or None when one is missing.
    pub(crate) fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let Value::Tuple(keys) = keys else {
            return Err(self.type_error("gilvm: MatchKeys without a key tuple"));
        };
        let get = self.get_attr(subject, "get")?;
        let sentinel = Value::list(Vec::new());
        let mut values = Vec::with_capacity(keys.items.len());
        for (i, key) in keys.items.iter().enumerate() {
            for earlier in &keys.items[..i] {
                if self.eq(earlier, key)? {
                    let r = self.repr(key)?;
                    return Err(
                        self.value_error(format!("mapping pattern checks duplicate key ({r})"))
                    );
                }
            }
            let v = self.call(&get, &[key.clone(), sentinel.clone()])?;
            if v.is(&sentinel) {
                return Ok(Value::None);
            }
            values.push(v);
        }
        Ok(Value::tuple(values))
    }

    /// `CopyDictWithoutKeys`: `dict(subject)` without `keys` (for `**rest`).
    pub(crate) fn copy_dict_without_keys(
        &mut self,
        subject: &Value,
        keys: &Value,
    ) -> PyResult<Value> {
        let dict = Value::Class(self.types().dict.clone());
        let copy = self.call(&dict, std::slice::from_ref(subject))?;
        if let Value::Tuple(keys) = keys {
            for key in keys.items.iter() {
                self.del_item(&copy, key)?;
            }
        }
        Ok(copy)
    }

    /// `MatchClass(npos)`: the attributes matched by a class pattern, or None.
    pub(crate) fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        names: &Value,
        npos: usize,
    ) -> PyResult<Value> {
        let Value::Class(class) = cls else {
            return Err(self.type_error("called match pattern must be a type"));
        };
        if !self.isinstance(subject, class) {
            return Ok(Value::None);
        }
        let kw_names: Vec<String> = match names {
            Value::Tuple(t) => t
                .items
                .iter()
                .map(|n| match n {
                    Value::Str(s) => s.as_str().to_string(),
                    _ => String::new(),
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut seen: Vec<String> = Vec::new();
        let mut attrs = Vec::with_capacity(npos + kw_names.len());
        if npos > 0 {
            let name = class.name.as_str().to_string();
            let match_args = self.get_attr_opt(cls, "__match_args__")?;
            match match_args {
                None if match_self(class.builtin) => {
                    if npos > 1 {
                        return Err(self.type_error(format!(
                            "{name}() accepts 1 positional sub-pattern ({npos} given)"
                        )));
                    }
                    attrs.push(subject.clone());
                }
                None => {
                    return Err(self.type_error(format!(
                        "{name}() accepts 0 positional sub-patterns ({npos} given)"
                    )));
                }
                Some(Value::Tuple(args)) => {
                    if npos > args.items.len() {
                        let n = args.items.len();
                        let s = if n == 1 { "" } else { "s" };
                        return Err(self.type_error(format!(
                            "{name}() accepts {n} positional sub-pattern{s} ({npos} given)"
                        )));
                    }
                    for arg in &args.items[..npos] {
                        let Value::Str(attr) = arg else {
                            let tn = self.type_name(arg);
                            return Err(self.type_error(format!(
                                "__match_args__ elements must be strings (got {tn})"
                            )));
                        };
                        let attr = attr.as_str().to_string();
                        if !self.match_attr(subject, &attr, &name, &mut seen, &mut attrs)? {
                            return Ok(Value::None);
                        }
                    }
                }
                Some(other) => {
                    let tn = self.type_name(&other);
                    return Err(self
                        .type_error(format!("{name}.__match_args__ must be a tuple (got {tn})")));
                }
            }
        }
        let name = class.name.as_str().to_string();
        for attr in &kw_names {
            if !self.match_attr(subject, attr, &name, &mut seen, &mut attrs)? {
                return Ok(Value::None);
            }
        }
        Ok(Value::tuple(attrs))
    }

    /// Fetch one attribute of a class pattern; false when the subject lacks it.
    fn match_attr(
        &mut self,
        subject: &Value,
        attr: &str,
        class_name: &str,
        seen: &mut Vec<String>,
        attrs: &mut Vec<Value>,
    ) -> PyResult<bool> {
        if seen.iter().any(|s| s == attr) {
            return Err(self.type_error(format!(
                "{class_name}() got multiple sub-patterns for attribute '{attr}'"
            )));
        }
        seen.push(attr.to_string());
        match self.get_attr_opt(subject, attr)? {
            Some(v) => {
                attrs.push(v);
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

/// The built-in types whose class pattern's one positional sub-pattern matches the subject
/// itself (CPython's `_Py_TPFLAGS_MATCH_SELF`, inherited by subclasses).
fn match_self(b: BuiltinType) -> bool {
    matches!(
        b,
        BuiltinType::Bool
            | BuiltinType::Int
            | BuiltinType::Float
            | BuiltinType::Str
            | BuiltinType::Bytes
            | BuiltinType::List
            | BuiltinType::Tuple
            | BuiltinType::Dict
            | BuiltinType::Set
            | BuiltinType::FrozenSet
    )
}
