//! Dynamic execution: `exec`, `eval` and `compile`, the code objects they take and make, and
//! the SyntaxError they raise (its attributes, `str()` and CPython's traceback rendering).
//!
//! Code run by `exec`/`eval` is compiled with module-level names as LoadName/StoreName
//! (`gilvm_compiler::compile_mode`), and runs in an entry frame whose function's globals is a
//! [`Module`] sharing the given globals dict (the caller's own module when the dict is its
//! globals) and whose namespace is the locals dict when it is not the globals: the frame
//! machinery of class bodies, so every global lookup path works unchanged on any dict.

use std::sync::Arc;

use gilvm_compiler::Mode;

use crate::builtins::{dict_set_str, native};
use crate::interp::vm::Vm;
use crate::object::args::{Kwargs, Params};
use crate::object::error::{PyErr, PyResult};
use crate::object::value::{Code, Dict, Instance, Module, PyStr, Value};
use crate::protocol::hash::{dict_get_str, str_key};

/// Register `exec`, `eval`, `compile` and the display hook of `compile(..., 'single')` code.
pub(crate) fn install(vm: &mut Vm, g: &Dict) {
    dict_set_str(vm, g, "exec", native("exec", exec));
    dict_set_str(vm, g, "eval", native("eval", eval));
    dict_set_str(vm, g, "compile", native("compile", compile));
    dict_set_str(
        vm,
        g,
        gilvm_compiler::DISPLAYHOOK,
        native("displayhook", displayhook),
    );
}

/// What `exec`/`eval` were given to run.
enum Source {
    Text(String),
    Code(Arc<Code>),
}

/// The source argument of exec/eval/compile: str, bytes (UTF-8) or, unless `compile`, a code
/// object.
fn source_arg(vm: &Vm, fname: &str, v: &Value) -> PyResult<Source> {
    let text = match v {
        Value::Str(s) => s.as_str().to_string(),
        Value::Bytes(b) => match std::str::from_utf8(&b.data) {
            Ok(s) => s.to_string(),
            Err(e) => {
                let class = vm.types().syntax_error.clone();
                return Err(vm.new_error(
                    &class,
                    format!(
                        "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                        b.data[e.valid_up_to()],
                        e.valid_up_to()
                    ),
                ));
            }
        },
        Value::Code(c) if fname != "compile" => return Ok(Source::Code(c.clone())),
        _ => {
            let what = if fname == "compile" {
                "AST object"
            } else {
                "code object"
            };
            return Err(vm.type_error(format!("{fname}() arg 1 must be a string, bytes or {what}")));
        }
    };
    if text.contains('\0') {
        let class = vm.types().syntax_error.clone();
        return Err(vm.new_error(&class, "source code string cannot contain null bytes"));
    }
    Ok(Source::Text(text))
}

/// Compile `text` in `mode` and load it; a syntax error becomes a Python SyntaxError.
fn compile_text(vm: &mut Vm, text: &str, filename: &str, mode: Mode) -> PyResult<Arc<Code>> {
    match gilvm_compiler::compile_mode(text, filename, mode) {
        Ok(code) => {
            let gil = vm.gil();
            Ok(crate::interp::frame::load_code(
                code,
                &mut vm.interp.interned.borrow_mut(gil),
            ))
        }
        Err(e) => {
            // CPython's exec-mode parser sees the source with a final newline; errors the
            // compiler finds (after parsing) carry no text.
            let from_parser = e.from_parser && !compiler_phase(&e.error.message);
            let source = match (from_parser, mode) {
                (false, _) => None,
                (true, Mode::Eval) => Some(text.to_string()),
                (true, _) if text.ends_with('\n') => Some(text.to_string()),
                (true, _) => Some(format!("{text}\n")),
            };
            Err(syntax_error(
                vm,
                &e.error,
                text,
                source.as_deref(),
                filename,
            ))
        }
    }
}

