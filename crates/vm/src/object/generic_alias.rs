//! `types.GenericAlias`: what `list[int]`, `dict[str, int]`, `tuple[int, ...]` and `type[C]`
//! return (the built-in classes' `__class_getitem__`). It prints like the subscript
//! (`list[int]`), calls its origin (`list[int]([1, 2])`) and has `__origin__` / `__args__`.

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::value::{Builtin, BuiltinType, Class, NativeFn, PyStr, Value};
use crate::protocol::hash::str_key;

type Kw = [(Arc<PyStr>, Value)];

#[derive(Debug)]
pub struct GenericAlias {
    pub origin: Value,
    pub args: Vec<Value>,
}

/// `x = list[x]` chains free through the trashcan.
impl Drop for GenericAlias {
    fn drop(&mut self) {
        crate::object::trashcan::release((
            std::mem::take(&mut self.origin),
            std::mem::take(&mut self.args),
        ));
    }
}

impl crate::object::value::NativeObject for GenericAlias {
    fn type_name(&self) -> &'static str {
        "types.GenericAlias"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn alias(v: &Value) -> Option<&GenericAlias> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<GenericAlias>(),
        _ => None,
    }
}

/// Does subscripting the class `c` make a generic alias (it is, or derives from, one of the
/// built-in generic classes)?
pub(crate) fn is_generic_class(c: &Class) -> bool {
    // `BaseExceptionGroup.__class_getitem__` (and its subclasses').
    let is_group = |k: &Class| {
        k.builtin == BuiltinType::Exception
            && k.name.as_str() == "BaseExceptionGroup"
            && k.module.as_str() == "builtins"
    };
    if c.builtin == BuiltinType::Exception {
        return is_group(c) || c.mro.iter().any(|k| is_group(k));
    }
    matches!(
        c.builtin,
        BuiltinType::List
            | BuiltinType::Dict
            | BuiltinType::Tuple
            | BuiltinType::Set
            | BuiltinType::FrozenSet
            | BuiltinType::Type
    )
}

/// `origin[key]` as a generic alias.
pub(crate) fn make(origin: &Arc<Class>, key: &Value) -> Value {
    let args = match key {
        Value::Tuple(t) => t.items.to_vec(),
        other => vec![other.clone()],
    };
    crate::object::class::native(GenericAlias {
        origin: Value::Class(origin.clone()),
        args,
    })
}

/// How `typing` prints a type argument: a class by its (module-qualified) name, `...` for
/// Ellipsis, anything else by repr.
fn type_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::Class(c) if c.module.as_str() == "builtins" => c.qualname.as_str().to_string(),
        Value::Class(c) => format!("{}.{}", c.module.as_str(), c.qualname.as_str()),
        Value::Ellipsis => "...".to_string(),
        other => vm.repr(other)?,
    })
}

fn ga_repr(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let Some(g) = a.first().and_then(alias) else {
        return Err(vm.type_error("descriptor '__repr__' requires a 'types.GenericAlias' object"));
    };
    let (origin, args) = (g.origin.clone(), g.args.clone());
    let mut s = type_repr(vm, &origin)?;
    s.push('[');
    if args.is_empty() {
        s.push_str("()");
    }
    for (i, x) in args.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&type_repr(vm, x)?);
    }
    s.push(']');
    Ok(Value::str(s))
}

fn ga_call(vm: &mut Vm, a: &[Value], kw: &Kw) -> PyResult<Value> {
    let Some(g) = a.first().and_then(alias) else {
        return Err(vm.type_error("descriptor '__call__' requires a 'types.GenericAlias' object"));
    };
    let origin = g.origin.clone();
    vm.call_value(&origin, &a[1..], kw)
}

/// `__origin__`, `__args__`, `__parameters__` of a generic alias.
pub(crate) fn getattr(v: &Value, name: &str) -> Option<Value> {
    let g = alias(v)?;
    match name {
        "__origin__" => Some(g.origin.clone()),
        "__args__" => Some(Value::tuple(g.args.clone())),
        "__parameters__" => Some(Value::tuple(Vec::new())),
        _ => None,
    }
}

/// Register the `types.GenericAlias` class.
pub(crate) fn install(vm: &mut Vm) {
    let object = vm.types().object.clone();
    let c = crate::builtins::file::new_class(
        "GenericAlias",
        "types",
        Some(&object),
        BuiltinType::Native,
    );
    let b = |name: &'static str, func: NativeFn| {
        Value::Builtin(Arc::new(Builtin {
            name,
            func,
            receiver: None,
        }))
    };
    {
        let mut d = c.dict.borrow_mut(vm.gil());
        d.insert(str_key("__repr__"), b("__repr__", ga_repr));
        d.insert(str_key("__call__"), b("__call__", ga_call));
    }
    vm.types()
        .natives
        .borrow_mut(vm.gil())
        .insert("types.GenericAlias", c);
}
