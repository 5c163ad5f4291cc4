//! The Python face of the import system: the `importlib` module (`import_module`, `reload`,
//! `invalidate_caches`) and the builtin `__import__`.

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::args::{Kwargs, Params};
use crate::object::error::PyResult;
use crate::object::value::{Dict, Module, Value};

/// The `importlib` module.
pub fn make(vm: &mut Vm) -> Arc<Module> {
    let m = crate::modules::new_module(vm, "importlib");
    crate::modules::add_fns(
        vm,
        &m,
        &[
            ("import_module", import_module),
            ("reload", reload),
            ("invalidate_caches", invalidate_caches),
        ],
    );
    m
}

/// Add `__import__` to the builtins.
pub fn install(vm: &mut Vm, builtins: &Dict) {
    crate::builtins::dict_set_str(
        vm,
        builtins,
        "__import__",
        crate::builtins::native("__import__", dunder_import),
    );
}

fn str_arg(vm: &Vm, fname: &str, what: &str, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(vm.type_error(format!(
            "{fname}() argument '{what}' must be str, not {}",
            vm.type_name(other)
        ))),
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`
fn dunder_import(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const PARAMS: Params = Params {
        name: "__import__",
        names: &["name", "globals", "locals", "fromlist", "level"],
        positional: 5,
        positional_only: 0,
        required: 1,
    };
    let slots = PARAMS.bind(vm, a, kw)?;
    let name = match &slots[0] {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(format!("module name must be str, not {tn}")));
        }
        None => unreachable!("required"),
    };
    let globals = match &slots[1] {
        Some(Value::Dict(d)) => Some(d.clone()),
        _ => None,
    };
    let fromlist = slots[3].clone().unwrap_or(Value::None);
    let level = match &slots[4] {
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => *b as i64,
        None => 0,
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    if level > 0 && globals.is_none() {
        return Err(vm.key_error(Value::str("'__name__' not in globals")));
    }
    vm.dunder_import(&name, globals.as_ref(), &fromlist, level)
}

/// `importlib.import_module(name, package=None)`: the module itself (not its top-level
/// package), relative names resolved against `package`.
fn import_module(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const PARAMS: Params = Params {
        name: "import_module",
        names: &["name", "package"],
        positional: 2,
        positional_only: 0,
        required: 1,
    };
    let slots = PARAMS.bind(vm, a, kw)?;
    let name = str_arg(
        vm,
        "import_module",
        "name",
        slots[0].as_ref().unwrap_or(&Value::None),
    )?;
    let package = match &slots[1] {
        None | Some(Value::None) => None,
        Some(v) => Some(str_arg(vm, "import_module", "package", v)?),
    };
    let level = name.chars().take_while(|&c| c == '.').count();
    if level == 0 {
        return vm.import_absolute(&name);
    }
    let Some(package) = package else {
        return Err(vm.type_error(format!(
            "the 'package' argument is required to perform a relative import for '{name}'"
        )));
    };
    let absname = vm.resolve_relative(&name[level..], &package, level as i64)?;
    vm.import_absolute(&absname)
}

/// `importlib.reload(module)`: run the module's file again in the same module object.
fn reload(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let m = crate::object::args::one(vm, "reload", a, kw)?.clone();
    let Value::Module(module) = &m else {
        return Err(vm.type_error("reload() argument must be a module"));
    };
    let name =
        match crate::protocol::hash::dict_get_str(&module.globals.borrow(vm.gil()), "__name__") {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => module.name.as_str().to_string(),
        };
    let gil = vm.gil();
    let registered = vm.interp.module_value(gil, &name).is_some_and(|v| v.is(&m));
    if !registered {
        return Err(vm.import_error(
            format!("module {name} not in sys.modules"),
            Some(&name),
            None,
        ));
    }
    vm.reload_module(&name, module)
}

fn invalidate_caches(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    crate::object::args::none(vm, "invalidate_caches", a, kw)?;
    Ok(Value::None)
}