/// Is this one of the errors CPython's compiler (not its parser) finds? gilvm's parser finds
/// some of them; CPython gives those no `text` when the source is a string.
fn compiler_phase(message: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "'return' outside function",
        "'yield' outside function",
        "'await' outside",
        "'break' outside loop",
        "'continue' not properly in loop",
        "no binding for nonlocal",
        "nonlocal declaration not allowed",
        "'return' with value in async generator",
        "asynchronous comprehension outside",
        "duplicate argument",
    ];
    PREFIXES.iter().any(|p| message.starts_with(p))
        || message.contains("prior to global declaration")
        || message.contains("prior to nonlocal declaration")
        || message.contains("before global declaration")
        || message.contains("before nonlocal declaration")
}

/// A Python SyntaxError (or IndentationError/TabError) for a compile error in `source`, with
/// CPython's attributes (`msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`,
/// `end_offset`) and args `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`.
/// `text` is the source the error's line is taken from (`None`: no `text`), `source` the one
/// its span is in.
pub fn syntax_error(
    vm: &mut Vm,
    err: &gilvm_syntax::SyntaxError,
    source: &str,
    text: Option<&str>,
    filename: &str,
) -> PyErr {
    let class = vm
        .types()
        .exceptions
        .iter()
        .find(|c| c.name.as_str() == err.kind)
        .cloned()
        .unwrap_or_else(|| vm.types().syntax_error.clone());
    let (lineno, offset) = err.location(source);
    let end = err.span.end.min(source.len() as u32);
    let (end_lineno, end_offset) = gilvm_syntax::LineIndex::new(source).line_col(source, end);
    let text = text
        .and_then(|t| {
            t.split_inclusive('\n')
                .nth((lineno as usize).saturating_sub(1))
        })
        .map(Value::str)
        .unwrap_or(Value::None);
    let details = vec![
        Value::str(filename),
        Value::Int(lineno as i64),
        Value::Int(offset as i64),
        text,
        Value::Int(end_lineno as i64),
        Value::Int(end_offset as i64),
    ];
    let msg = Value::str(err.message.as_str());
    vm.new_error_args(&class, vec![msg, Value::tuple(details)])
}

/// A SyntaxError attribute that the instance dict does not override, from the args as
/// CPython's `SyntaxError.__init__` sets them: `msg` is `args[0]`, the others come from a
/// second argument `(filename, lineno, offset, text[, end_lineno, end_offset])`.
pub(crate) fn syntax_field(args: &[Value], name: &str) -> Value {
    if name == "msg" {
        return args.first().cloned().unwrap_or(Value::None);
    }
    let details = match args {
        [_, Value::Tuple(t)] if (4..=6).contains(&t.items.len()) => &t.items[..],
        _ => return Value::None,
    };
    let i = match name {
        "filename" => 0,
        "lineno" => 1,
        "offset" => 2,
        "text" => 3,
        "end_lineno" => 4,
        "end_offset" => 5,
        _ => return Value::None,
    };
    details.get(i).cloned().unwrap_or(Value::None)
}

fn attr(vm: &Vm, inst: &Instance, name: &str) -> Value {
    if let Some(v) = dict_get_str(&inst.attrs.borrow(vm.gil()), name) {
        return v.clone();
    }
    let args = crate::object::error::exc_args(inst, vm);
    syntax_field(&args, name)
}

