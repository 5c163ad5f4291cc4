//! The less hot instructions of the eval loop: name lookups, building containers, unpacking,
//! making functions, raising and matching exceptions, imports and f-string formatting.

use std::sync::Arc;

use gilvm_compiler::op::{
    FORMAT_CONV_ASCII, FORMAT_CONV_MASK, FORMAT_CONV_REPR, FORMAT_CONV_STR, FORMAT_HAS_SPEC,
    MAKE_FUNCTION_CLOSURE, MAKE_FUNCTION_DEFAULTS, MAKE_FUNCTION_KWDEFAULTS,
};

use crate::interp::eval::Raised;
use crate::interp::vm::Vm;
use crate::object::error::{PyErr, PyResult};
use crate::object::gilcell::GilCell;
use crate::object::value::{DictMap, Function, Key, SetMap, Value};
use crate::protocol::hash::StrKey;

impl Vm {
    #[inline]
    pub(crate) fn load_global(&mut self, func: &Function, i: u32) -> PyResult<Value> {
        let gil = self.gil();
        let code = &func.code;
        let key = StrKey {
            hash: code.name_hashes[i as usize],
            s: code.names[i as usize].as_str(),
        };
        if let Some(v) = func.globals.globals.borrow(gil).get(&key) {
            return Ok(v.clone());
        }
        if let Some(v) = self.interp.builtins.globals.borrow(gil).get(&key) {
            return Ok(v.clone());
        }
        // Absent from gilvm's builtins too: a CPython builtin says "(not supported by gilvm)".
        Err(self.name_error(crate::protocol::unsupported::undefined_name_message(key.s)))
    }

    pub(crate) fn store_global(&mut self, func: &Function, i: u32, v: Value) {
        let gil = self.gil();
        let code = &func.code;
        let key = Key {
            hash: code.name_hashes[i as usize],
            value: Value::Str(code.names[i as usize].clone()),
        };
        func.globals.globals.borrow_mut(gil).insert(key, v);
    }

    pub(crate) fn delete_global(&mut self, func: &Function, i: u32) -> PyResult<()> {
        let gil = self.gil();
        let code = &func.code;
        let key = StrKey {
            hash: code.name_hashes[i as usize],
            s: code.names[i as usize].as_str(),
        };
        if func
            .globals
            .globals
            .borrow_mut(gil)
            .shift_remove(&key)
            .is_none()
        {
            return Err(self.name_error(format!("name '{}' is not defined", key.s)));
        }
        Ok(())
    }

    pub(crate) fn load_name(&mut self, fi: usize, func: &Function, i: u32) -> PyResult<Value> {
        let gil = self.gil();
        let code = &func.code;
        if let Some(ns) = &self.frames[fi].namespace {
            if !self.ns_hooks.is_empty() {
                if let Some(m) = self.ns_hook(ns) {
                    let name = Value::Str(code.names[i as usize].clone());
                    match self.get_item(&m, &name) {
                        Ok(v) => return Ok(v),
                        Err(e) if self.err_is(&e, &self.types().key_error) => {}
                        Err(e) => return Err(e),
                    }
                    return self.load_global(func, i);
                }
            }
            let key = StrKey {
                hash: code.name_hashes[i as usize],
                s: code.names[i as usize].as_str(),
            };
            if let Some(v) = ns.borrow(gil).get(&key) {
                return Ok(v.clone());
            }
        }
        self.load_global(func, i)
    }

    /// The custom `__prepare__` mapping of a class body's namespace, if it has one.
    #[cold]
    fn ns_hook(&self, ns: &Arc<crate::object::value::Dict>) -> Option<Value> {
        let addr = Arc::as_ptr(ns) as usize;
        self.ns_hooks
            .iter()
            .rev()
            .find(|(a, _)| *a == addr)
            .map(|(_, m)| m.clone())
    }

