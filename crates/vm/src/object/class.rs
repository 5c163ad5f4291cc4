//! Classes: `BuildClass`, instantiation (`A(...)` runs `__init__` found through the MRO),
//! `super()`, and the descriptor types `property`, `staticmethod` and `classmethod`, which are
//! native objects registered into builtins by [`install_builtins`].

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::types::new_builtin_class;
use crate::object::value::{
    Builtin, BuiltinType, Class, DictMap, ExcState, Instance, NativeFn, NativeObject, PyStr, Value,
};
use crate::protocol::hash::{dict_get_str, str_key};

/// `staticmethod(f)`
#[derive(Debug)]
pub struct StaticMethod(pub Value);
/// `classmethod(f)`
#[derive(Debug)]
pub struct ClassMethod(pub Value);
/// `property(fget, fset, fdel, doc)`
#[derive(Debug, Clone)]
pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}
/// The proxy `super()` returns: attribute lookup starts after `class` in `obj`'s MRO.
#[derive(Debug)]
pub struct Super {
    pub class: Arc<Class>,
    pub obj: Value,
}

// The wrappers hold their values without a cell: chains of them (`x = property(x)` in a loop)
// free through the trashcan.
impl Drop for StaticMethod {
    fn drop(&mut self) {
        crate::object::trashcan::release(std::mem::take(&mut self.0));
    }
}
impl Drop for ClassMethod {
    fn drop(&mut self) {
        crate::object::trashcan::release(std::mem::take(&mut self.0));
    }
}
impl Drop for Property {
    fn drop(&mut self) {
        crate::object::trashcan::release((
            std::mem::take(&mut self.fget),
            std::mem::take(&mut self.fset),
            std::mem::take(&mut self.fdel),
            std::mem::take(&mut self.doc),
        ));
    }
}

impl NativeObject for StaticMethod {
    fn type_name(&self) -> &'static str {
        "staticmethod"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
impl NativeObject for ClassMethod {
    fn type_name(&self) -> &'static str {
        "classmethod"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
impl NativeObject for Property {
    fn type_name(&self) -> &'static str {
        "property"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
impl NativeObject for Super {
    fn type_name(&self) -> &'static str {
        "super"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub fn native(obj: impl NativeObject) -> Value {
    Value::Native(Arc::new(Box::new(obj)))
}

/// `X.__new__` for a built-in class `X`: [`builtin_new`] bound to `X` (one per class).
pub(crate) fn builtin_new_of(vm: &Vm, owner: &Arc<Class>) -> Value {
    let key = Arc::as_ptr(owner) as usize;
    let mut cache = vm.types().new_wrappers.borrow_mut(vm.gil());
    cache
        .entry(key)
        .or_insert_with(|| {
            Value::Builtin(Arc::new(Builtin {
                name: "__new__",
                func: builtin_new,
                receiver: Some(Value::Class(owner.clone())),
            }))
        })
        .clone()
}

fn builtin(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Arc::new(Builtin {
        name,
        func,
        receiver: None,
    }))
}

fn set(dict: &crate::object::lookup::ClassDict, vm: &Vm, name: &str, v: Value) {
    dict.borrow_mut(vm.gil()).insert(str_key(name), v);
}

/// Is this a class made by a `class` statement (as opposed to a built-in type)?
pub fn is_user_class(class: &Class, gil: crate::Gil) -> bool {
    dict_get_str(&class.dict.borrow(gil), "__module__").is_some()
}

/// Bits of [`Class::flags`]: which hooks the user-defined part of a class (the class and its
/// ancestors up to the first built-in class, as [`crate::protocol::attr::user_lookup`] sees them)
/// defines. A class without any of them pays one bit test on the attribute and call paths.
pub mod flags {
    /// `__new__`: instantiation calls it.
    pub const NEW: u32 = 1 << 0;
    /// `__getattribute__`: every attribute read on an instance calls it.
    pub const GETATTRIBUTE: u32 = 1 << 1;
    /// `__getattr__`: the fallback when an attribute is missing.
    pub const GETATTR: u32 = 1 << 2;
    /// `__setattr__` / `__delattr__`.
    pub const SETATTR: u32 = 1 << 3;
    pub const DELATTR: u32 = 1 << 4;
    /// Instances are descriptors: `__get__`, `__set__`, `__delete__`.
    pub const DESC_GET: u32 = 1 << 5;
    pub const DESC_SET: u32 = 1 << 6;
    pub const DESC_DELETE: u32 = 1 << 7;
    /// Instances are data descriptors (`__set__` or `__delete__`).
    pub const DESC_DATA: u32 = DESC_SET | DESC_DELETE;
    /// `__eq__` (keys that are instances of subclasses of built-in types compare by payload
    /// only without it).
    pub const EQ: u32 = 1 << 8;
    /// `__init_subclass__` (else creating a subclass need not look for one).
    pub const INIT_SUBCLASS: u32 = 1 << 9;
    /// `__abstractmethods__` (instantiation checks that it is empty).
    pub const ABSTRACT: u32 = 1 << 10;
    /// Not a hook: a user class comes after a built-in one in the MRO, so a search for user
    /// definitions cannot stop at the first built-in class.
    pub const MIXED_MRO: u32 = 1 << 16;

    /// The dunder behind each bit.
    pub const NAMES: &[(&str, u32)] = &[
        ("__new__", NEW),
        ("__getattribute__", GETATTRIBUTE),
        ("__getattr__", GETATTR),
        ("__setattr__", SETATTR),
        ("__delattr__", DELATTR),
        ("__get__", DESC_GET),
        ("__set__", DESC_SET),
        ("__delete__", DESC_DELETE),
        ("__eq__", EQ),
        ("__init_subclass__", INIT_SUBCLASS),
        ("__abstractmethods__", ABSTRACT),
    ];

