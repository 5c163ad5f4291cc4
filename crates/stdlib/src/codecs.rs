//! `_gilvm_codecs`: the VM's text codecs ([`gilvm_vm::builtins::unicode_codecs`]) for the
//! Python `codecs` module — `lookup(name)`, `encode(text, name, errors)` and
//! `decode(data, name, errors, final)`, which returns the text and the bytes it used, so an
//! incremental decoder can keep a split multi-byte sequence for the next chunk.

use std::sync::Arc;

use gilvm_vm::builtins::buffer::{need_buffer, new_bytes};
use gilvm_vm::builtins::unicode_codecs::{self as uc, Codec};
use gilvm_vm::modules::{add_fns, new_module};
use gilvm_vm::object::value::{Module, PyStr};
use gilvm_vm::{PyResult, Value, Vm};

type Kwargs = [(Arc<PyStr>, Value)];

pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = new_module(vm, "_gilvm_codecs");
    add_fns(
        vm,
        &m,
        &[("lookup", lookup), ("encode", encode), ("decode", decode)],
    );
    Ok(m)
}

fn str_arg<'a>(vm: &Vm, a: &'a [Value], i: usize, what: &str) -> PyResult<&'a str> {
    match a.get(i) {
        Some(Value::Str(s)) => Ok(s.as_str()),
        _ => Err(vm.type_error(format!("_gilvm_codecs: {what} must be str"))),
    }
}

fn codec(vm: &mut Vm, a: &[Value], i: usize) -> PyResult<Codec> {
    let name = str_arg(vm, a, i, "encoding")?;
    uc::lookup(name).ok_or_else(|| {
        let class = vm.types().lookup_error.clone();
        vm.new_error(&class, format!("unknown encoding: {name}"))
    })
}

/// `lookup(name)`: the codec's canonical name, or None when gilvm lacks it.
fn lookup(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let name = str_arg(vm, a, 0, "encoding")?;
    Ok(match uc::lookup(name) {
        Some(c) => Value::str(c.name()),
        None => Value::None,
    })
}

/// `encode(text, name, errors)` -> bytes.
fn encode(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let c = codec(vm, a, 1)?;
    let text = str_arg(vm, a, 0, "text")?.to_string();
    let errors = str_arg(vm, a, 2, "errors")?.to_string();
    Ok(new_bytes(uc::encode(vm, &text, c, &errors)?))
}

/// `decode(data, name, errors, final)` -> (str, bytes used).
fn decode(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let c = codec(vm, a, 1)?;
    let data = need_buffer(vm, a.first().unwrap_or(&Value::None))?;
    let errors = str_arg(vm, a, 2, "errors")?.to_string();
    let last = match a.get(3) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let (text, used) = uc::decode(vm, &data, c, &errors, last)?;
    Ok(Value::tuple(vec![
        Value::str(text),
        Value::Int(used as i64),
    ]))
}
