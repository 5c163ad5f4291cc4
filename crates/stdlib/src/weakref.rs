//! `_weakref`: the native half of `weakref` (crates/stdlib/lib/weakref.py): the
//! `ReferenceType` class over gilvm-vm's weak references (object/weakref.rs), `getweakrefcount`
//! and `getweakrefs`.

use std::sync::Arc;

use gilvm_vm::builtins::{dict_set_str, native};
use gilvm_vm::modules::{add_fns, new_module, set};
use gilvm_vm::object::args::{self, Kwargs};
use gilvm_vm::object::value::{BuiltinType, Module, Value};
use gilvm_vm::object::weakref::{self, WeakRef};
use gilvm_vm::{PyResult, Vm};

/// Build the module (and register the `weakref.ReferenceType` class).
pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = new_module(vm, "_weakref");
    let class = gilvm_vm::builtins::file::new_class(
        "ReferenceType",
        "weakref",
        Some(&vm.types().object.clone()),
        BuiltinType::Native,
    );
    dict_set_str(vm, &class.dict, "__new__", native("__new__", ref_new));
    dict_set_str(vm, &class.dict, "__call__", native("__call__", ref_call));
    dict_set_str(vm, &class.dict, "__hash__", native("__hash__", ref_hash));
    dict_set_str(vm, &class.dict, "__eq__", native("__eq__", ref_eq));
    dict_set_str(vm, &class.dict, "__repr__", native("__repr__", ref_repr));
    {
        let gil = vm.gil();
        vm.types()
            .natives
            .borrow_mut(gil)
            .insert("weakref.ReferenceType", class.clone());
    }
    set(vm, &m, "ref", Value::Class(class.clone()));
    set(vm, &m, "ReferenceType", Value::Class(class));
    add_fns(
        vm,
        &m,
        &[
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
        ],
    );
    Ok(m)
}

fn ref_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    args::count_positional(vm, "__new__", a.len(), 1, 2)?;
    weakref::new_ref(vm, &a[0], a.get(1).cloned())
}

fn this<'a>(vm: &Vm, a: &'a [Value]) -> PyResult<&'a WeakRef> {
    match a.first() {
        Some(Value::Native(n)) => n
            .as_any()
            .downcast_ref::<WeakRef>()
            .ok_or_else(|| vm.type_error("expected a weakref")),
        _ => Err(vm.type_error("expected a weakref")),
    }
}

fn ref_call(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if a.len() > 1 || !kw.is_empty() {
        return Err(vm.type_error(format!(
            "weakref() takes exactly 0 arguments ({} given)",
            a.len().saturating_sub(1) + kw.len()
        )));
    }
    Ok(this(vm, a)?.get().unwrap_or(Value::None))
}

fn ref_hash(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    let r = this(vm, a)?;
    let cached = *r.hash.borrow(vm.gil());
    let h = match cached {
        Some(h) => h,
        None => {
            let Some(obj) = r.get() else {
                return Err(vm.type_error("weak object has gone away"));
            };
            let h = vm.hash(&obj)?;
            *r.hash.borrow_mut(vm.gil()) = Some(h);
            h
        }
    };
    Ok(Value::Int(h as i64))
}

fn ref_eq(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    let r = this(vm, a)?;
    let Some(other) = a.get(1).and_then(|o| match o {
        Value::Native(n) => n.as_any().downcast_ref::<WeakRef>(),
        _ => None,
    }) else {
        return Ok(Value::NotImplemented);
    };
    match (r.get(), other.get()) {
        (Some(x), Some(y)) => Ok(Value::Bool(vm.eq(&x, &y)?)),
        _ => Ok(Value::Bool(a[0].is(&a[1]))),
    }
}

fn ref_repr(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = gilvm_vm::object::key::object_id(&a[0]);
    let r = this(vm, a)?;
    Ok(Value::str(match r.get() {
        Some(obj) => format!(
            "<weakref at {me:#x}; to '{}' at {:#x}>",
            vm.type_name(&obj),
            r.addr
        ),
        None => format!("<weakref at {me:#x}; dead>"),
    }))
}

fn getweakrefcount(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "getweakrefcount", a, kw)?;
    Ok(Value::Int(weakref::weak_count(v) as i64))
}

/// gilvm does not list the refs of an object: only the one asked for through `__weakref__`
/// is known, so this is empty unless the object has none (then also empty, as CPython).
fn getweakrefs(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::one(vm, "getweakrefs", a, kw)?;
    Ok(Value::list(Vec::new()))
}