    /// Does setting or deleting the class attribute `name` change a flag?
    pub fn affects(name: &str) -> bool {
        name.starts_with("__") && NAMES.iter().any(|(n, _)| *n == name)
    }
}

/// Built-in types that user classes may extend (their instances carry a payload value).
pub fn is_payload_kind(kind: BuiltinType) -> bool {
    matches!(
        kind,
        BuiltinType::Int
            | BuiltinType::Float
            | BuiltinType::Str
            | BuiltinType::Tuple
            | BuiltinType::List
            | BuiltinType::Dict
            | BuiltinType::Set
            | BuiltinType::FrozenSet
    )
}

/// `v`, or the payload of an instance of a subclass of a built-in type.
#[inline]
pub fn strip(v: &Value) -> &Value {
    match v {
        Value::Instance(i) => i.payload.as_ref().unwrap_or(v),
        _ => v,
    }
}

/// Is `v` an instance of a subclass of a built-in type?
#[inline]
pub fn has_payload(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if i.payload.is_some())
}

/// The nearest built-in class of `class` (itself if built in).
pub(crate) fn solid_base(class: &Arc<Class>, gil: crate::Gil) -> Arc<Class> {
    std::iter::once(class)
        .chain(class.mro.iter())
        .find(|c| !is_user_class(c, gil))
        .unwrap_or(class)
        .clone()
}

/// The flags of `class`: its own dict's (for a user class) and its base's, which summarise the
/// base's user ancestors (built-in classes have none).
fn compute_flags(class: &Arc<Class>, gil: crate::Gil) -> u32 {
    if !is_user_class(class, gil) {
        return 0;
    }
    let mut bits = class
        .bases
        .iter()
        .fold(0, |acc, b| acc | (class_flags(b) & !flags::MIXED_MRO));
    // A user class after a built-in one in the MRO (`class C(int, Mixin)`).
    let mut seen_builtin = false;
    for c in class.mro.iter() {
        let user = is_user_class(c, gil);
        if user && seen_builtin {
            bits |= flags::MIXED_MRO;
            break;
        }
        seen_builtin |= !user;
    }
    let d = class.dict.borrow(gil);
    for &(name, bit) in flags::NAMES {
        if dict_get_str(&d, name).is_some() {
            bits |= bit;
        }
    }
    bits
}

/// Recompute the flags of `class` and of every class derived from it (after one of
/// [`flags::NAMES`] was set or deleted on it).
pub(crate) fn refresh_flags(class: &Arc<Class>, gil: crate::Gil) {
    // A worklist rather than recursion: hierarchies can be deep.
    let mut todo = vec![class.clone()];
    while let Some(c) = todo.pop() {
        c.flags
            .store(compute_flags(&c, gil), std::sync::atomic::Ordering::Relaxed);
        todo.extend(
            c.subclasses
                .borrow(gil)
                .iter()
                .filter_map(std::sync::Weak::upgrade),
        );
    }
}

/// The flags of a class (one relaxed load).
#[inline(always)]
pub fn class_flags(class: &Class) -> u32 {
    class.flags.load(std::sync::atomic::Ordering::Relaxed)
}

/// Methods the core needs on `object` and `BaseException` (for `super().__init__(...)`,
/// `object.__repr__(self)` and friends).
pub(crate) fn install_core(vm: &mut Vm) {
    let t = vm.types();
    let (object, base_exc) = (t.object.clone(), t.base_exception.clone());
    let t = vm.types();
    set(
        &object.dict,
        vm,
        "__init__",
        builtin("__init__", object_init),
    );
    set(
        &object.dict,
        vm,
        "__repr__",
        builtin("__repr__", object_repr),
    );
    set(&object.dict, vm, "__str__", builtin("__str__", object_str));
    set(&object.dict, vm, "__eq__", builtin("__eq__", object_eq));
    set(&object.dict, vm, "__ne__", builtin("__ne__", object_ne));
    set(
        &object.dict,
        vm,
        "__hash__",
        builtin("__hash__", object_hash),
    );
    set(
        &object.dict,
        vm,
        "__setattr__",
        builtin("__setattr__", object_setattr),
    );
    set(
        &object.dict,
        vm,
        "__getattribute__",
        builtin("__getattribute__", object_getattribute),
    );
    set(
        &object.dict,
        vm,
        "__delattr__",
        builtin("__delattr__", object_delattr),
    );
    // The constructors of `object` and `BaseException` (found by `__new__` lookups, which wrap
    // them as `builtin_new`; `object()` itself is made by `instantiate`).
    set(&object.dict, vm, "__new__", builtin("__new__", object_ctor));
    set(
        &base_exc.dict,
        vm,
        "__new__",
        builtin("__new__", object_ctor),
    );
    set(
        &object.dict,
        vm,
        "__init_subclass__",
        native(ClassMethod(builtin(
            "__init_subclass__",
            object_init_subclass,
        ))),
    );
    set(
        &base_exc.dict,
        vm,
        "__init__",
        builtin("__init__", exc_init),
    );
    set(&base_exc.dict, vm, "__str__", builtin("__str__", exc_str));
    set(
        &base_exc.dict,
        vm,
        "__repr__",
        builtin("__repr__", exc_repr),
    );
    set(
        &base_exc.dict,
        vm,
        "with_traceback",
        builtin("with_traceback", exc_with_traceback),
    );

    crate::object::exc_group::install(vm);
    let (list, dict, set_class) = (t.list.clone(), t.dict.clone(), t.set.clone());
    set(&list.dict, vm, "__init__", builtin("__init__", list_init));
    set(&dict.dict, vm, "__init__", builtin("__init__", dict_init));
    set(
        &set_class.dict,
        vm,
        "__init__",
        builtin("__init__", set_init),
    );

    let object = vm.types().object.clone();
    let mk = |name: &'static str, new: NativeFn, vm: &Vm| {
        let c = new_builtin_class(name, Some(&object), BuiltinType::Native);
        set(&c.dict, vm, "__new__", builtin("__new__", new));
        vm.types()
            .natives
            .borrow_mut(vm.gil())
            .insert(name, c.clone());
        c
    };
    let prop = mk("property", property_new, vm);
    set(&prop.dict, vm, "setter", builtin("setter", property_setter));
    set(&prop.dict, vm, "getter", builtin("getter", property_getter));
    set(
        &prop.dict,
        vm,
        "deleter",
        builtin("deleter", property_deleter),
    );
    mk("staticmethod", staticmethod_new, vm);
    mk("classmethod", classmethod_new, vm);
    mk("super", super_new, vm);
    crate::object::metaclass::install(vm);
    crate::object::slots::install(vm);
    crate::object::generic_alias::install(vm);
    crate::object::mappingproxy::install(vm);
}

/// Register `super`, `property`, `staticmethod` and `classmethod` in builtins.
pub(crate) fn install_builtins(vm: &mut Vm) {
    let gil = vm.gil();
    let natives: Vec<(&str, Arc<Class>)> = vm
        .types()
        .natives
        .borrow(gil)
        .iter()
        .map(|(k, v)| (*k, v.clone()))
        .collect();
    let builtins = vm.interp.builtins.clone();
    let mut g = builtins.globals.borrow_mut(gil);
    for (name, class) in natives {
        if matches!(name, "property" | "staticmethod" | "classmethod" | "super") {
            g.insert(str_key(name), Value::Class(class));
        }
    }
}

fn arg(args: &[Value], i: usize) -> &Value {
    args.get(i).unwrap_or(&Value::None)
}

/// `object.__init__(self, *args, **kwargs)`: extra arguments are an error when the class
/// overrides `__init__`, or when it overrides neither `__init__` nor `__new__` (CPython's rule).
fn object_init(vm: &mut Vm, args: &[Value], kwargs: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    if args.len() > 1 || !kwargs.is_empty() {
        let class = vm.type_of(arg(args, 0));
        let gil = vm.gil();
        let own_init = crate::protocol::attr::user_lookup(&class, "__init__", gil).is_some()
            || class.builtin == BuiltinType::Exception;
        if own_init {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        let object_new = solid_base(&class, gil).builtin == BuiltinType::Object
            && class_flags(&class) & flags::NEW == 0;
        if object_new {
            return Err(vm.type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                class.name.as_str()
            )));
        }
    }
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    Ok(Value::str(vm.default_repr(arg(args, 0))))
}

