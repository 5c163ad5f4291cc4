//! `print` and `input`, and the writers for the process's standard output and error.

use std::io::Write;

use super::file::{flush_file, read_line_value, std_stream, write_to};
use super::{dict_set_str, native};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs};
use crate::object::error::PyResult;
use crate::object::value::{Dict, Value};

pub fn install(vm: &mut Vm, g: &Dict) {
    dict_set_str(vm, g, "print", native("print", print));
    dict_set_str(vm, g, "input", native("input", input));
}

fn stdout_error(vm: &mut Vm, e: std::io::Error) -> crate::object::error::PyErr {
    super::file::os_error(vm, super::file::IoFail::Os(e), None)
}

/// Write to the interpreter's buffered stdout.
pub fn write_stdout(vm: &mut Vm, s: &str) -> PyResult<()> {
    let r = vm.interp.stdout.lock().write_all(s.as_bytes());
    r.map_err(|e| stdout_error(vm, e))
}

/// Write to stderr (unbuffered), flushing stdout first so the two interleave in program order.
pub fn write_stderr(vm: &mut Vm, s: &str) -> PyResult<()> {
    vm.interp.flush_stdout();
    let r = vm.interp.write_stderr(s.as_bytes());
    r.map_err(|e| stdout_error(vm, e))
}

/// Which standard stream a `file=` argument is, if it is one.
fn std_kind(v: &Value) -> Option<usize> {
    let Value::Native(n) = v else { return None };
    (0..3).find(|&i| matches!(std_stream(i), Value::Native(s) if std::sync::Arc::ptr_eq(&s, n)))
}

fn str_opt(vm: &mut Vm, v: &Option<Value>, what: &str, default: &str) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(other) => Err(vm.type_error(format!(
            "{what} must be None or a string, not {}",
            vm.type_name(other)
        ))),
    }
}

/// What `sys.stdout` is now, when a program has replaced it (`contextlib.redirect_stdout`, a
/// capture object): `None` while it is still the process's stdout (or `sys` was never imported).
fn replaced_stdout(vm: &Vm) -> Option<Value> {
    let gil = vm.gil();
    let sys = vm.interp.module(gil, "sys")?;
    let globals = sys.globals.borrow(gil);
    let v = crate::protocol::hash::dict_get_str(&globals, "stdout")?;
    (std_kind(v) != Some(1)).then(|| v.clone())
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`. `file=None` means `sys.stdout`
/// (the process's stdout unless the program replaced it; `sys.stdout = None` prints nothing).
fn print(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let opts = args::kwonly(vm, "print", kw, &["sep", "end", "file", "flush"])?;
    let sep = str_opt(vm, &opts[0], "sep", " ")?;
    let end = str_opt(vm, &opts[1], "end", "\n")?;
    let file = match opts[2].clone().filter(|f| !f.is_none()) {
        None => match replaced_stdout(vm) {
            Some(Value::None) => return Ok(Value::None),
            other => other,
        },
        given => given,
    };
    let flush = match &opts[3] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let kind = match &file {
        None => Some(1),
        Some(f) => std_kind(f),
    };
    match (kind, &file) {
        (Some(k), _) if k >= 1 => {
            let mut text = String::new();
            for (i, v) in a.iter().enumerate() {
                if i > 0 {
                    text.push_str(&sep);
                }
                match v {
                    Value::Str(s) => text.push_str(s.as_str()),
                    other => text.push_str(&vm.to_str(other)?),
                }
            }
            text.push_str(&end);
            if k == 1 {
                write_stdout(vm, &text)?;
                if flush {
                    vm.interp.flush_stdout();
                }
            } else {
                write_stderr(vm, &text)?;
            }
        }
        (_, Some(f)) => {
            // Any object with a write() method; CPython writes each piece separately.
            let is_file = matches!(f, Value::Native(n) if n.as_any().downcast_ref::<super::FileObject>().is_some());
            let write = if is_file {
                None
            } else {
                Some(vm.get_attr(f, "write")?)
            };
            let emit = |vm: &mut Vm, s: Value| -> PyResult<()> {
                match &write {
                    None => write_to(vm, f, &s).map(|_| ()),
                    Some(w) => vm.call(w, &[s]).map(|_| ()),
                }
            };
            for (i, v) in a.iter().enumerate() {
                if i > 0 {
                    emit(vm, Value::str(sep.as_str()))?;
                }
                let s = match v {
                    Value::Str(_) => v.clone(),
                    other => Value::str(vm.to_str(other)?),
                };
                emit(vm, s)?;
            }
            emit(vm, Value::str(end.as_str()))?;
            if flush {
                if is_file {
                    flush_file(vm, f)?;
                } else {
                    let fl = vm.get_attr(f, "flush")?;
                    vm.call(&fl, &[])?;
                }
            }
        }
        _ => {}
    }
    Ok(Value::None)
}

/// `input(prompt='')`: the prompt goes to stdout (flushed), then a line is read from stdin
/// without its trailing newline; EOFError at end of input.
fn input(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "input", a, kw, 0, 1)?;
    vm.sandbox_check("input()")?;
    if let Some(p) = a.first() {
        let text = vm.to_str(p)?;
        write_stdout(vm, &text)?;
    }
    vm.interp.flush_stdout();
    let line = read_line_value(vm, &std_stream(0))?;
    let Value::Str(s) = &line else {
        return Ok(line);
    };
    if s.s.is_empty() {
        let class = vm.types().eof_error.clone();
        return Err(vm.new_error(&class, "EOF when reading a line"));
    }
    let text = s.as_str();
    Ok(Value::str(text.strip_suffix('\n').unwrap_or(text)))
}
