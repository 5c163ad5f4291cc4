//! Classes: `BuildClass`, instantiation (`A(...)` runs `__init__` found through the MRO),
//! `super()`, and the descriptor types `property`, `staticmethod` and `classmethod`, which are
//! native objects registered into builtins by [`install_builtins`].

use std::sync::Arc;

use crate::error::PyResult;
use crate::gilcell::GilCell;
use crate::hash::{dict_get_str, str_key};
use crate::types::{new_builtin_class, WithMro};
use crate::value::{
    Builtin, BuiltinType, Class, DictMap, ExcState, Instance, NativeFn, NativeObject, PyStr, Value,
};
use crate::vm::Vm;

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

fn builtin(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Arc::new(Builtin {
        name,
        func,
        receiver: None,
    }))
}

fn set(dict: &GilCell<DictMap>, vm: &Vm, name: &str, v: Value) {
    dict.borrow_mut(vm.gil()).insert(str_key(name), v);
}

/// Is this a class made by a `class` statement (as opposed to a built-in type)?
pub fn is_user_class(class: &Class, gil: crate::Gil) -> bool {
    dict_get_str(&class.dict.borrow(gil), "__module__").is_some()
}

/// Methods the core needs on `object` and `BaseException` (for `super().__init__(...)`,
/// `object.__repr__(self)` and friends).
pub(crate) fn install_core(vm: &mut Vm) {
    let t = vm.types();
    let (object, base_exc) = (t.object.clone(), t.base_exception.clone());
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
    crate::iter::install(vm);
    crate::generator::install(vm);
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

fn object_init(vm: &mut Vm, args: &[Value], kwargs: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    if args.len() > 1 || !kwargs.is_empty() {
        return Err(vm.type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
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
        crate::hash::hash_ptr(crate::repr::object_id(arg(args, 0))) as i64,
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
        return Err(vm.type_error("attribute name must be string"));
    };
    vm.get_attr(arg(args, 0), name.as_str())
}

fn exc_init(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    if let Some(Value::Instance(i)) = args.first() {
        if let Some(st) = &i.exc {
            st.borrow_mut(vm.gil()).args = args[1..].to_vec();
        }
    }
    Ok(Value::None)
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
    let obj_class = match &obj {
        Value::Class(c) => c.clone(),
        other => vm.type_of(other),
    };
    if !crate::types::is_subclass(&obj_class, &class) {
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

    /// `BuildClass` / `BuildClassKw`.
    pub(crate) fn build_class_op(&mut self, nbases: usize, nkw: usize) -> PyResult<Value> {
        if nkw > 0 {
            let vals = self.stack.split_off(self.stack.len() - nkw);
            let names = self.stack.pop();
            drop(vals);
            let first = match names {
                Some(Value::Tuple(t)) => t
                    .items
                    .first()
                    .map(|n| self.to_str(n))
                    .transpose()?
                    .unwrap_or_default(),
                _ => String::new(),
            };
            self.stack.truncate(self.stack.len() - nbases - 2);
            return Err(self.type_error(format!(
                "gilvm does not support class keyword arguments ('{first}=')"
            )));
        }
        let bases = self.stack.split_off(self.stack.len() - nbases);
        let name = self.stack.pop().unwrap_or_default();
        let body = self.stack.pop().unwrap_or_default();
        let Value::Function(body) = body else {
            return Err(self.runtime_error("gilvm: BuildClass without a body function"));
        };
        let name = match name {
            Value::Str(s) => s,
            _ => body.name.clone(),
        };
        if bases.len() > 1 {
            return Err(self.type_error("gilvm supports single inheritance only"));
        }
        let base = match bases.into_iter().next() {
            None => self.types().object.clone(),
            Some(Value::Class(c)) => {
                let gil = self.gil();
                let ok = matches!(c.builtin, BuiltinType::Object | BuiltinType::Exception)
                    && (c.builtin != BuiltinType::Object
                        || is_user_class(&c, gil)
                        || Arc::ptr_eq(&c, &self.types().object));
                if !ok {
                    return Err(self.type_error(format!(
                        "gilvm cannot subclass the built-in type '{}'",
                        c.name.as_str()
                    )));
                }
                c
            }
            Some(other) => {
                let tn = self.type_name(&other);
                return Err(self.type_error(format!("bases must be types, not {tn}")));
            }
        };
        let gil = self.gil();
        let module_name = dict_get_str(&body.globals.globals.borrow(gil), "__name__")
            .cloned()
            .unwrap_or_else(|| Value::str("__main__"));
        let module = match &module_name {
            Value::Str(s) => s.clone(),
            _ => Arc::new(PyStr::new("__main__")),
        };
        let ns = Arc::new(GilCell::new(DictMap::default()));
        ns.borrow_mut(gil)
            .insert(str_key("__module__"), module_name);
        // Run the body with the namespace as its locals.
        let start = self.stack.len();
        self.push_function_frame(body.clone(), start, None, start, true)?;
        if let Some(f) = self.frames.last_mut() {
            f.namespace = Some(ns.clone());
        }
        let ret = self.run_entry()?;
        let mut dict = std::mem::take(&mut *ns.borrow_mut(gil));
        // `__qualname__` is the class's own, not a class attribute (as in CPython).
        let qualname = match dict.shift_remove(&crate::hash::StrKey::new("__qualname__")) {
            Some(Value::Str(q)) => q,
            _ => body.code.qualname.clone(),
        };
        let class = Arc::new(Class {
            name,
            qualname,
            bases: vec![base.clone()],
            mro: Vec::new(),
            dict: GilCell::new(dict),
            builtin: base.builtin,
            module,
        })
        .with_mro();
        if let Value::Cell(cell) = ret {
            *cell.borrow_mut(gil) = Some(Value::Class(class.clone()));
        }
        Ok(Value::Class(class))
    }

    /// `A(*args, **kwargs)` for any class.
    pub(crate) fn instantiate(
        &mut self,
        class: &Arc<Class>,
        args: &[Value],
        kwargs: &[(Arc<PyStr>, Value)],
    ) -> PyResult<Value> {
        let gil = self.gil();
        let is_exc = class.builtin == BuiltinType::Exception;
        if is_exc || is_user_class(class, gil) {
            let exc = is_exc.then(|| {
                Box::new(GilCell::new(ExcState {
                    args: args.to_vec(),
                    ..ExcState::default()
                }))
            });
            let inst = Value::Instance(Arc::new(Instance {
                class: class.clone(),
                attrs: GilCell::new(DictMap::default()),
                exc,
            }));
            match crate::attr::user_lookup(class, "__init__", gil) {
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
                    if is_exc {
                        if !kwargs.is_empty() {
                            return Err(self.type_error(format!(
                                "{}() takes no keyword arguments",
                                class.name.as_str()
                            )));
                        }
                    } else if !args.is_empty() || !kwargs.is_empty() {
                        return Err(self
                            .type_error(format!("{}() takes no arguments", class.name.as_str())));
                    }
                }
            }
            return Ok(inst);
        }
        let new = dict_get_str(&class.dict.borrow(gil), "__new__").cloned();
        match new {
            Some(f) => self.call_value(&f, args, kwargs),
            None if Arc::ptr_eq(class, &self.types().object) => {
                if !args.is_empty() || !kwargs.is_empty() {
                    return Err(self.type_error("object() takes no arguments"));
                }
                Ok(Value::Instance(Arc::new(Instance {
                    class: class.clone(),
                    attrs: GilCell::new(DictMap::default()),
                    exc: None,
                })))
            }
            None => {
                Err(self.type_error(format!("cannot create '{}' instances", class.name.as_str())))
            }
        }
    }

    /// `repr` of an exception instance: `ValueError('x')`.
    pub(crate) fn exc_repr(&mut self, inst: &Arc<Instance>) -> PyResult<String> {
        let args = crate::error::exc_args(inst, self);
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