fn object_str(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    Ok(Value::str(vm.repr(arg(args, 0))?))
}

fn object_eq(_: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    Ok(if arg(args, 0).is(arg(args, 1)) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

fn object_ne(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    let eq = vm.eq(arg(args, 0), arg(args, 1))?;
    Ok(Value::Bool(!eq))
}

fn object_hash(_: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    Ok(Value::Int(
        crate::protocol::hash::hash_ptr(crate::protocol::repr::object_id(arg(args, 0))) as i64,
    ))
}

fn object_setattr(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    let Value::Str(name) = arg(args, 1) else {
        return Err(vm.type_error("attribute name must be string"));
    };
    vm.set_attr_generic(arg(args, 0), name.as_str(), arg(args, 2).clone())?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    let Value::Str(name) = arg(args, 1) else {
        let tn = vm.type_name(arg(args, 1));
        return Err(vm.type_error(format!("attribute name must be string, not '{tn}'")));
    };
    let obj = arg(args, 0);
    match vm.generic_getattr(obj, name.as_str())? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(obj, name.as_str())),
    }
}

fn object_delattr(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    let Value::Str(name) = arg(args, 1) else {
        let tn = vm.type_name(arg(args, 1));
        return Err(vm.type_error(format!("attribute name must be string, not '{tn}'")));
    };
    vm.del_attr_generic(arg(args, 0), name.as_str())?;
    Ok(Value::None)
}

/// What `object.__dict__['__new__']` holds; never called as such (a `__new__` lookup wraps it
/// into [`builtin_new`]).
fn object_ctor(vm: &mut Vm, args: &[Value], kwargs: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    let object = vm.types().object.clone();
    vm.instantiate(&object, args, kwargs)
}