    pub(crate) fn store_name(
        &mut self,
        fi: usize,
        func: &Function,
        i: u32,
        v: Value,
    ) -> PyResult<()> {
        let gil = self.gil();
        let code = &func.code;
        match &self.frames[fi].namespace {
            Some(ns) => {
                if !self.ns_hooks.is_empty() {
                    if let Some(m) = self.ns_hook(ns) {
                        let name = Value::Str(code.names[i as usize].clone());
                        return self.set_item(&m, &name, v);
                    }
                }
                let key = Key {
                    hash: code.name_hashes[i as usize],
                    value: Value::Str(code.names[i as usize].clone()),
                };
                ns.borrow_mut(gil).insert(key, v);
                Ok(())
            }
            None => {
                self.store_global(func, i, v);
                Ok(())
            }
        }
    }

    pub(crate) fn delete_name(&mut self, fi: usize, func: &Function, i: u32) -> PyResult<()> {
        let gil = self.gil();
        let code = &func.code;
        match &self.frames[fi].namespace {
            Some(ns) => {
                let key = StrKey {
                    hash: code.name_hashes[i as usize],
                    s: code.names[i as usize].as_str(),
                };
                if ns.borrow_mut(gil).shift_remove(&key).is_none() {
                    return Err(self.name_error(format!("name '{}' is not defined", key.s)));
                }
                Ok(())
            }
            None => self.delete_global(func, i),
        }
    }

