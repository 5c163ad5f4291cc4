//! Attribute access: instance dict, then the class and its MRO (functions become bound methods,
//! properties call their getter), `__getattr__` as a fallback; class, module, function and
//! built-in value attributes; `super()` proxies; setattr and delattr.

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::class::{class_flags, flags, ClassMethod, Property, StaticMethod, Super};
use crate::object::error::PyResult;
use crate::object::gilcell::Gil;
use crate::object::value::{BoundMethod, Builtin, Class, Instance, Value};
use crate::protocol::hash::{dict_get_str, str_key, StrKey};

pub use crate::object::class::is_user_class;
pub use crate::object::lookup::{class_lookup, user_lookup};

/// How instances of a class hash.
pub(crate) enum HashKind {
    Identity,
    Unhashable,
    User(Value),
}

/// `__hash__` defined -> call it; `__eq__` defined without `__hash__` -> unhashable (CPython sets
/// `__hash__ = None`); neither -> identity.
pub(crate) fn user_hash_kind(vm: &Vm, class: &Arc<Class>) -> HashKind {
    let gil = vm.gil();
    for c in std::iter::once(class).chain(class.mro.iter()) {
        if !is_user_class(c, gil) {
            break;
        }
        let d = c.dict.borrow(gil);
        if let Some(h) = dict_get_str(&d, "__hash__") {
            return if h.is_none() {
                HashKind::Unhashable
            } else {
                HashKind::User(h.clone())
            };
        }
        if dict_get_str(&d, "__eq__").is_some() {
            return HashKind::Unhashable;
        }
    }
    HashKind::Identity
}

/// Is the native method `b`, found for an instance of `class`, one of the built-in type the
/// class extends (bound to the payload), rather than `object`'s (bound to the instance)?
fn payload_method(class: &Arc<Class>, b: &Arc<Builtin>, gil: Gil) -> bool {
    let key = StrKey::new(b.name);
    for c in std::iter::once(class).chain(class.mro.iter()) {
        if let Some(Value::Builtin(found)) = c.dict.borrow(gil).get(&key) {
            if Arc::ptr_eq(found, b) {
                return crate::object::class::is_payload_kind(c.builtin) && !is_user_class(c, gil);
            }
        }
    }
    false
}

fn downcast<T: 'static>(v: &Value) -> Option<&T> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<T>(),
        _ => None,
    }
}