fn object_init_subclass(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Arc<PyStr>, Value)],
) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "object.__init_subclass__() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    if !kwargs.is_empty() {
        let name = match arg(args, 0) {
            Value::Class(c) => c.qualname.as_str().to_string(),
            _ => "object".to_string(),
        };
        return Err(vm.type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

/// `X.__new__(cls, *args, **kwargs)` for a built-in class `X` (the receiver): what
/// `object.__new__(cls)`, `super().__new__(cls, ...)` and `tuple.__new__(cls, ...)` call.
fn builtin_new(vm: &mut Vm, args: &[Value], kwargs: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    let Value::Class(owner) = arg(args, 0) else {
        return Err(vm.type_error("__new__ of a non-type"));
    };
    let owner = owner.clone();
    let gil = vm.gil();
    let cls = match args.get(1) {
        Some(Value::Class(c)) => c.clone(),
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(format!(
                "{}.__new__(X): X is not a type object ({tn})",
                owner.name.as_str()
            )));
        }
        None => {
            return Err(vm.type_error(format!(
                "{}.__new__(): not enough arguments",
                owner.name.as_str()
            )))
        }
    };
    if !crate::object::types::is_subclass(&cls, &owner) {
        return Err(vm.type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            owner.name.as_str(),
            cls.name.as_str(),
            cls.name.as_str(),
            owner.name.as_str()
        )));
    }
    // The built-in class whose constructor instances of `cls` need (CPython's "not safe" test).
    let solid = solid_base(&cls, gil);
    if !Arc::ptr_eq(&solid, &owner) && solid.builtin != owner.builtin {
        return Err(vm.type_error(format!(
            "{}.__new__({}) is not safe, use {}.__new__()",
            owner.name.as_str(),
            cls.name.as_str(),
            solid.name.as_str()
        )));
    }
    let rest = &args[2..];
    let excess = !rest.is_empty() || !kwargs.is_empty();
    match owner.builtin {
        BuiltinType::Object if !is_user_class(&owner, gil) => {
            if excess {
                let f = class_flags(&cls);
                if f & flags::NEW != 0 {
                    return Err(vm.type_error(
                        "object.__new__() takes exactly one argument (the type to instantiate)",
                    ));
                }
                if crate::protocol::attr::user_lookup(&cls, "__init__", gil).is_none() {
                    return Err(
                        vm.type_error(format!("{}() takes no arguments", cls.name.as_str()))
                    );
                }
            }
            Ok(vm.new_instance(&cls, None, None))
        }
        BuiltinType::Exception
            if crate::object::types::is_subclass(&cls, &vm.types().base_exception_group) =>
        {
            crate::object::exc_group::eg_new(vm, &cls, rest)
        }
        BuiltinType::Exception => Ok(vm.new_instance(&cls, Some(rest.to_vec()), None)),
        BuiltinType::Type => vm.type_make(&cls, rest, kwargs),
        kind if is_payload_kind(kind) && !Arc::ptr_eq(&cls, &owner) => {
            let payload = vm.default_payload(&owner, rest, kwargs)?;
            Ok(vm.new_instance(&cls, None, Some(payload)))
        }
        _ if Arc::ptr_eq(&cls, &owner) => vm.instantiate(&cls, rest, kwargs),
        _ => Err(vm.type_error(format!(
            "{}.__new__({}) is not supported by gilvm",
            owner.name.as_str(),
            cls.name.as_str()
        ))),
    }
}

/// `list.__init__(self, iterable=())`, `set.__init__` likewise: empty the container, then add the
/// iterable's items (with the container's own `extend` / `update`).
fn refill(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Arc<PyStr>, Value)],
    type_name: &str,
    add: &str,
) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(vm.type_error(format!("{type_name}() takes no keyword arguments")));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "{type_name} expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let gil = vm.gil();
    // A subclass instance is filled through its payload: its own `extend`/`update` overrides
    // are not called (as CPython's list.__init__ and set.__init__ do not).
    let this = strip(arg(args, 0)).clone();
    match &this {
        Value::List(l) => l.borrow_mut(gil).clear(),
        Value::Set(s) => s.borrow_mut(gil).clear(),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(format!(
                "descriptor '__init__' requires a '{type_name}' object but received a '{tn}'"
            )));
        }
    }
    if let Some(items) = args.get(1) {
        let m = vm.get_attr(&this, add)?;
        vm.call(&m, std::slice::from_ref(items))?;
    }
    Ok(Value::None)
}

fn list_init(vm: &mut Vm, args: &[Value], kwargs: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    refill(vm, args, kwargs, "list", "extend")
}

fn set_init(vm: &mut Vm, args: &[Value], kwargs: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    refill(vm, args, kwargs, "set", "update")
}

/// `dict.__init__(self, *args, **kwargs)`: `update` (without emptying, as CPython).
fn dict_init(vm: &mut Vm, args: &[Value], kwargs: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "dict expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let this = strip(arg(args, 0)).clone();
    if !matches!(this, Value::Dict(_)) {
        let tn = vm.type_name(arg(args, 0));
        return Err(vm.type_error(format!(
            "descriptor '__init__' requires a 'dict' object but received a '{tn}'"
        )));
    }
    // The payload's own update: a subclass's `update` override is not called (as CPython).
    let m = vm.get_attr(&this, "update")?;
    vm.call_kw(&m, &args[1..], kwargs)?;
    Ok(Value::None)
}

fn exc_init(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    if let Some(Value::Instance(i)) = args.first() {
        if let Some(st) = &i.exc {
            st.borrow_mut(vm.gil()).args = args[1..].to_vec();
        }
        if crate::object::types::is_subclass(&i.class, &vm.types().os_error) {
            os_error_init(vm, &args[0], &args[1..])?;
        }
    }
    Ok(Value::None)
}

/// CPython's OSError fields: `OSError(errno, strerror[, filename[, winerror[, filename2]]])`
/// sets `errno`, `strerror`, `filename`, `filename2` (else all None), and with a filename
/// `args` is only `(errno, strerror)`.
fn os_error_init(vm: &mut Vm, this: &Value, a: &[Value]) -> PyResult<()> {
    let field = |i: usize| a.get(i).cloned().unwrap_or_default();
    let (errno, strerror, filename, filename2) = if (2..=5).contains(&a.len()) {
        (field(0), field(1), field(2), field(4))
    } else {
        Default::default()
    };
    for (name, v) in [
        ("errno", errno),
        ("strerror", strerror),
        ("filename", filename.clone()),
        ("filename2", filename2),
    ] {
        vm.set_attr(this, name, v)?;
    }
    if a.len() > 2 && !matches!(filename, Value::None) {
        if let Value::Instance(i) = this {
            if let Some(st) = &i.exc {
                st.borrow_mut(vm.gil()).args = a[..2].to_vec();
            }
        }
    }
    Ok(())
}