/// `str()` of a SyntaxError: `msg (file, line N)` as CPython's SyntaxError_str (the file's
/// base name).
pub(crate) fn syntax_error_str(vm: &mut Vm, inst: &Instance) -> PyResult<String> {
    let msg = vm.to_str(&attr(vm, inst, "msg"))?;
    let filename = match attr(vm, inst, "filename") {
        Value::Str(s) => Some(s.as_str().rsplit('/').next().unwrap_or("").to_string()),
        _ => None,
    };
    let lineno = match attr(vm, inst, "lineno") {
        Value::Int(n) => Some(n),
        _ => None,
    };
    Ok(match (filename, lineno) {
        (Some(f), Some(n)) => format!("{msg} ({f}, line {n})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(n)) => format!("{msg} (line {n})"),
        (None, None) => msg,
    })
}

/// CPython's rendering of an uncaught SyntaxError after its traceback: `  File "f", line N`,
/// the source text and a caret line, then `SyntaxError: msg` (not `str(exc)`).
pub(crate) fn format_syntax_error(vm: &mut Vm, inst: &Arc<Instance>, name: &str) -> String {
    let mut out = String::new();
    let filename = match attr(vm, inst, "filename") {
        Value::Str(s) => Some(s.as_str().to_string()),
        _ => None,
    };
    let mut suffix = String::new();
    match attr(vm, inst, "lineno") {
        Value::Int(n) => out.push_str(&format!(
            "  File \"{}\", line {n}\n",
            filename.as_deref().unwrap_or("<string>")
        )),
        _ => {
            if let Some(f) = &filename {
                suffix = format!(" ({f})");
            }
        }
    }
    if let Value::Str(text) = attr(vm, inst, "text") {
        let rtext = text.as_str().trim_end_matches('\n');
        let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
        let spaces = rtext.chars().count() - ltext.chars().count();
        out.push_str(&format!("    {ltext}\n"));
        if let Value::Int(offset) = attr(vm, inst, "offset") {
            let mut end = match attr(vm, inst, "end_offset") {
                Value::Int(e) if e != 0 => e,
                _ => offset,
            };
            if end == offset || end == -1 {
                end = offset + 1;
            }
            let col = offset - 1 - spaces as i64;
            let end_col = end - 1 - spaces as i64;
            if col >= 0 {
                let lead: String = ltext
                    .chars()
                    .take(col as usize)
                    .map(|c| if c.is_whitespace() { c } else { ' ' })
                    .collect();
                let carets = "^".repeat((end_col - col).max(0) as usize);
                out.push_str(&format!("    {lead}{carets}\n"));
            }
        }
    }
    let msg = match attr(vm, inst, "msg") {
        Value::None => "<no detail available>".to_string(),
        m => vm.to_str(&m).unwrap_or_default(),
    };
    out.push_str(&format!("{name}: {msg}{suffix}\n"));
    out
}

/// The globals module and locals namespace a dynamic execution runs in.
struct Scope {
    module: Arc<Module>,
    /// `None`: the locals are the globals.
    namespace: Option<Arc<Dict>>,
    /// A locals mapping that is not a dict: LoadName/StoreName go through its `__getitem__`/
    /// `__setitem__` (the class-body `__prepare__` machinery, keyed by `namespace`).
    hook: Option<Value>,
}

/// The module whose globals are `dict`: the running code's own or an imported module's when
/// it is theirs, else a new one around it (named by its `__name__`).
fn module_for(vm: &Vm, dict: &Arc<Dict>) -> Arc<Module> {
    let gil = vm.gil();
    for f in vm.frames.iter().rev() {
        if let Some(func) = &f.func {
            if Arc::ptr_eq(&func.globals.globals, dict) {
                return func.globals.clone();
            }
        }
    }
    if let Some(m) = vm
        .interp
        .modules
        .borrow(gil)
        .values()
        .find_map(|m| match m {
            Value::Module(m) if Arc::ptr_eq(&m.globals, dict) => Some(m.clone()),
            _ => None,
        })
    {
        return m;
    }
    let name = match dict_get_str(&dict.borrow(gil), "__name__") {
        Some(Value::Str(s)) => s.clone(),
        _ => Arc::new(PyStr::new("builtins")),
    };
    Arc::new(Module {
        name,
        globals: dict.clone(),
        filename: None,
    })
}

/// Resolve the globals/locals arguments of exec/eval (`None` = the caller's).
fn scope(vm: &mut Vm, fname: &str, globals: &Value, locals: &Value) -> PyResult<Scope> {
    let gil = vm.gil();
    let mut hook = None;
    let locals = match locals {
        Value::None => None,
        Value::Dict(d) => Some(d.clone()),
        other => {
            if vm.get_attr_opt(other, "__getitem__")?.is_none() {
                return Err(vm.type_error(if fname == "exec" {
                    format!(
                        "locals must be a mapping or None, not {}",
                        vm.type_name(other)
                    )
                } else {
                    "locals must be a mapping".to_string()
                }));
            }
            hook = Some(other.clone());
            Some(Arc::new(crate::object::gilcell::GilCell::new(
                Default::default(),
            )))
        }
    };
    let (module, namespace) = match globals {
        Value::None => {
            let Some(frame) = vm.frames.last() else {
                return Err(vm.runtime_error(format!("{fname}(): no current frame")));
            };
            let Some(func) = &frame.func else {
                return Err(vm.runtime_error(format!("{fname}(): no current frame")));
            };
            let module = func.globals.clone();
            let namespace = match locals {
                Some(d) => Some(d),
                None => crate::builtins::scope::current_locals(vm)?,
            };
            (module, namespace)
        }
        Value::Dict(g) => {
            if dict_get_str(&g.borrow(gil), "__builtins__").is_none() {
                let b = Value::Dict(vm.interp.builtins.globals.clone());
                g.borrow_mut(gil).insert(str_key("__builtins__"), b);
            }
            (module_for(vm, g), locals)
        }
        other => {
            return Err(vm.type_error(if fname == "exec" {
                format!("exec() globals must be a dict, not {}", vm.type_name(other))
            } else {
                "globals must be a dict".to_string()
            }))
        }
    };
    let namespace = namespace.filter(|ns| !Arc::ptr_eq(ns, &module.globals));
    Ok(Scope {
        module,
        namespace,
        hook,
    })
}

/// Positional-only `(source, globals=None, locals=None)` of exec and eval.
fn exec_args<'a>(vm: &Vm, fname: &str, a: &'a [Value], kw: &Kwargs) -> PyResult<&'a [Value]> {
    if fname == "eval" {
        crate::object::args::no_kwargs(vm, "eval", kw)?;
        crate::object::args::count_positional(vm, "eval", a.len(), 1, 3)?;
    } else {
        if let Some((k, _)) = kw.first() {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for exec()",
                k.as_str()
            )));
        }
        if a.is_empty() {
            return Err(vm.type_error("exec() takes at least 1 positional argument (0 given)"));
        }
        if a.len() > 3 {
            return Err(vm.type_error(format!(
                "exec() takes at most 3 positional arguments ({} given)",
                a.len()
            )));
        }
    }
    Ok(a)
}