impl Vm {
    /// `getattr(obj, name)`
    pub fn get_attr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        if let Value::Instance(inst) = obj {
            let f = class_flags(&inst.class);
            if f & (flags::GETATTRIBUTE | flags::GETATTR) != 0 {
                return self.hooked_getattr(obj, inst, name, f);
            }
        }
        match self.generic_getattr(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// LoadAttr: `getattr(obj, name)` with the name's hash known and, for instances of classes
    /// without attribute hooks, the class lookup through the site's inline cache.
    #[inline]
    pub(crate) fn get_attr_site(
        &mut self,
        obj: &Value,
        key: &StrKey,
        site: &crate::object::gilcell::GilCell<crate::object::lookup::AttrSite>,
    ) -> PyResult<Value> {
        if let Value::Instance(inst) = obj {
            if class_flags(&inst.class) & (flags::GETATTRIBUTE | flags::GETATTR) == 0 {
                let class_attr =
                    crate::object::lookup::site_lookup(site, &inst.class, key, self.gil());
                return match self.instance_getattr_with(obj, inst, key, class_attr)? {
                    Some(v) => Ok(v),
                    None => Err(self.no_attribute(obj, key.s)),
                };
            }
        }
        self.get_attr(obj, key.s)
    }

    /// Attribute access on an instance whose class defines `__getattribute__` or
    /// `__getattr__`: CPython's `slot_tp_getattr_hook`.
    #[cold]
    fn hooked_getattr(
        &mut self,
        obj: &Value,
        inst: &Arc<Instance>,
        name: &str,
        f: u32,
    ) -> PyResult<Value> {
        let gil = self.gil();
        let class = inst.class.clone();
        let r = if f & flags::GETATTRIBUTE != 0 {
            match user_lookup(&class, "__getattribute__", gil) {
                Some(ga) => self.call_method_value(&ga, obj, &[Value::str(name)]),
                None => self.get_attr_plain(obj, name),
            }
        } else {
            // Only `__getattr__`: a missing attribute goes to it without an exception object.
            match self.generic_getattr(obj, name) {
                Ok(Some(v)) => return Ok(v),
                Ok(None) => match user_lookup(&class, "__getattr__", gil) {
                    Some(ga) => return self.call_method_value(&ga, obj, &[Value::str(name)]),
                    None => return Err(self.no_attribute(obj, name)),
                },
                Err(e) => Err(e),
            }
        };
        match r {
            Err(e) if f & flags::GETATTR != 0 && self.err_is(&e, &self.types().attribute_error) => {
                match user_lookup(&class, "__getattr__", gil) {
                    Some(ga) => self.call_method_value(&ga, obj, &[Value::str(name)]),
                    None => Err(e),
                }
            }
            r => r,
        }
    }

    /// `object.__getattribute__` as a `Result`.
    fn get_attr_plain(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match self.generic_getattr(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    #[cold]
    pub(crate) fn no_attribute(&self, obj: &Value, name: &str) -> crate::PyErr {
        match obj {
            Value::Class(c) => self.attribute_error(format!(
                "type object '{}' has no attribute '{name}'",
                c.name.as_str()
            )),
            Value::Module(m) => self.attribute_error(format!(
                "module '{}' has no attribute '{name}'",
                m.name.as_str()
            )),
            _ => self.attribute_error(format!(
                "'{}' object has no attribute '{name}'",
                self.type_name(obj)
            )),
        }
    }

    /// `getattr(obj, name, None)` without raising: `Ok(None)` when the attribute is missing
    /// (an AttributeError raised by a user `__getattribute__`/`__getattr__` counts as missing).
    pub fn get_attr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if let Value::Instance(inst) = obj {
            let f = class_flags(&inst.class);
            if f & (flags::GETATTRIBUTE | flags::GETATTR) != 0 {
                return match self.hooked_getattr(obj, inst, name, f) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_is(&e, &self.types().attribute_error) => Ok(None),
                    Err(e) => Err(e),
                };
            }
        }
        self.generic_getattr(obj, name)
    }

    /// `object.__getattribute__(obj, name)`: descriptors, the instance dict, class attributes;
    /// no user `__getattribute__`/`__getattr__`. `Ok(None)` when missing.
    pub(crate) fn generic_getattr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let gil = self.gil();
        match obj {
            Value::Instance(inst) => self.instance_getattr(obj, inst, name),
            Value::Class(c) => self.class_getattr(c, name),
            Value::Module(m) => {
                if let Some(v) = dict_get_str(&m.globals.borrow(gil), name) {
                    return Ok(Some(v.clone()));
                }
                Ok(match name {
                    "__name__" => Some(Value::Str(m.name.clone())),
                    "__dict__" => Some(Value::Dict(m.globals.clone())),
                    _ => None,
                })
            }
            Value::Function(f) => {
                if let Some(attrs) = &*f.attrs.borrow(gil) {
                    if let Some(v) = dict_get_str(attrs, name) {
                        return Ok(Some(v.clone()));
                    }
                }
                Ok(match name {
                    "__name__" => Some(Value::Str(f.name.clone())),
                    "__qualname__" => Some(Value::Str(f.qualname.clone())),
                    "__module__" => Some(
                        dict_get_str(&f.globals.globals.borrow(gil), "__name__")
                            .cloned()
                            .unwrap_or(Value::None),
                    ),
                    "__doc__" => Some(match &f.code.code.docstring {
                        Some(doc) => Value::str(&**doc),
                        None => Value::None,
                    }),
                    "__code__" => Some(Value::Code(f.code.clone())),
                    "__globals__" => Some(Value::Dict(f.globals.globals.clone())),
                    "__kwdefaults__" => Some(match &f.kwdefaults {
                        Some(d) => Value::Dict(d.clone()),
                        None => Value::None,
                    }),
                    // No annotations: a new empty dict, kept (as CPython's getter does).
                    "__annotations__" => {
                        let d = Value::Dict(Arc::new(crate::object::gilcell::GilCell::new(
                            crate::object::value::DictMap::default(),
                        )));
                        f.attrs
                            .borrow_mut(gil)
                            .get_or_insert_with(Default::default)
                            .insert(str_key("__annotations__"), d.clone());
                        Some(d)
                    }
                    "__defaults__" => Some(if f.defaults.is_empty() {
                        Value::None
                    } else {
                        Value::tuple(f.defaults.to_vec())
                    }),
                    _ => self.builtin_type_attr(obj, name)?,
                })
            }
            Value::BoundMethod(b) => Ok(match name {
                "__self__" => Some(b.receiver.clone()),
                "__func__" => Some(b.function.clone()),
                _ => {
                    let f = b.function.clone();
                    self.get_attr_opt(&f, name)?
                }
            }),
            Value::Builtin(b) => Ok(match name {
                "__name__" | "__qualname__" => Some(Value::str(b.name)),
                "__self__" => Some(b.receiver.clone().unwrap_or(Value::None)),
                _ => self.builtin_type_attr(obj, name)?,
            }),
            Value::Native(n) => {
                if let Some(s) = n.as_any().downcast_ref::<Super>() {
                    return self.super_getattr(s, name);
                }
                if let Some(p) = n.as_any().downcast_ref::<Property>() {
                    match name {
                        "fget" => return Ok(Some(p.fget.clone())),
                        "fset" => return Ok(Some(p.fset.clone())),
                        "fdel" => return Ok(Some(p.fdel.clone())),
                        "__doc__" => return Ok(Some(p.doc.clone())),
                        _ => {}
                    }
                }
                if let Some(v) = crate::object::generic_alias::getattr(obj, name) {
                    return Ok(Some(v));
                }
                if let Some(s) = n.as_any().downcast_ref::<StaticMethod>() {
                    if name == "__func__" {
                        return Ok(Some(s.0.clone()));
                    }
                }
                if let Some(s) = n.as_any().downcast_ref::<ClassMethod>() {
                    if name == "__func__" {
                        return Ok(Some(s.0.clone()));
                    }
                }
                self.builtin_type_attr(obj, name)
            }
            Value::Code(c) => match crate::interp::dynamic::code_getattr(c, name) {
                Some(v) => Ok(Some(v)),
                None => self.builtin_type_attr(obj, name),
            },
            _ => self.builtin_type_attr(obj, name),
        }
    }