/// CPython's OSError.__str__ for one made from Python with an errno (gilvm's own errors carry
/// their finished message as their only argument): None if it has no errno fields.
pub(crate) fn os_error_str(vm: &mut Vm, this: &Value) -> PyResult<Option<String>> {
    let get = |vm: &mut Vm, n: &str| -> PyResult<Value> {
        Ok(vm.get_attr_opt(this, n)?.unwrap_or_default())
    };
    let errno = get(vm, "errno")?;
    let strerror = get(vm, "strerror")?;
    let filename = get(vm, "filename")?;
    let filename2 = get(vm, "filename2")?;
    let (e, s) = (vm.to_str(&errno)?, vm.to_str(&strerror)?);
    Ok(match (&filename, &filename2) {
        (Value::None, _) if matches!(errno, Value::None) || matches!(strerror, Value::None) => None,
        (Value::None, _) => Some(format!("[Errno {e}] {s}")),
        (f, Value::None) => Some(format!("[Errno {e}] {s}: {}", vm.repr(f)?)),
        (f, f2) => Some(format!(
            "[Errno {e}] {s}: {} -> {}",
            vm.repr(f)?,
            vm.repr(f2)?
        )),
    })
}

fn exc_str(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    match args.first() {
        Some(Value::Instance(i)) => Ok(Value::str(vm.exc_args_str(i)?)),
        _ => Ok(Value::str("")),
    }
}

fn exc_repr(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    match args.first() {
        Some(Value::Instance(i)) => Ok(Value::str(vm.exc_repr(i)?)),
        _ => Ok(Value::str("")),
    }
}

fn exc_with_traceback(_: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    Ok(arg(args, 0).clone())
}

fn property_new(vm: &mut Vm, args: &[Value], kwargs: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    let mut p = Property {
        fget: arg(args, 0).clone(),
        fset: arg(args, 1).clone(),
        fdel: arg(args, 2).clone(),
        doc: arg(args, 3).clone(),
    };
    for (k, v) in kwargs {
        match k.as_str() {
            "fget" => p.fget = v.clone(),
            "fset" => p.fset = v.clone(),
            "fdel" => p.fdel = v.clone(),
            "doc" => p.doc = v.clone(),
            other => {
                return Err(vm.type_error(format!(
                    "property() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    Ok(native(p))
}

fn with_property(
    vm: &mut Vm,
    args: &[Value],
    f: impl FnOnce(&mut Property, Value),
) -> PyResult<Value> {
    let p = match args.first() {
        Some(Value::Native(n)) => n.as_any().downcast_ref::<Property>().cloned(),
        _ => None,
    };
    let Some(mut p) = p else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    f(&mut p, arg(args, 1).clone());
    Ok(native(p))
}

fn property_setter(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    with_property(vm, args, |p, v| p.fset = v)
}
fn property_getter(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    with_property(vm, args, |p, v| p.fget = v)
}
fn property_deleter(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    with_property(vm, args, |p, v| p.fdel = v)
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "staticmethod expected 1 argument, got {}",
            args.len()
        )));
    }
    Ok(native(StaticMethod(args[0].clone())))
}

fn classmethod_new(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "classmethod expected 1 argument, got {}",
            args.len()
        )));
    }
    Ok(native(ClassMethod(args[0].clone())))
}

/// `super()` / `super(C, obj)`.
fn super_new(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    let (class, obj) = match args.len() {
        2 => match &args[0] {
            Value::Class(c) => (c.clone(), args[1].clone()),
            other => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(format!("super() argument 1 must be a type, not {tn}")));
            }
        },
        0 => vm.super_from_frame()?,
        n => return Err(vm.type_error(format!("super() takes 0 or 2 arguments ({n} given)"))),
    };
    let ok = match &obj {
        Value::Class(c) => crate::object::types::is_subclass(c, &class),
        _ => false,
    } || crate::object::types::is_subclass(&vm.type_of(&obj), &class);
    if !ok {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(native(Super { class, obj }))
}

impl Vm {
    /// Zero-argument `super()`: the `__class__` cell and first argument of the calling frame.
    fn super_from_frame(&mut self) -> PyResult<(Arc<Class>, Value)> {
        let gil = self.gil();
        let Some(frame) = self.frames.last() else {
            return Err(self.runtime_error("super(): no arguments"));
        };
        let Some(func) = &frame.func else {
            return Err(self.runtime_error("super(): no arguments"));
        };
        let co = &func.code.code;
        let class_cell = if let Some(j) = co.freevars.iter().position(|n| &**n == "__class__") {
            func.closure.get(j).cloned()
        } else {
            co.cellvars
                .iter()
                .position(|n| &**n == "__class__")
                .and_then(|j| frame.cells.get(j).cloned())
        };
        let Some(class_cell) = class_cell else {
            return Err(self.runtime_error("super(): __class__ cell not found"));
        };
        if co.argcount == 0 && !co.flags.varargs {
            return Err(self.runtime_error("super(): no arguments"));
        }
        // The first argument: a local, or moved into a cell when captured.
        let first = match co.cell_params.iter().position(|p| *p == Some(0)) {
            Some(c) => frame.cells.get(c).and_then(|c| c.borrow(gil).clone()),
            None => {
                let v = self.stack.get(frame.base as usize).cloned();
                v.filter(|v| !self.is_null(v))
            }
        };
        let first = match first {
            Some(Value::Tuple(t)) if co.argcount == 0 => t.items.first().cloned(),
            other => other,
        };
        let Some(first) = first else {
            return Err(self.runtime_error("super(): arg[0] deleted"));
        };
        let class = class_cell.borrow(gil).clone();
        match class {
            Some(Value::Class(c)) => Ok((c, first)),
            _ => Err(self.runtime_error("super(): empty __class__ cell")),
        }
    }

