//! The `class` statement and metaclasses: `BuildClass` picks the most derived metaclass, runs
//! the body in the namespace `__prepare__` returns and calls the metaclass with
//! `(name, bases, namespace, **kwargs)`; `type.__new__` (reached as `type(name, bases, ns)` or
//! `super().__new__(mcs, ...)` from a metaclass) makes the class. `type`'s own methods live
//! here too: `__call__`, `__init__`, `__prepare__`, `mro`, `__subclasses__`,
//! `__instancecheck__`, `__subclasscheck__`.
//!
//! A class statement whose metaclass is `type` itself takes a short path: a plain dict
//! namespace and no Python-visible calls besides `__init_subclass__`.

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::class::{native, ClassMethod};
use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::value::{Builtin, BuiltinType, Class, DictMap, NativeFn, PyStr, Value};
use crate::protocol::hash::{dict_get_str, str_key, StrKey};

type Kw = [(Arc<PyStr>, Value)];

/// The `__classcell__` entry a class body with `__class__` references leaves in its namespace
/// for `type.__new__` (a `Value::Cell` must never reach Python code, so it travels wrapped).
#[derive(Debug)]
pub struct ClassCell(pub Arc<crate::object::value::Cell>);

impl crate::object::value::NativeObject for ClassCell {
    fn type_name(&self) -> &'static str {
        "cell"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Vm {
    /// `BuildClass` / `BuildClassKw`: the stack holds the body function, the name, the bases
    /// and (for the keyword form) the keyword names tuple and values.
    pub(crate) fn build_class_op(&mut self, nbases: usize, nkw: usize) -> PyResult<Value> {
        let mut kwargs: Vec<(Arc<PyStr>, Value)> = Vec::new();
        if nkw > 0 {
            let vals = self.stack.split_off(self.stack.len() - nkw);
            if let Some(Value::Tuple(t)) = self.stack.pop() {
                for (k, v) in t.items.iter().zip(vals) {
                    if let Value::Str(k) = k {
                        kwargs.push((k.clone(), v));
                    }
                }
            }
        }
        let base_values = self.stack.split_off(self.stack.len() - nbases);
        let name = self.stack.pop().unwrap_or_default();
        let body = self.stack.pop().unwrap_or_default();
        let Value::Function(body) = body else {
            return Err(self.runtime_error("gilvm: BuildClass without a body function"));
        };
        let name = match name {
            Value::Str(s) => s,
            _ => body.name.clone(),
        };
        let mut bases = Vec::with_capacity(base_values.len());
        for b in base_values {
            match b {
                Value::Class(c) => bases.push(c),
                other => {
                    let tn = self.type_name(&other);
                    return Err(self.type_error(format!("bases must be types, not {tn}")));
                }
            }
        }
        let explicit = kwargs
            .iter()
            .position(|(k, _)| k.as_str() == "metaclass")
            .map(|i| kwargs.remove(i).1);
        let meta = match explicit {
            Some(Value::Class(m)) => Value::Class(self.winner_metaclass(&m, &bases)?),
            Some(other) => other,
            None => match bases.first() {
                Some(b) => {
                    let first = self.metaclass_of(b);
                    Value::Class(self.winner_metaclass(&first, &bases)?)
                }
                None => Value::Class(self.types().type_.clone()),
            },
        };
        let plain = matches!(&meta, Value::Class(m) if Arc::ptr_eq(m, &self.types().type_));
        if plain {
            return self.build_plain_class(body, name, bases, &kwargs);
        }
        self.build_meta_class(body, name, bases, meta, &kwargs)
    }

    /// Run a class body with `ns` as its namespace (through `hook`, a `__prepare__` mapping
    /// that is not a plain dict, when given); the `__class__` cell if the body made one.
    fn run_class_body(
        &mut self,
        body: &Arc<crate::object::value::Function>,
        ns: &Arc<crate::object::value::Dict>,
        hook: Option<Value>,
    ) -> PyResult<Option<Arc<crate::object::value::Cell>>> {
        let start = self.stack.len();
        self.push_function_frame(body.clone(), start, None, start, true)?;
        if let Some(f) = self.frames.last_mut() {
            f.namespace = Some(ns.clone());
        }
        let hooked = hook.is_some();
        if let Some(h) = hook {
            self.ns_hooks.push((Arc::as_ptr(ns) as usize, h));
        }
        let ret = self.run_entry();
        if hooked {
            self.ns_hooks.pop();
        }
        Ok(match ret? {
            Value::Cell(cell) => Some(cell),
            _ => None,
        })
    }

    /// A class statement whose metaclass is `type`.
    fn build_plain_class(
        &mut self,
        body: Arc<crate::object::value::Function>,
        name: Arc<PyStr>,
        bases: Vec<Arc<Class>>,
        kwargs: &Kw,
    ) -> PyResult<Value> {
        let gil = self.gil();
        let ns = Arc::new(GilCell::new(DictMap::default()));
        let cell = self.run_class_body(&body, &ns, None)?;
        let mut dict = std::mem::take(&mut *ns.borrow_mut(gil));
        // `__qualname__` is the class's own, not a class attribute (as in CPython).
        let qualname = match dict.shift_remove(&StrKey::new("__qualname__")) {
            Some(Value::Str(q)) => q,
            _ => body.code.qualname.clone(),
        };
        let module = match dict_get_str(&dict, "__module__") {
            Some(Value::Str(s)) => s.clone(),
            _ => Arc::new(PyStr::new("__main__")),
        };
        let class = self.new_user_class(name, qualname, bases, dict, module, cell, None, kwargs)?;
        Ok(Value::Class(class))
    }

    /// A class statement with a metaclass other than `type` (or any callable given as
    /// `metaclass=`): `__prepare__`, the body, then `meta(name, bases, ns, **kwargs)`.
    fn build_meta_class(
        &mut self,
        body: Arc<crate::object::value::Function>,
        name: Arc<PyStr>,
        bases: Vec<Arc<Class>>,
        meta: Value,
        kwargs: &Kw,
    ) -> PyResult<Value> {
        let gil = self.gil();
        let bases_tuple = Value::tuple(bases.iter().map(|b| Value::Class(b.clone())).collect());
        let name_v = Value::Str(name.clone());
        let ns_obj = match self.get_attr_opt(&meta, "__prepare__")? {
            Some(p) => self.call_value(&p, &[name_v.clone(), bases_tuple.clone()], kwargs)?,
            None => Value::Dict(Arc::new(GilCell::new(DictMap::default()))),
        };
        let (ns, hook) = match &ns_obj {
            Value::Dict(d) => (d.clone(), None),
            Value::Instance(i) => {
                let own_item_methods =
                    crate::protocol::attr::user_lookup(&i.class, "__setitem__", gil).is_some()
                        || crate::protocol::attr::user_lookup(&i.class, "__getitem__", gil)
                            .is_some();
                match &i.payload {
                    Some(Value::Dict(d)) if !own_item_methods => (d.clone(), None),
                    Some(Value::Dict(d)) => (d.clone(), Some(ns_obj.clone())),
                    _ if own_item_methods => (
                        Arc::new(GilCell::new(DictMap::default())),
                        Some(ns_obj.clone()),
                    ),
                    _ => return Err(self.not_a_mapping(&meta, &ns_obj)),
                }
            }
            _ => return Err(self.not_a_mapping(&meta, &ns_obj)),
        };
        let cell = self.run_class_body(&body, &ns, hook)?;
        if let Some(cell) = cell {
            self.set_item(
                &ns_obj,
                &Value::str("__classcell__"),
                native(ClassCell(cell)),
            )?;
        }
        self.call_value(&meta, &[name_v, bases_tuple, ns_obj], kwargs)
    }

    #[cold]
    fn not_a_mapping(&self, meta: &Value, ns: &Value) -> crate::PyErr {
        let m = match meta {
            Value::Class(c) => c.name.as_str().to_string(),
            _ => "<metaclass>".to_string(),
        };
        let tn = self.type_name(ns);
        self.type_error(format!("{m}.__prepare__() must return a mapping, not {tn}"))
    }

    /// `type.__new__(meta, name, bases, ns, **kwargs)` (and `type(x)` for `type` itself).
    pub(crate) fn type_make(&mut self, meta: &Arc<Class>, a: &[Value], kw: &Kw) -> PyResult<Value> {
        let is_type = Arc::ptr_eq(meta, &self.types().type_);
        match a.len() {
            1 if is_type && kw.is_empty() => return Ok(Value::Class(self.type_of(&a[0]))),
            3 => {}
            _ if is_type => return Err(self.type_error("type() takes 1 or 3 arguments")),
            _ => return Err(self.type_error("type.__new__() takes exactly 3 arguments")),
        }
        let Value::Str(name) = &a[0] else {
            return Err(self.type_error(format!(
                "type.__new__() argument 1 must be str, not {}",
                self.type_name(&a[0])
            )));
        };
        let base_values: Vec<Value> = match &a[1] {
            Value::Tuple(t) => t.items.to_vec(),
            other => {
                return Err(self.type_error(format!(
                    "type.__new__() argument 2 must be tuple, not {}",
                    self.type_name(other)
                )))
            }
        };
        let gil = self.gil();
        let ns = match &a[2] {
            Value::Dict(d) => d.clone(),
            Value::Instance(i) if matches!(i.payload, Some(Value::Dict(_))) => match &i.payload {
                Some(Value::Dict(d)) => d.clone(),
                _ => unreachable!("checked by the guard"),
            },
            other => {
                return Err(self.type_error(format!(
                    "type.__new__() argument 3 must be dict, not {}",
                    self.type_name(other)
                )))
            }
        };
        let mut bases = Vec::with_capacity(base_values.len());
        for b in &base_values {
            match b {
                Value::Class(c) => bases.push(c.clone()),
                _ => {
                    return Err(self.type_error(
                        "metaclass conflict: the metaclass of a derived class must be a \
                         (non-strict) subclass of the metaclasses of all its bases",
                    ))
                }
            }
        }
        let winner = self.winner_metaclass(meta, &bases)?;
        if !Arc::ptr_eq(&winner, meta) && crate::protocol::attr::is_user_class(&winner, gil) {
            return self.call_value(&Value::Class(winner), a, kw);
        }
        let mut dict = ns.borrow(gil).clone();
        let module = match dict_get_str(&dict, "__module__") {
            Some(Value::Str(s)) => s.clone(),
            _ => {
                let m = Arc::new(PyStr::new("__main__"));
                dict.insert(str_key("__module__"), Value::Str(m.clone()));
                m
            }
        };
        let qualname = match dict.shift_remove(&StrKey::new("__qualname__")) {
            Some(Value::Str(q)) => q,
            Some(other) => {
                let tn = self.type_name(&other);
                return Err(self.type_error(format!("type __qualname__ must be a str, not {tn}")));
            }
            None => name.clone(),
        };
        let cell = match dict.shift_remove(&StrKey::new("__classcell__")) {
            Some(Value::Native(n)) => n.as_any().downcast_ref::<ClassCell>().map(|c| c.0.clone()),
            _ => None,
        };
        let class = self.new_user_class(
            name.clone(),
            qualname,
            bases,
            dict,
            module,
            cell,
            Some(winner),
            kw,
        )?;
        Ok(Value::Class(class))
    }

    /// A dunder that `v`, a class, gets from its user metaclass (`len(Color)`, `iter(Color)`).
    pub(crate) fn meta_dunder(&self, v: &Value, name: &str) -> Option<Value> {
        match v {
            Value::Class(c) => c
                .meta
                .as_ref()
                .and_then(|m| crate::protocol::attr::user_lookup(m, name, self.gil())),
            _ => None,
        }
    }

    /// `isinstance(v, c)` with the metaclass's `__instancecheck__`, if a user one.
    pub fn isinstance_hooked(&mut self, v: &Value, c: &Arc<Class>) -> PyResult<bool> {
        if let Some(meta) = &c.meta {
            let exact = matches!(v, Value::Instance(i) if Arc::ptr_eq(&i.class, c));
            if !exact {
                if let Some(f) =
                    crate::protocol::attr::user_lookup(meta, "__instancecheck__", self.gil())
                {
                    let r = self.call_method_value(
                        &f,
                        &Value::Class(c.clone()),
                        std::slice::from_ref(v),
                    )?;
                    return self.truthy(&r);
                }
            }
        }
        Ok(self.isinstance(v, c))
    }

    /// `issubclass(sub, c)` with the metaclass's `__subclasscheck__`, if a user one.
    pub fn issubclass_hooked(&mut self, sub: &Value, c: &Arc<Class>) -> PyResult<bool> {
        if let Some(meta) = &c.meta {
            if let Some(f) =
                crate::protocol::attr::user_lookup(meta, "__subclasscheck__", self.gil())
            {
                let r = self.call_method_value(
                    &f,
                    &Value::Class(c.clone()),
                    std::slice::from_ref(sub),
                )?;
                return self.truthy(&r);
            }
        }
        match sub {
            Value::Class(s) => Ok(crate::object::types::is_subclass(s, c)),
            _ => Err(self.type_error("issubclass() arg 1 must be a class")),
        }
    }
}

fn class_arg(vm: &Vm, a: &[Value], what: &str) -> PyResult<Arc<Class>> {
    match a.first() {
        Some(Value::Class(c)) => Ok(c.clone()),
        Some(other) => Err(vm.type_error(format!(
            "descriptor '{what}' requires a 'type' object but received a '{}'",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!(
            "descriptor '{what}' of 'type' object needs an argument"
        ))),
    }
}

/// `type.__call__(cls, *args, **kwargs)`: `__new__` then `__init__`, bypassing a metaclass
/// `__call__` (what `super().__call__(...)` in one reaches).
fn type_call(vm: &mut Vm, a: &[Value], kw: &Kw) -> PyResult<Value> {
    let c = class_arg(vm, a, "__call__")?;
    vm.instantiate(&c, &a[1..], kw)
}

/// `type.__init__(cls, ...)`: nothing to do once `type.__new__` made the class.
fn type_init(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    if !matches!(a.len(), 2 | 4) {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::None)
}

/// `type.__prepare__(name, bases, **kwargs)`: an empty dict.
fn type_prepare(_: &mut Vm, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Dict(Arc::new(GilCell::new(DictMap::default()))))
}

/// `cls.mro()`: the MRO as a list.
fn type_mro(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let c = class_arg(vm, a, "mro")?;
    Ok(Value::list(
        std::iter::once(&c)
            .chain(c.mro.iter())
            .map(|b| Value::Class(b.clone()))
            .collect(),
    ))
}

/// `cls.__subclasses__()`: the live direct subclasses, oldest first (user classes only).
fn type_subclasses(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let c = class_arg(vm, a, "__subclasses__")?;
    let subs = c.subclasses.borrow(vm.gil());
    Ok(Value::list(
        subs.iter()
            .filter_map(std::sync::Weak::upgrade)
            .map(Value::Class)
            .collect(),
    ))
}

fn type_instancecheck(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let c = class_arg(vm, a, "__instancecheck__")?;
    let v = a.get(1).cloned().unwrap_or_default();
    Ok(Value::Bool(vm.isinstance(&v, &c)))
}

fn type_subclasscheck(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let c = class_arg(vm, a, "__subclasscheck__")?;
    match a.get(1) {
        Some(Value::Class(s)) => Ok(Value::Bool(crate::object::types::is_subclass(s, &c))),
        _ => Err(vm.type_error("issubclass() arg 1 must be a class")),
    }
}

/// Add `type`'s methods to its dict.
pub(crate) fn install(vm: &mut Vm) {
    let ty = vm.types().type_.clone();
    let b = |name: &'static str, func: NativeFn| {
        Value::Builtin(Arc::new(Builtin {
            name,
            func,
            receiver: None,
        }))
    };
    let mut d = ty.dict.borrow_mut(vm.gil());
    d.insert(str_key("__call__"), b("__call__", type_call));
    d.insert(str_key("__init__"), b("__init__", type_init));
    d.insert(
        str_key("__prepare__"),
        native(ClassMethod(b("__prepare__", type_prepare))),
    );
    d.insert(str_key("mro"), b("mro", type_mro));
    d.insert(
        str_key("__subclasses__"),
        b("__subclasses__", type_subclasses),
    );
    d.insert(
        str_key("__instancecheck__"),
        b("__instancecheck__", type_instancecheck),
    );
    d.insert(
        str_key("__subclasscheck__"),
        b("__subclasscheck__", type_subclasscheck),
    );
    let _ = BuiltinType::Type;
}