    pub(crate) fn build_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let set = GilCell::new(SetMap::default());
        for v in items {
            let k = self.key_in(&set, v)?;
            set.borrow_mut(self.gil()).insert(k, ());
        }
        Ok(Value::Set(Arc::new(set)))
    }

    pub(crate) fn build_map(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let map = GilCell::new(DictMap::default());
        let mut it = items.into_iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            let k = self.key_in(&map, k)?;
            map.borrow_mut(self.gil()).insert(k, v);
        }
        Ok(Value::Dict(Arc::new(map)))
    }

    /// The (key, value) pairs of a mapping: a dict, or anything with `keys()` and `[]`.
    pub(crate) fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Key, Value)>> {
        if let Value::Dict(d) = m {
            return Ok(d
                .borrow(self.gil())
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect());
        }
        let Some(keys) = self.get_attr_opt(m, "keys")? else {
            let tn = self.type_name(m);
            return Err(self.type_error(format!("'{tn}' object is not a mapping")));
        };
        let keys = self.call(&keys, &[])?;
        let keys = self.collect(&keys)?;
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            let v = self.get_item(m, &k)?;
            out.push((self.key(k)?, v));
        }
        Ok(out)
    }

    pub(crate) fn dict_update(&mut self, target: &Value, v: &Value, merge: bool) -> PyResult<()> {
        let items = self.mapping_items(v)?;
        let Value::Dict(d) = target else {
            return Ok(());
        };
        let gil = self.gil();
        for (k, val) in items {
            if merge {
                if !matches!(k.value, Value::Str(_)) {
                    return Err(self.type_error("keywords must be strings"));
                }
                if d.borrow(gil).contains_key(&k) {
                    let name = self.to_str(&k.value)?;
                    return Err(self
                        .type_error(format!("got multiple values for keyword argument '{name}'")));
                }
            }
            d.borrow_mut(gil).insert(k, val);
        }
        Ok(())
    }

    pub(crate) fn format_value_op(&mut self, flags: u8) -> PyResult<Value> {
        let spec = if flags & FORMAT_HAS_SPEC != 0 {
            self.stack.pop()
        } else {
            None
        };
        let v = self.stack.pop().unwrap_or_default();
        let v = match flags & FORMAT_CONV_MASK {
            FORMAT_CONV_STR => Value::str(self.to_str(&v)?),
            FORMAT_CONV_REPR => Value::str(self.repr(&v)?),
            FORMAT_CONV_ASCII => Value::str(crate::protocol::repr::ascii_escape(&self.repr(&v)?)),
            _ => v,
        };
        match spec {
            Some(Value::Str(s)) if !s.as_str().is_empty() => Ok(Value::str(
                crate::protocol::format::format_value(self, &v, s.as_str())?,
            )),
            _ => match v {
                Value::Str(_) => Ok(v),
                Value::Instance(_) | Value::Native(_) => Ok(Value::str(
                    crate::protocol::format::format_value(self, &v, "")?,
                )),
                _ => Ok(Value::str(self.to_str(&v)?)),
            },
        }
    }

    /// The items of `v` for unpacking, at most `limit` (to detect "too many").
    fn unpack_items(&mut self, v: &Value, limit: Option<usize>) -> PyResult<Vec<Value>> {
        match v {
            Value::Tuple(t) => Ok(t.items.to_vec()),
            Value::List(l) => Ok(l.borrow(self.gil()).clone()),
            _ => {
                let it = match self.get_iter(v) {
                    Ok(it) => it,
                    Err(e)
                        if self.err_is(&e, &self.types().type_error.clone())
                            && !self.is_iterable(v) =>
                    {
                        let tn = self.type_name(v);
                        return Err(
                            self.type_error(format!("cannot unpack non-iterable {tn} object"))
                        );
                    }
                    Err(e) => return Err(e),
                };
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if limit.is_some_and(|l| out.len() > l) {
                        break;
                    }
                }
                Ok(out)
            }
        }
    }

    pub(crate) fn unpack_sequence(&mut self, v: Value, n: usize) -> PyResult<()> {
        // The common case, a tuple or list of the right length, pushes straight from the
        // sequence's items (no Vec in between; CPython's UNPACK_SEQUENCE_TUPLE / _LIST).
        match &v {
            Value::Tuple(t) if t.items.len() == n => {
                self.stack.extend(t.items.iter().rev().cloned());
                return Ok(());
            }
            Value::List(l) => {
                let gil = self.gil();
                let items = l.borrow(gil);
                if items.len() == n {
                    self.stack.extend(items.iter().rev().cloned());
                    return Ok(());
                }
            }
            _ => {}
        }
        let items = self.unpack_items(&v, Some(n))?;
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        if items.len() < n {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        self.stack.extend(items.into_iter().rev());
        Ok(())
    }

    pub(crate) fn unpack_ex(&mut self, v: Value, before: usize, after: usize) -> PyResult<()> {
        let mut items = self.unpack_items(&v, None)?;
        if items.len() < before + after {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        self.stack.extend(tail.into_iter().rev());
        self.stack.push(Value::list(middle));
        self.stack.extend(items.into_iter().rev());
        Ok(())
    }

    pub(crate) fn make_function(&mut self, func: &Function, flags: u32) -> PyResult<Value> {
        let code = self.stack.pop().unwrap_or_default();
        let Value::Code(code) = code else {
            return Err(self.runtime_error("gilvm: MakeFunction without a code object"));
        };
        let closure: Box<[Arc<crate::object::value::Cell>]> = if flags & MAKE_FUNCTION_CLOSURE != 0
        {
            match self.stack.pop() {
                Some(Value::Tuple(t)) => t
                    .items
                    .iter()
                    .filter_map(|c| match c {
                        Value::Cell(c) => Some(c.clone()),
                        _ => None,
                    })
                    .collect(),
                _ => Box::new([]),
            }
        } else {
            Box::new([])
        };
        let annotations = if flags & gilvm_compiler::op::MAKE_FUNCTION_ANNOTATIONS != 0 {
            self.stack.pop()
        } else {
            None
        };
        let kwdefaults = if flags & MAKE_FUNCTION_KWDEFAULTS != 0 {
            match self.stack.pop() {
                Some(Value::Dict(d)) => Some(d),
                _ => None,
            }
        } else {
            None
        };
        let defaults: Box<[Value]> = if flags & MAKE_FUNCTION_DEFAULTS != 0 {
            match self.stack.pop() {
                Some(Value::Tuple(t)) => t.items.clone(),
                _ => Box::new([]),
            }
        } else {
            Box::new([])
        };
        let globals = func.globals.clone();
        Ok(Value::Function(Arc::new(Function {
            name: code.name.clone(),
            qualname: code.qualname.clone(),
            code,
            globals,
            defaults,
            kwdefaults,
            closure,
            attrs: GilCell::new(annotations.map(|a| {
                let mut m = crate::object::value::DictMap::default();
                m.insert(crate::protocol::hash::str_key("__annotations__"), a);
                m
            })),
        })))
    }

    /// Turn the operand of `raise` into an exception instance.
    pub(crate) fn make_exception(&mut self, v: Value, what: &str) -> PyResult<PyErr> {
        match v {
            Value::Instance(i) if i.exc.is_some() => Ok(PyErr(i)),
            Value::Class(c) if c.builtin == crate::object::value::BuiltinType::Exception => {
                match self.instantiate(&c, &[], &[])? {
                    Value::Instance(i) if i.exc.is_some() => Ok(PyErr(i)),
                    _ => Err(self.type_error(format!("{what} must derive from BaseException"))),
                }
            }
            _ => Err(self.type_error(format!("{what} must derive from BaseException"))),
        }
    }

    /// The `Raise(n)` instruction: the exception to raise and how.
    pub(crate) fn raise_op(&mut self, n: u32) -> (PyErr, Raised) {
        match n {
            0 => match self.handled.last() {
                Some(e) => (e.clone(), Raised::Reraise),
                None => (
                    self.runtime_error("No active exception to reraise"),
                    Raised::New,
                ),
            },
            _ => {
                let cause = if n >= 2 {
                    Some(self.stack.pop().unwrap_or_default())
                } else {
                    None
                };
                let exc = self.stack.pop().unwrap_or_default();
                let err = match self.make_exception(exc, "exceptions") {
                    Ok(e) => e,
                    Err(e) => return (e, Raised::New),
                };
                if let Some(cause) = cause {
                    let cause = match cause {
                        Value::None => None,
                        c => match self.make_exception(c, "exception causes") {
                            Ok(c) => Some(c.value()),
                            Err(e) => return (e, Raised::New),
                        },
                    };
                    if let Some(st) = &err.0.exc {
                        let mut st = st.borrow_mut(self.gil());
                        st.cause = cause;
                        st.suppress_context = true;
                    }
                }
                self.set_context(&err);
                (err, Raised::New)
            }
        }
    }

    /// `except T:` matching.
    pub(crate) fn exc_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        match ty {
            Value::Class(c) if c.builtin == crate::object::value::BuiltinType::Exception => {
                Ok(self.isinstance(exc, c))
            }
            Value::Tuple(t) => {
                for item in t.items.iter() {
                    if self.exc_matches(exc, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// A special method of a `with` context manager, bound to it.
    pub(crate) fn special_method(&mut self, cm: &Value, name: &str) -> PyResult<Value> {
        // Looked up on the type, as CPython: no instance dict, `__getattribute__`/`__getattr__`.
        let found = match cm {
            Value::Instance(inst) => {
                let class = inst.class.clone();
                match crate::protocol::attr::class_lookup(&class, name, self.gil()) {
                    Some(attr) => Some(self.bind(attr, cm, &class)?),
                    None => None,
                }
            }
            _ => self.get_attr_opt(cm, name)?,
        };
        match found {
            Some(m) => Ok(m),
            None => {
                let tn = self.type_name(cm);
                Err(self.type_error(format!(
                    "'{tn}' object does not support the context manager protocol"
                )))
            }
        }
    }

    pub(crate) fn import_star(&mut self, fi: usize, func: &Function, m: &Value) -> PyResult<()> {
        let Value::Module(m) = m else { return Ok(()) };
        let gil = self.gil();
        let all = crate::protocol::hash::dict_get_str(&m.globals.borrow(gil), "__all__").cloned();
        let pairs: Vec<(Key, Value)> = match all {
            Some(all) => {
                let names = self.collect(&all)?;
                let mut out = Vec::new();
                for n in names {
                    let Value::Str(s) = &n else {
                        let tn = self.type_name(&n);
                        return Err(self.type_error(format!(
                            "Item in {}.__all__ must be str, not {tn}",
                            m.name.as_str()
                        )));
                    };
                    let s = s.as_str().to_string();
                    let v = self.get_attr(&Value::Module(m.clone()), &s)?;
                    out.push((crate::protocol::hash::str_key(&s), v));
                }
                out
            }
            None => m
                .globals
                .borrow(gil)
                .iter()
                .filter(|(k, _)| matches!(&k.value, Value::Str(s) if !s.as_str().starts_with('_')))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        };
        let frame = &self.frames[fi];
        match &frame.namespace {
            Some(ns) => ns.borrow_mut(gil).extend(pairs),
            None => func.globals.globals.borrow_mut(gil).extend(pairs),
        }
        Ok(())
    }
}