    /// Can a class statement derive from `c`? User classes, `object`, the exception classes and
    /// the payload kinds (`int`, `float`, `str`, `tuple`, `list`, `dict`, `set`).
    pub(crate) fn check_base(&self, c: &Arc<Class>) -> PyResult<()> {
        let gil = self.gil();
        if is_user_class(c, gil) {
            return Ok(());
        }
        match c.builtin {
            BuiltinType::Object if Arc::ptr_eq(c, &self.types().object) => Ok(()),
            BuiltinType::Exception | BuiltinType::Type => Ok(()),
            kind if is_payload_kind(kind) => Ok(()),
            BuiltinType::Bool
            | BuiltinType::NoneType
            | BuiltinType::Range
            | BuiltinType::Slice
            | BuiltinType::Function
            | BuiltinType::BuiltinFunction
            | BuiltinType::Method
            | BuiltinType::Ellipsis
            | BuiltinType::NotImplemented => Err(self.type_error(format!(
                "type '{}' is not an acceptable base type",
                c.name.as_str()
            ))),
            _ => Err(self.type_error(format!(
                "gilvm cannot subclass the built-in type '{}'",
                c.name.as_str()
            ))),
        }
    }

    /// The built-in value of a new instance of a subclass of `solid` (a payload kind): the
    /// constructor's result for the immutable types, an empty container for the others (their
    /// `__init__` fills it).
    pub(crate) fn default_payload(
        &mut self,
        solid: &Arc<Class>,
        args: &[Value],
        kwargs: &[(Arc<PyStr>, Value)],
    ) -> PyResult<Value> {
        match solid.builtin {
            BuiltinType::List => Ok(Value::list(Vec::new())),
            BuiltinType::Dict => Ok(Value::Dict(Arc::new(GilCell::new(DictMap::default())))),
            BuiltinType::Set => Ok(Value::Set(Arc::new(GilCell::new(Default::default())))),
            _ => self.instantiate(solid, args, kwargs),
        }
    }