    /// Attributes of built-in values: methods in their class dict, bound to the value.
    fn builtin_type_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let class = self.type_of(obj);
        if name == "__class__" {
            return Ok(Some(Value::Class(class)));
        }
        match class_lookup(&class, name, self.gil()) {
            Some(v) => Ok(Some(self.bind(v, obj, &class)?)),
            None => Ok(None),
        }
    }

    /// Bind a class attribute found for an instance `obj`.
    pub(crate) fn bind(&mut self, attr: Value, obj: &Value, class: &Arc<Class>) -> PyResult<Value> {
        let gil = self.gil();
        Ok(match attr {
            Value::Function(_) => Value::BoundMethod(Arc::new(BoundMethod {
                receiver: obj.clone(),
                function: attr,
            })),
            Value::Builtin(b) if b.receiver.is_none() => {
                let receiver = match obj {
                    // A method of the built-in type a class extends acts on the payload.
                    Value::Instance(i) if i.payload.is_some() && payload_method(class, &b, gil) => {
                        i.payload.clone()
                    }
                    _ => Some(obj.clone()),
                };
                Value::Builtin(Arc::new(Builtin {
                    name: b.name,
                    func: b.func,
                    receiver,
                }))
            }
            Value::Native(ref n) => {
                if let Some(p) = n.as_any().downcast_ref::<Property>() {
                    if p.fget.is_none() {
                        return Err(self.attribute_error("property has no getter"));
                    }
                    let g = p.fget.clone();
                    return self.call(&g, std::slice::from_ref(obj));
                }
                if let Some(s) = n.as_any().downcast_ref::<StaticMethod>() {
                    return Ok(s.0.clone());
                }
                if let Some(c) = n.as_any().downcast_ref::<ClassMethod>() {
                    return Ok(Value::BoundMethod(Arc::new(BoundMethod {
                        receiver: Value::Class(class.clone()),
                        function: c.0.clone(),
                    })));
                }
                attr
            }
            Value::Instance(ref d) if class_flags(&d.class) & flags::DESC_GET != 0 => {
                return self.descr_get(&attr, obj.clone(), class);
            }
            other => other,
        })
    }

    /// `type(descr).__get__(descr, obj, owner)` for a user descriptor (`obj` None for access on
    /// the class).
    #[cold]
    pub(crate) fn descr_get(
        &mut self,
        descr: &Value,
        obj: Value,
        owner: &Arc<Class>,
    ) -> PyResult<Value> {
        let Value::Instance(d) = descr else {
            return Ok(descr.clone());
        };
        match user_lookup(&d.class, "__get__", self.gil()) {
            Some(g) => self.call_method_value(&g, descr, &[obj, Value::Class(owner.clone())]),
            None => Ok(descr.clone()),
        }
    }

    /// `type(descr).__set__(descr, obj, v)` / `__delete__(descr, obj)` (`v` None) for a user
    /// data descriptor; AttributeError naming the missing method, as CPython.
    #[cold]
    fn descr_set(&mut self, descr: &Value, obj: &Value, v: Option<Value>) -> PyResult<()> {
        let Value::Instance(d) = descr else {
            return Ok(());
        };
        let method = if v.is_some() { "__set__" } else { "__delete__" };
        let Some(f) = user_lookup(&d.class, method, self.gil()) else {
            return Err(self.attribute_error(method));
        };
        let mut args = vec![obj.clone()];
        args.extend(v);
        self.call_method_value(&f, descr, &args)?;
        Ok(())
    }

    /// A class attribute accessed on the class itself (`A.f`, `A.create`).
    pub(crate) fn bind_class_attr(&mut self, attr: Value, class: &Arc<Class>) -> PyResult<Value> {
        if let Value::Instance(d) = &attr {
            if class_flags(&d.class) & flags::DESC_GET != 0 {
                return self.descr_get(&attr, Value::None, class);
            }
            return Ok(attr);
        }
        if let Some(s) = downcast::<StaticMethod>(&attr) {
            return Ok(s.0.clone());
        }
        if let Some(c) = downcast::<ClassMethod>(&attr) {
            return Ok(Value::BoundMethod(Arc::new(BoundMethod {
                receiver: Value::Class(class.clone()),
                function: c.0.clone(),
            })));
        }
        Ok(attr)
    }

    fn instance_getattr(
        &mut self,
        obj: &Value,
        inst: &Arc<Instance>,
        name: &str,
    ) -> PyResult<Option<Value>> {
        let key = StrKey::new(name);
        let class_attr = crate::object::lookup::class_lookup_key(&inst.class, &key, self.gil());
        self.instance_getattr_with(obj, inst, &key, class_attr)
    }

    /// The instance attribute rules once the class lookup (`class_attr`) is done.
    fn instance_getattr_with(
        &mut self,
        obj: &Value,
        inst: &Arc<Instance>,
        key: &StrKey,
        class_attr: Option<Value>,
    ) -> PyResult<Option<Value>> {
        let gil = self.gil();
        let name = key.s;
        let class = inst.class.clone();
        match &class_attr {
            Some(Value::Native(n)) => {
                if let Some(p) = n.as_any().downcast_ref::<Property>() {
                    if p.fget.is_none() {
                        return Err(self.attribute_error(format!(
                            "property '{name}' of '{}' object has no getter",
                            class.name.as_str()
                        )));
                    }
                    let g = p.fget.clone();
                    return self.call(&g, std::slice::from_ref(obj)).map(Some);
                }
                if let Some(m) =
                    crate::object::slots::member(class_attr.as_ref().unwrap_or(&Value::None))
                {
                    return Ok(self.slot_get(inst, m));
                }
            }
            // A data descriptor (`__set__`/`__delete__`) wins over the instance dict.
            Some(d @ Value::Instance(di)) => {
                let df = class_flags(&di.class);
                if df & flags::DESC_DATA != 0 && df & flags::DESC_GET != 0 {
                    let d = d.clone();
                    return self.descr_get(&d, obj.clone(), &class).map(Some);
                }
            }
            _ => {}
        }
        if let Some(v) = inst.attrs.borrow(gil).get(key) {
            return Ok(Some(v.clone()));
        }
        if let Some(st) = &inst.exc {
            let st = st.borrow(gil);
            match name {
                "args" => return Ok(Some(Value::tuple(st.args.clone()))),
                "__cause__" => return Ok(Some(st.cause.clone().unwrap_or(Value::None))),
                "__context__" => return Ok(Some(st.context.clone().unwrap_or(Value::None))),
                "__suppress_context__" => return Ok(Some(Value::Bool(st.suppress_context))),
                "message" | "exceptions" if st.group.is_some() => {
                    let g = st.group.as_ref().expect("checked");
                    return Ok(crate::object::exc_group::group_attr(g, name));
                }
                "__traceback__" => {
                    return Ok(Some(if st.traceback.is_empty() {
                        Value::None
                    } else {
                        crate::object::class::native(crate::object::error::TracebackObj)
                    }))
                }
                "msg"
                | "filename"
                | "lineno"
                | "offset"
                | "text"
                | "end_lineno"
                | "end_offset"
                | "print_file_and_line"
                    if crate::object::types::is_subclass(&class, &self.types().syntax_error) =>
                {
                    return Ok(Some(crate::interp::dynamic::syntax_field(&st.args, name)));
                }
                "msg" | "name" | "path"
                    if crate::object::types::is_subclass(&class, &self.types().import_error) =>
                {
                    return Ok(Some(match (name, st.args.as_slice()) {
                        ("msg", [m]) => m.clone(),
                        _ => Value::None,
                    }));
                }
                "code" | "value" => {
                    let t = self.types();
                    let wanted = if name == "code" {
                        &t.system_exit
                    } else {
                        &t.stop_iteration
                    };
                    if crate::object::types::is_subclass(&class, wanted) {
                        return Ok(Some(match st.args.len() {
                            0 => Value::None,
                            1 => st.args[0].clone(),
                            _ if name == "value" => st.args[0].clone(),
                            _ => Value::tuple(st.args.clone()),
                        }));
                    }
                }
                _ => {}
            }
        }
        match name {
            "__class__" => return Ok(Some(Value::Class(class))),
            "__dict__" if class.slots.is_none() => {
                return Ok(Some(Value::Dict(inst.attrs.clone())))
            }
            _ => {}
        }
        if let Some(attr) = class_attr {
            return self.bind(attr, obj, &class).map(Some);
        }
        Ok(None)
    }

    fn class_getattr(&mut self, c: &Arc<Class>, name: &str) -> PyResult<Option<Value>> {
        let gil = self.gil();
        if name == "__new__" {
            return self.lookup_new(c);
        }
        if let Some(v) = class_lookup(c, name, gil) {
            return self.bind_class_attr(v, c).map(Some);
        }
        Ok(match name {
            "__name__" => Some(Value::Str(c.name.clone())),
            "__qualname__" => Some(Value::Str(c.qualname.clone())),
            "__module__" => Some(Value::Str(c.module.clone())),
            "__bases__" => Some(Value::tuple(
                c.bases.iter().map(|b| Value::Class(b.clone())).collect(),
            )),
            "__base__" => Some(
                c.bases
                    .first()
                    .map(|b| Value::Class(b.clone()))
                    .unwrap_or(Value::None),
            ),
            "__mro__" => Some(Value::tuple(
                std::iter::once(c)
                    .chain(c.mro.iter())
                    .map(|b| Value::Class(b.clone()))
                    .collect(),
            )),
            "__dict__" => Some(crate::object::mappingproxy::of(c)),
            "__doc__" => Some(Value::None),
            "__class__" => Some(Value::Class(self.metaclass_of(c))),
            _ => {
                // The metaclass's attributes (methods bound to the class, properties).
                let meta = self.metaclass_of(c);
                match class_lookup(&meta, name, gil) {
                    Some(v) => Some(self.bind(v, &Value::Class(c.clone()), &meta)?),
                    None => None,
                }
            }
        })
    }

    fn super_getattr(&mut self, s: &Super, name: &str) -> PyResult<Option<Value>> {
        let gil = self.gil();
        // `super(C, cls)` in a class method walks `cls`'s MRO; `super(M, cls)` in a metaclass
        // method (`cls` an instance of `M`) walks `type(cls)`'s.
        let (obj_class, is_class) = match &s.obj {
            Value::Class(c) if crate::object::types::is_subclass(c, &s.class) => (c.clone(), true),
            other => (self.type_of(other), false),
        };
        let chain: Vec<Arc<Class>> = std::iter::once(&obj_class)
            .chain(obj_class.mro.iter())
            .cloned()
            .collect();
        let pos = chain
            .iter()
            .position(|c| Arc::ptr_eq(c, &s.class))
            .map_or(chain.len(), |p| p + 1);
        let key = StrKey::new(name);
        for c in &chain[pos..] {
            let found = c.dict.borrow(gil).get(&key).cloned();
            if let Some(v) = found {
                if name == "__new__" && !is_user_class(c, gil) {
                    return Ok(Some(crate::object::class::builtin_new_of(self, c)));
                }
                if is_class {
                    return self.bind_class_attr(v, &obj_class).map(Some);
                }
                return self.bind(v, &s.obj, &obj_class).map(Some);
            }
        }
        if name == "__class__" {
            return Ok(Some(Value::Class(
                self.types()
                    .natives
                    .borrow(gil)
                    .get("super")
                    .cloned()
                    .unwrap_or_else(|| self.types().object.clone()),
            )));
        }
        Ok(None)
    }

    /// LoadMethod: `(function, Some(obj))` when `name` is a plain function (or native method) on
    /// the type, so no bound method is allocated; else `(attr, None)`. For instances the class
    /// lookup goes through the site's inline cache when there is one.
    #[inline]
    pub(crate) fn load_method_site(
        &mut self,
        obj: Value,
        key: &StrKey,
        site: Option<&crate::object::gilcell::GilCell<crate::object::lookup::AttrSite>>,
    ) -> PyResult<(Value, Option<Value>)> {
        let gil = self.gil();
        let name = key.s;
        match &obj {
            Value::Instance(inst) => {
                if class_flags(&inst.class) & flags::GETATTRIBUTE == 0
                    && !inst.attrs.borrow(gil).contains_key(key)
                {
                    let found = match site {
                        Some(site) => {
                            crate::object::lookup::site_lookup(site, &inst.class, key, gil)
                        }
                        None => crate::object::lookup::class_lookup_key(&inst.class, key, gil),
                    };
                    match found {
                        Some(f @ Value::Function(_)) => return Ok((f, Some(obj))),
                        Some(Value::Builtin(b))
                            if b.receiver.is_none()
                                && inst.exc.is_none()
                                && inst.payload.is_none() =>
                        {
                            return Ok((Value::Builtin(b), Some(obj)))
                        }
                        _ => {}
                    }
                }
                let v = self.get_attr(&obj, name)?;
                Ok((v, None))
            }
            Value::Module(_)
            | Value::Class(_)
            | Value::Native(_)
            | Value::Function(_)
            | Value::BoundMethod(_) => {
                let v = self.get_attr(&obj, name)?;
                Ok((v, None))
            }
            _ => {
                let class = self.type_of(&obj);
                match crate::object::lookup::class_lookup_key(&class, key, gil) {
                    Some(Value::Builtin(b)) if b.receiver.is_none() => {
                        Ok((Value::Builtin(b), Some(obj)))
                    }
                    Some(f @ Value::Function(_)) => Ok((f, Some(obj))),
                    _ => {
                        let v = self.get_attr(&obj, name)?;
                        Ok((v, None))
                    }
                }
            }
        }
    }

    /// `setattr(obj, name, v)`
    pub fn set_attr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            if class_flags(&inst.class) & flags::SETATTR != 0 {
                if let Some(sa) = user_lookup(&inst.class, "__setattr__", self.gil()) {
                    self.call_method_value(&sa, obj, &[Value::str(name), v])?;
                    return Ok(());
                }
            }
        }
        self.set_attr_generic(obj, name, v)
    }

    /// `object.__setattr__`: setattr without a user `__setattr__`.
    pub(crate) fn set_attr_generic(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        let gil = self.gil();
        match obj {
            Value::Instance(inst) => {
                if let Some(attr) = class_lookup(&inst.class, name, gil) {
                    if let Value::Instance(d) = &attr {
                        if class_flags(&d.class) & flags::DESC_DATA != 0 {
                            return self.descr_set(&attr, obj, Some(v));
                        }
                    }
                    if let Some(p) = downcast::<Property>(&attr) {
                        if p.fset.is_none() {
                            return Err(self.attribute_error(format!(
                                "property '{name}' of '{}' object has no setter",
                                inst.class.name.as_str()
                            )));
                        }
                        let f = p.fset.clone();
                        self.call(&f, &[obj.clone(), v])?;
                        return Ok(());
                    }
                    if let Some(m) = crate::object::slots::member(&attr) {
                        return self.slot_set(obj, inst, m, Some(v));
                    }
                }
                if inst.class.slots.is_some() {
                    return Err(self.no_attribute(obj, name));
                }
                if let Some(st) = &inst.exc {
                    let mut st = st.borrow_mut(gil);
                    match name {
                        "message" | "exceptions" if st.group.is_some() => {
                            return Err(self.attribute_error("readonly attribute"));
                        }
                        "args" => {
                            drop(st);
                            let items = self.collect(&v)?;
                            if let Some(st) = &inst.exc {
                                st.borrow_mut(gil).args = items;
                            }
                            return Ok(());
                        }
                        "__cause__" => {
                            st.cause = if v.is_none() { None } else { Some(v) };
                            st.suppress_context = true;
                            return Ok(());
                        }
                        "__context__" => {
                            st.context = if v.is_none() { None } else { Some(v) };
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            st.suppress_context = matches!(v, Value::Bool(true));
                            return Ok(());
                        }
                        "__traceback__" => return Ok(()),
                        _ => {}
                    }
                }
                if !is_user_class(&inst.class, gil) && inst.exc.is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                inst.attrs.borrow_mut(gil).insert(str_key(name), v);
                Ok(())
            }
            Value::Class(c) => {
                if !is_user_class(c, gil) {
                    return Err(self.type_error(format!(
                        "cannot set '{name}' attribute of immutable type '{}'",
                        c.name.as_str()
                    )));
                }
                c.dict.borrow_mut(gil).insert(str_key(name), v);
                if flags::affects(name) {
                    crate::object::class::refresh_flags(c, gil);
                }
                Ok(())
            }
            Value::Module(m) => {
                m.globals.borrow_mut(gil).insert(str_key(name), v);
                Ok(())
            }
            Value::Function(f) => {
                f.attrs
                    .borrow_mut(gil)
                    .get_or_insert_with(Default::default)
                    .insert(str_key(name), v);
                Ok(())
            }
            _ => Err(self.no_attribute(obj, name)),
        }
    }

    /// `delattr(obj, name)`
    pub fn del_attr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            if class_flags(&inst.class) & flags::DELATTR != 0 {
                if let Some(da) = user_lookup(&inst.class, "__delattr__", self.gil()) {
                    self.call_method_value(&da, obj, &[Value::str(name)])?;
                    return Ok(());
                }
            }
        }
        self.del_attr_generic(obj, name)
    }

    /// `object.__delattr__`: delattr without a user `__delattr__`.
    pub(crate) fn del_attr_generic(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        let gil = self.gil();
        let key = StrKey::new(name);
        let removed = match obj {
            Value::Instance(inst) => {
                if let Some(attr) = class_lookup(&inst.class, name, gil) {
                    if let Value::Instance(d) = &attr {
                        if class_flags(&d.class) & flags::DESC_DATA != 0 {
                            return self.descr_set(&attr, obj, None);
                        }
                    }
                    if let Some(p) = downcast::<Property>(&attr) {
                        if p.fdel.is_none() {
                            return Err(self.attribute_error(format!(
                                "property '{name}' of '{}' object has no deleter",
                                inst.class.name.as_str()
                            )));
                        }
                        let f = p.fdel.clone();
                        self.call(&f, std::slice::from_ref(obj))?;
                        return Ok(());
                    }
                    if let Some(m) = crate::object::slots::member(&attr) {
                        return self.slot_set(obj, inst, m, None);
                    }
                }
                inst.attrs.borrow_mut(gil).shift_remove(&key).is_some()
            }
            Value::Class(c) if is_user_class(c, gil) => {
                let removed = c.dict.borrow_mut(gil).shift_remove(&key).is_some();
                if removed && flags::affects(name) {
                    crate::object::class::refresh_flags(c, gil);
                }
                removed
            }
            Value::Module(m) => m.globals.borrow_mut(gil).shift_remove(&key).is_some(),
            Value::Function(f) => f
                .attrs
                .borrow_mut(gil)
                .as_mut()
                .is_some_and(|a| a.shift_remove(&key).is_some()),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(self.no_attribute(obj, name))
        }
    }
}