fn run_dynamic(vm: &mut Vm, fname: &str, mode: Mode, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let a = exec_args(vm, fname, a, kw)?;
    let none = Value::None;
    let globals = a.get(1).unwrap_or(&none);
    let locals = a.get(2).unwrap_or(&none);
    if fname == "eval" && !matches!(globals, Value::None | Value::Dict(_)) {
        let mapping = vm.get_attr_opt(globals, "__getitem__")?.is_some();
        return Err(vm.type_error(if mapping {
            "globals must be a real dict; try eval(expr, {}, mapping)"
        } else {
            "globals must be a dict"
        }));
    }
    let source = source_arg(vm, fname, &a[0])?;
    let scope = scope(vm, fname, globals, locals)?;
    let code = match source {
        Source::Code(c) => c,
        Source::Text(t) => {
            // eval ignores leading spaces and tabs, as CPython.
            let t = if mode == Mode::Eval {
                t.trim_start_matches([' ', '\t'])
            } else {
                &t
            };
            compile_text(vm, t, "<string>", mode)?
        }
    };
    let hooked = match (&scope.hook, &scope.namespace) {
        (Some(h), Some(ns)) => {
            vm.ns_hooks.push((Arc::as_ptr(ns) as usize, h.clone()));
            true
        }
        _ => false,
    };
    let r = vm.run_code(code, scope.module, scope.namespace);
    if hooked {
        vm.ns_hooks.pop();
    }
    r
}