    /// Make a user class (for a `class` statement or `type(name, bases, dict)`): a `__new__`
    /// function becomes a static method, `__init_subclass__` and `__class_getitem__` class methods, the flags are
    /// computed, the class is registered with its base and the `__class__` cell filled; then
    /// `__set_name__` runs on the attributes that define it and the base's `__init_subclass__`
    /// on the class, as in CPython's `type.__new__`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new_user_class(
        &mut self,
        name: Arc<PyStr>,
        qualname: Arc<PyStr>,
        bases: Vec<Arc<Class>>,
        mut dict: DictMap,
        module: Arc<PyStr>,
        cell: Option<Arc<crate::object::value::Cell>>,
        meta: Option<Arc<Class>>,
        kwargs: &[(Arc<PyStr>, Value)],
    ) -> PyResult<Arc<Class>> {
        let gil = self.gil();
        let bases = if bases.is_empty() {
            vec![self.types().object.clone()]
        } else {
            bases
        };
        for b in &bases {
            self.check_base(b)?;
        }
        let builtin = self.best_base_kind(&bases)?;
        let mro = match crate::object::mro::c3(&bases) {
            Ok(m) => m,
            Err(msg) => return Err(self.type_error(msg)),
        };
        let (slots, nslots) = crate::object::slots::prepare(self, &name, &bases, &mro, &mut dict)?;
        // `type` itself as the metaclass is stored as `None`.
        let meta = meta.filter(|m| !Arc::ptr_eq(m, &self.types().type_));
        if let Some(f @ Value::Function(_)) =
            dict.get_mut(&crate::protocol::hash::StrKey::new("__new__"))
        {
            *f = native(StaticMethod(std::mem::take(f)));
        }
        for name in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f @ Value::Function(_)) =
                dict.get_mut(&crate::protocol::hash::StrKey::new(name))
            {
                *f = native(ClassMethod(std::mem::take(f)));
            }
        }
        let class = Arc::new(Class {
            name,
            qualname,
            bases,
            mro,
            dict: crate::object::lookup::ClassDict::new(dict),
            lookup_cache: Default::default(),
            builtin,
            module,
            flags: Default::default(),
            subclasses: Default::default(),
            meta,
            slots,
            nslots,
        });
        class.flags.store(
            compute_flags(&class, gil),
            std::sync::atomic::Ordering::Relaxed,
        );
        for base in &class.bases {
            if is_user_class(base, gil) {
                let mut subs = base.subclasses.borrow_mut(gil);
                subs.retain(|w| w.strong_count() > 0);
                subs.push(Arc::downgrade(&class));
            }
        }
        if let Some(cell) = cell {
            *cell.borrow_mut(gil) = Some(Value::Class(class.clone()));
        }
        // `__set_name__(owner, name)` on the attributes whose type defines it.
        let named: Vec<(Value, Value, Value)> = class
            .dict
            .borrow(gil)
            .iter()
            .filter_map(|(k, v)| match v {
                Value::Instance(i) => {
                    crate::protocol::attr::user_lookup(&i.class, "__set_name__", gil)
                        .map(|f| (k.value.clone(), v.clone(), f))
                }
                _ => None,
            })
            .collect();
        for (key, value, f) in named {
            let r = self.call_method_value(&f, &value, &[Value::Class(class.clone()), key.clone()]);
            if let Err(e) = r {
                let msg = format!(
                    "Error calling __set_name__ on '{}' instance {} in '{}'",
                    self.type_name(&value),
                    self.repr(&key)?,
                    class.name.as_str()
                );
                let err = self.runtime_error(msg);
                if let Some(st) = &err.0.exc {
                    let mut st = st.borrow_mut(gil);
                    st.cause = Some(e.value());
                    st.context = Some(e.value());
                    st.suppress_context = true;
                }
                return Err(err);
            }
        }
        // `super(class, class).__init_subclass__(**kwargs)`: the first definition after the class
        // in its MRO (`object`'s refuses keyword arguments).
        let key = crate::protocol::hash::StrKey::new("__init_subclass__");
        let parent_hook = if class_flags(&class) & flags::INIT_SUBCLASS != 0 || !kwargs.is_empty() {
            class
                .mro
                .iter()
                .find_map(|c| c.dict.borrow(gil).get(&key).cloned())
        } else {
            None
        };
        if let Some(hook) = parent_hook {
            let hook = self.bind_class_attr(hook, &class)?;
            self.call_value(&hook, &[], kwargs)?;
        }
        Ok(class)
    }

    /// A new, uninitialised instance of a user or exception class (exception args when given;
    /// the built-in value for a subclass of a built-in type).
    pub fn new_instance(
        &self,
        class: &Arc<Class>,
        exc_args: Option<Vec<Value>>,
        payload: Option<Value>,
    ) -> Value {
        let exc = if class.builtin == BuiltinType::Exception {
            Some(Box::new(GilCell::new(ExcState {
                args: exc_args.unwrap_or_default(),
                ..ExcState::default()
            })))
        } else {
            None
        };
        Value::Instance(Arc::new(Instance {
            class: class.clone(),
            attrs: Arc::new(GilCell::new(DictMap::default())),
            exc,
            payload,
            slot_values: (class.nslots > 0)
                .then(|| Box::new(GilCell::new(vec![None; class.nslots as usize]))),
        }))
    }

    /// `A(*args, **kwargs)` for any class.
    pub(crate) fn instantiate(
        &mut self,
        class: &Arc<Class>,
        args: &[Value],
        kwargs: &[(Arc<PyStr>, Value)],
    ) -> PyResult<Value> {
        let f = class_flags(class);
        if f & (flags::NEW | flags::ABSTRACT) != 0 {
            if f & flags::ABSTRACT != 0 {
                self.check_abstract(class)?;
            }
            if f & flags::NEW != 0 {
                return self.instantiate_with_new(class, args, kwargs);
            }
        }
        let gil = self.gil();
        let is_exc = class.builtin == BuiltinType::Exception;
        if class.builtin == BuiltinType::Type && is_user_class(class, gil) {
            // A user metaclass without its own `__new__`: `type.__new__`, then `__init__`.
            let obj = self.type_make(class, args, kwargs)?;
            if crate::object::types::is_subclass(&self.type_of(&obj), class) {
                self.init_instance(class, &obj, args, kwargs, false)?;
            }
            return Ok(obj);
        }
        if is_exc || is_user_class(class, gil) {
            // `OSError(errno, strerror)` is the subclass of the errno (PEP 3151).
            let mapped;
            let class = match (args.first(), args.len()) {
                (Some(Value::Int(n)), 2..=5) if Arc::ptr_eq(class, &self.types().os_error) => {
                    let name = i32::try_from(*n)
                        .map_or("OSError", crate::object::exc_table::errno_exception_name);
                    mapped = self.types().exception_by_name(name).cloned();
                    mapped.as_ref().unwrap_or(class)
                }
                _ => class,
            };
            let payload = if is_payload_kind(class.builtin) {
                let solid = solid_base(class, gil);
                Some(self.default_payload(&solid, args, kwargs)?)
            } else {
                None
            };
            if is_exc
                && crate::object::types::is_subclass(class, &self.types().base_exception_group)
            {
                let inst = crate::object::exc_group::eg_new(self, class, args)?;
                let class = self.type_of(&inst);
                self.init_instance(&class, &inst, args, kwargs, false)?;
                return Ok(inst);
            }
            let inst = self.new_instance(class, Some(args.to_vec()), payload);
            self.init_instance(class, &inst, args, kwargs, false)?;
            return Ok(inst);
        }
        if Arc::ptr_eq(class, &self.types().object) {
            if !args.is_empty() || !kwargs.is_empty() {
                return Err(self.type_error("object() takes no arguments"));
            }
            return Ok(self.new_instance(class, None, None));
        }
        let new = dict_get_str(&class.dict.borrow(gil), "__new__").cloned();
        match new {
            Some(f) => self.call_value(&f, args, kwargs),
            None => {
                Err(self.type_error(format!("cannot create '{}' instances", class.name.as_str())))
            }
        }
    }

    /// `type.__call__` for a class with a user `__new__`: `__new__(cls, *args, **kwargs)`, then
    /// `__init__` only if it returned an instance of the class.
    #[cold]
    fn instantiate_with_new(
        &mut self,
        class: &Arc<Class>,
        args: &[Value],
        kwargs: &[(Arc<PyStr>, Value)],
    ) -> PyResult<Value> {
        let Some(new) = self.lookup_new(class)? else {
            return Err(self.attribute_error(format!(
                "type object '{}' has no attribute '__new__'",
                class.name.as_str()
            )));
        };
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(Value::Class(class.clone()));
        v.extend_from_slice(args);
        let obj = self.call_value(&new, &v, kwargs)?;
        let ty = match &obj {
            Value::Instance(i) if crate::object::types::is_subclass(&i.class, class) => {
                i.class.clone()
            }
            Value::Class(_) if crate::object::types::is_subclass(&self.type_of(&obj), class) => {
                self.type_of(&obj)
            }
            _ => return Ok(obj),
        };
        self.init_instance(&ty, &obj, args, kwargs, true)?;
        Ok(obj)
    }

    /// Run `__init__` on a new instance (`new_overridden`: the class has a user `__new__`, so
    /// `object.__init__` accepts extra arguments, as in CPython).
    fn init_instance(
        &mut self,
        class: &Arc<Class>,
        inst: &Value,
        args: &[Value],
        kwargs: &[(Arc<PyStr>, Value)],
        new_overridden: bool,
    ) -> PyResult<()> {
        let gil = self.gil();
        match crate::protocol::attr::user_lookup(class, "__init__", gil) {
            Some(init) => {
                let r = match &init {
                    Value::Function(f) => {
                        self.call_function(f.clone(), Some(inst.clone()), args, kwargs)?
                    }
                    other => {
                        let mut v = vec![inst.clone()];
                        v.extend_from_slice(args);
                        let other = self.bind_class_attr(other.clone(), class)?;
                        self.call_value(&other, &v, kwargs)?
                    }
                };
                if !r.is_none() {
                    let tn = self.type_name(&r);
                    return Err(
                        self.type_error(format!("__init__() should return None, not '{tn}'"))
                    );
                }
            }
            None => {
                if class.builtin == BuiltinType::Exception {
                    if crate::object::types::is_subclass(class, &self.types().import_error) {
                        self.import_error_kwargs(inst, class, kwargs)?;
                    } else if !kwargs.is_empty() {
                        return Err(self.type_error(format!(
                            "{}() takes no keyword arguments",
                            class.name.as_str()
                        )));
                    }
                    if let Value::Instance(i) = inst {
                        if let Some(st) = &i.exc {
                            st.borrow_mut(gil).args = args.to_vec();
                        }
                        if crate::object::types::is_subclass(class, &self.types().os_error) {
                            os_error_init(self, inst, args)?;
                        }
                    }
                } else if is_payload_kind(class.builtin) {
                    // `list.__init__` / `dict.__init__` / `set.__init__` fill the new container;
                    // the immutable types were made whole by `__new__`.
                    if matches!(
                        class.builtin,
                        BuiltinType::List | BuiltinType::Dict | BuiltinType::Set
                    ) {
                        let solid = solid_base(class, gil);
                        if let Some(init) =
                            crate::protocol::attr::class_lookup(&solid, "__init__", gil)
                        {
                            let bound = self.bind(init, inst, class)?;
                            self.call_value(&bound, args, kwargs)?;
                        }
                    }
                } else if class.builtin == BuiltinType::Type {
                    // `type.__init__` accepts what `type.__new__` did.
                } else if (!args.is_empty() || !kwargs.is_empty()) && !new_overridden {
                    return Err(
                        self.type_error(format!("{}() takes no arguments", class.name.as_str()))
                    );
                }
            }
        }
        Ok(())
    }

    /// `cls.__new__` as `type.__call__` sees it: a user `__new__` (its static method unwrapped)
    /// or the constructor of the nearest built-in class, as a callable taking `cls` first.
    pub(crate) fn lookup_new(&mut self, class: &Arc<Class>) -> PyResult<Option<Value>> {
        let gil = self.gil();
        let key = crate::protocol::hash::StrKey::new("__new__");
        for c in std::iter::once(class).chain(class.mro.iter()) {
            let found = c.dict.borrow(gil).get(&key).cloned();
            let Some(v) = found else { continue };
            if !is_user_class(c, gil) {
                return Ok(Some(builtin_new_of(self, c)));
            }
            return self.bind_class_attr(v, class).map(Some);
        }
        Ok(None)
    }

    /// CPython's `object.__new__` refusal of a class whose `__abstractmethods__` is not empty.
    #[cold]
    fn check_abstract(&mut self, class: &Arc<Class>) -> PyResult<()> {
        let gil = self.gil();
        let Some(abs) = crate::protocol::attr::class_lookup(class, "__abstractmethods__", gil)
        else {
            return Ok(());
        };
        let mut names: Vec<String> = Vec::new();
        for v in self.collect(&abs)? {
            names.push(self.to_str(&v)?);
        }
        if names.is_empty() {
            return Ok(());
        }
        names.sort();
        Err(self.type_error(format!(
            "Can't instantiate abstract class {} with abstract method{} {}",
            class.name.as_str(),
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        )))
    }

    /// `repr` of an exception instance: `ValueError('x')`.
    pub(crate) fn exc_repr(&mut self, inst: &Arc<Instance>) -> PyResult<String> {
        let args = crate::object::error::exc_args(inst, self);
        let mut s = String::from(inst.class.name.as_str());
        s.push('(');
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&self.repr(a)?);
        }
        s.push(')');
        Ok(s)
    }
}

/// A built-in class with a module name other than `builtins`.
pub fn new_class(
    name: &str,
    module: &str,
    base: Option<&Arc<Class>>,
    builtin: BuiltinType,
) -> Arc<Class> {
    use crate::object::types::WithMro;
    let name = Arc::new(crate::object::value::PyStr::new(name));
    Arc::new(Class {
        qualname: name.clone(),
        name,
        mro: Vec::new(),
        bases: base.into_iter().cloned().collect(),
        dict: crate::object::lookup::ClassDict::new(Default::default()),
        lookup_cache: Default::default(),
        builtin,
        module: Arc::new(crate::object::value::PyStr::new(module)),
        flags: Default::default(),
        subclasses: Default::default(),
        meta: None,
        slots: None,
        nslots: 0,
    })
    .with_mro()
}
