//! `mappingproxy`: the read-only view `C.__dict__` and `vars(C)` return for a class. Reads see
//! the class's namespace as it is at the time of the read (each method works on a snapshot of
//! it, taken when called); item assignment is refused.

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::value::{Builtin, BuiltinType, Class, NativeFn, PyStr, Value};
use crate::protocol::hash::str_key;

type Kw = [(Arc<PyStr>, Value)];

#[derive(Debug)]
pub struct MappingProxy {
    pub class: Arc<Class>,
}

impl crate::object::value::NativeObject for MappingProxy {
    fn type_name(&self) -> &'static str {
        "mappingproxy"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The proxy of a class's namespace.
pub fn of(class: &Arc<Class>) -> Value {
    crate::object::class::native(MappingProxy {
        class: class.clone(),
    })
}

/// A dict copy of the namespace behind the proxy `a[0]`.
fn snapshot(vm: &Vm, a: &[Value], what: &str) -> PyResult<Value> {
    let p = match a.first() {
        Some(Value::Native(n)) => n.as_any().downcast_ref::<MappingProxy>(),
        _ => None,
    };
    match p {
        Some(p) => Ok(Value::Dict(Arc::new(GilCell::new(
            p.class.dict.borrow(vm.gil()).clone(),
        )))),
        None => Err(vm.type_error(format!(
            "descriptor '{what}' for 'mappingproxy' objects doesn't apply to this object"
        ))),
    }
}

/// `proxy.name(*args)` as the same method of a dict snapshot.
fn delegate(vm: &mut Vm, name: &str, a: &[Value], kw: &Kw) -> PyResult<Value> {
    let d = snapshot(vm, a, name)?;
    let m = vm.get_attr(&d, name)?;
    vm.call_value(&m, &a[1..], kw)
}

macro_rules! delegates {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f(vm: &mut Vm, a: &[Value], kw: &Kw) -> PyResult<Value> {
            delegate(vm, $name, a, kw)
        })*
        const METHODS: &[(&str, NativeFn)] = &[$(($name, $f)),*];
    };
}

delegates! {
    get => "get",
    keys => "keys",
    values => "values",
    items => "items",
    copy => "copy",
}

fn getitem(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let d = snapshot(vm, a, "__getitem__")?;
    let k = a.get(1).cloned().unwrap_or_default();
    vm.get_item(&d, &k)
}

fn contains(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let d = snapshot(vm, a, "__contains__")?;
    let k = a.get(1).cloned().unwrap_or_default();
    Ok(Value::Bool(vm.contains(&d, &k)?))
}

fn iter(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let d = snapshot(vm, a, "__iter__")?;
    vm.get_iter(&d)
}

fn len(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let d = snapshot(vm, a, "__len__")?;
    Ok(Value::Int(vm.len(&d)? as i64))
}

fn repr(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let d = snapshot(vm, a, "__repr__")?;
    Ok(Value::str(format!("mappingproxy({})", vm.repr(&d)?)))
}

/// Register the `mappingproxy` class.
pub(crate) fn install(vm: &mut Vm) {
    let object = vm.types().object.clone();
    let c =
        crate::object::types::new_builtin_class("mappingproxy", Some(&object), BuiltinType::Native);
    {
        let mut d = c.dict.borrow_mut(vm.gil());
        let extra: &[(&str, NativeFn)] = &[
            ("__getitem__", getitem),
            ("__contains__", contains),
            ("__iter__", iter),
            ("__len__", len),
            ("__repr__", repr),
        ];
        for &(name, func) in METHODS.iter().chain(extra) {
            let name: &'static str = name;
            d.insert(
                str_key(name),
                Value::Builtin(Arc::new(Builtin {
                    name,
                    func,
                    receiver: None,
                })),
            );
        }
    }
    vm.types()
        .natives
        .borrow_mut(vm.gil())
        .insert("mappingproxy", c);
}