/// `exec(source, globals=None, locals=None)`: always None.
fn exec(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    run_dynamic(vm, "exec", Mode::Exec, a, kw)?;
    Ok(Value::None)
}

/// `eval(source, globals=None, locals=None)`: the value of the expression.
fn eval(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    run_dynamic(vm, "eval", Mode::Eval, a, kw)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
fn compile(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const PARAMS: Params = Params {
        name: "compile",
        names: &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        positional: 6,
        positional_only: 0,
        required: 3,
    };
    let slots = PARAMS.bind(vm, a, kw)?;
    let arg = |i: usize| slots[i].clone().unwrap_or(Value::None);
    let source = source_arg(vm, "compile", &arg(0))?;
    let filename = match arg(1) {
        Value::Str(s) => s.as_str().to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(&b.data).into_owned(),
        other => {
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(&other)
            )))
        }
    };
    let mode = match &arg(2) {
        Value::Str(s) => match s.as_str() {
            "exec" => Some(Mode::Exec),
            "eval" => Some(Mode::Eval),
            "single" => Some(Mode::Single),
            _ => None,
        },
        other => {
            return Err(vm.type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    let Some(mode) = mode else {
        return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'"));
    };
    if let Some(Value::Int(flags)) = &slots[3] {
        if flags & 0x400 != 0 {
            let class = vm.types().not_implemented_error.clone();
            return Err(vm.new_error(
                &class,
                "compile(): ast.PyCF_ONLY_AST is not supported by gilvm",
            ));
        }
    }
    let Source::Text(text) = source else {
        unreachable!("compile() rejects code objects in source_arg")
    };
    let code = compile_text(vm, &text, &filename, mode)?;
    Ok(Value::Code(code))
}

/// What `compile(..., 'single')` code calls on each expression statement's value
/// (`sys.displayhook`): print its repr unless None, and keep it in `builtins._`.
fn displayhook(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = crate::object::args::one(vm, "displayhook", a, kw)?.clone();
    if v.is_none() {
        return Ok(Value::None);
    }
    let builtins = vm.interp.builtins.globals.clone();
    builtins
        .borrow_mut(vm.gil())
        .insert(str_key("_"), Value::None);
    let text = vm.repr(&v)?;
    crate::builtins::write_stdout(vm, &format!("{text}\n"))?;
    builtins.borrow_mut(vm.gil()).insert(str_key("_"), v);
    Ok(Value::None)
}

/// Attributes of a code object (`co_name`, `co_filename`, ...).
pub(crate) fn code_getattr(c: &Code, name: &str) -> Option<Value> {
    let co = &c.code;
    let names = |v: &[Arc<str>]| Value::tuple(v.iter().map(|n| Value::str(&**n)).collect());
    Some(match name {
        "co_name" => Value::Str(c.name.clone()),
        "co_qualname" => Value::Str(c.qualname.clone()),
        "co_filename" => Value::str(&*co.filename),
        "co_firstlineno" => Value::Int(co.first_line as i64),
        "co_argcount" => Value::Int(co.argcount as i64),
        "co_posonlyargcount" => Value::Int(co.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(co.kwonlyargcount as i64),
        "co_nlocals" => Value::Int(co.varnames.len() as i64),
        "co_varnames" => names(&co.varnames),
        "co_cellvars" => names(&co.cellvars),
        "co_freevars" => names(&co.freevars),
        "co_names" => names(&co.names),
        "co_consts" => Value::tuple(c.consts.to_vec()),
        _ => return None,
    })
}

/// `repr()` of a code object, as CPython: `<code object f at 0x..., file "x.py", line 3>`.
pub(crate) fn code_repr(c: &Code, id: usize) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.code.name, id, c.code.filename, c.code.first_line
    )
}
