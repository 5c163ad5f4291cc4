//! `_gilvm_tb`: what the `traceback` module needs of an exception that gilvm keeps inside the
//! exception rather than in traceback objects: its entries (file, line, function, source
//! line) and the full text the VM prints for it uncaught (chained exceptions included); and
//! the location of a calling frame (`caller`), for warnings.

use std::sync::Arc;

use gilvm_vm::modules::{add_fns, new_module};
use gilvm_vm::object::args::{self, Kwargs};
use gilvm_vm::object::error::PyErr;
use gilvm_vm::object::value::Module;
use gilvm_vm::{PyResult, Value, Vm};

/// Build the module.
pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = new_module(vm, "_gilvm_tb");
    add_fns(
        vm,
        &m,
        &[("entries", entries), ("format", format), ("caller", caller)],
    );
    Ok(m)
}

/// The exception argument as an exception instance.
fn exception(vm: &mut Vm, name: &str, a: &[Value], kw: &Kwargs) -> PyResult<PyErr> {
    let v = args::one(vm, name, a, kw)?;
    match v {
        Value::Instance(i) if i.exc.is_some() => Ok(PyErr(i.clone())),
        other => Err(vm.type_error(format!(
            "{name}() argument must be an exception, not {}",
            vm.type_name(other)
        ))),
    }
}

/// `entries(exc)`: `[(filename, lineno, name, line), ...]`, oldest frame first.
fn entries(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let err = exception(vm, "entries", a, kw)?;
    let list = match &err.0.exc {
        Some(st) => st.borrow(vm.gil()).traceback.clone(),
        None => Vec::new(),
    };
    let mut out = Vec::with_capacity(list.len());
    for e in list {
        let code = &e.code.code;
        let line = code.line_at(e.ip as usize);
        let text = vm
            .source_of(&code.filename)
            .and_then(|src| {
                src.lines()
                    .nth((line as usize).wrapping_sub(1))
                    .map(|t| t.trim().to_string())
            })
            .unwrap_or_default();
        out.push(Value::tuple(vec![
            Value::str(code.filename.to_string()),
            Value::Int(line as i64),
            Value::str(code.name.to_string()),
            Value::str(text),
        ]));
    }
    Ok(Value::list(out))
}

/// `format(exc)`: the text the VM prints for `exc` uncaught.
fn format(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let err = exception(vm, "format", a, kw)?;
    Ok(Value::str(vm.format_exception(&err)))
}

/// `caller(depth)`: `(filename, lineno, module name)` of the Python frame `depth` levels out
/// from the one calling `caller` (0), or None past the outermost.
fn caller(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "caller", a, kw)?;
    let depth = gilvm_vm::protocol::coerce::to_index(vm, v)?;
    let depth = usize::try_from(depth).unwrap_or(usize::MAX);
    Ok(match vm.frame_location(depth) {
        Some((file, line, module)) => Value::tuple(vec![
            Value::str(file),
            Value::Int(line as i64),
            Value::str(module),
        ]),
        None => Value::None,
    })
}
