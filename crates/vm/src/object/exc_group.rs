//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654), after CPython 3.11's
//! Objects/exceptions.c: the constructor's checks and class choice, `message`/`exceptions`
//! (kept in [`ExcGroup`] next to the args), `split`/`subgroup`/`derive`, `__str__`, and
//! `BaseException.add_note`. The `except*` machinery (match and re-raise) uses [`split_group`]
//! and [`prep_reraise_star`].

use std::sync::Arc;

use crate::object::error::PyResult;
use crate::object::types::is_subclass;
use crate::object::value::{Builtin, Class, ExcGroup, Instance, NativeFn, PyStr, Value};
use crate::protocol::hash::str_key;
use crate::Vm;

type Kwargs = [(Arc<PyStr>, Value)];

/// Put the methods on the classes (called once by `install_builtins`).
pub(crate) fn install(vm: &Vm) {
    let t = vm.types();
    let (beg, base_exc) = (t.base_exception_group.clone(), t.base_exception.clone());
    let gil = vm.gil();
    let mk = |name: &'static str, func: NativeFn| {
        Value::Builtin(Arc::new(Builtin {
            name,
            func,
            receiver: None,
        }))
    };
    let mut d = beg.dict.borrow_mut(gil);
    d.insert(str_key("__str__"), mk("__str__", eg_str));
    d.insert(str_key("derive"), mk("derive", eg_derive));
    d.insert(str_key("split"), mk("split", eg_split));
    d.insert(str_key("subgroup"), mk("subgroup", eg_subgroup));
    drop(d);
    base_exc
        .dict
        .borrow_mut(gil)
        .insert(str_key("add_note"), mk("add_note", exc_add_note));
}

/// Is `v` an instance of a BaseExceptionGroup class?
pub fn is_group(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Instance(i) => is_subclass(&i.class, &vm.types().base_exception_group),
        _ => false,
    }
}

/// The sub-exceptions of a group (empty for anything else).
pub fn group_exceptions(vm: &Vm, inst: &Instance) -> Vec<Value> {
    inst.exc
        .as_ref()
        .and_then(|st| {
            st.borrow(vm.gil())
                .group
                .as_ref()
                .map(|g| g.exceptions.clone())
        })
        .unwrap_or_default()
}

/// `message` / `exceptions` of a group instance, for attribute lookup.
pub fn group_attr(g: &ExcGroup, name: &str) -> Option<Value> {
    match name {
        "message" => Some(g.message.clone()),
        "exceptions" => Some(Value::tuple(g.exceptions.clone())),
        _ => None,
    }
}

fn is_exception_instance(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if i.exc.is_some())
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`: CPython's checks, and the class
/// switch (`BaseExceptionGroup` of Exceptions only is an `ExceptionGroup`). Returns the new,
/// uninitialised instance.
pub(crate) fn eg_new(vm: &mut Vm, cls: &Arc<Class>, args: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len()
        )));
    }
    let (message, seq) = (&args[0], &args[1]);
    if !vm.isinstance(message, &vm.types().str_.clone()) {
        let tn = vm.type_name(message);
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {tn}"
        )));
    }
    let is_sequence = match seq {
        Value::List(_) | Value::Tuple(_) | Value::Range(_) | Value::Str(_) | Value::Bytes(_) => {
            true
        }
        Value::Instance(i) => {
            !vm.isinstance(seq, &vm.types().dict.clone())
                && crate::object::lookup::class_lookup(&i.class, "__getitem__", vm.gil()).is_some()
        }
        _ => false,
    };
    if !is_sequence {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = vm.collect(seq)?;
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let exception = vm.types().exception.clone();
    let mut nested_base = false;
    for (i, e) in excs.iter().enumerate() {
        if !is_exception_instance(e) {
            return Err(vm.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        nested_base |= !vm.isinstance(e, &exception);
    }
    let (beg, eg) = (
        vm.types().base_exception_group.clone(),
        vm.types().exception_group.clone(),
    );
    let mut class = cls.clone();
    if Arc::ptr_eq(cls, &eg) {
        if nested_base {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if Arc::ptr_eq(cls, &beg) {
        if !nested_base {
            class = eg;
        }
    } else if nested_base && is_subclass(cls, &exception) {
        return Err(vm.type_error(format!(
            "Cannot nest BaseExceptions in '{}'",
            cls.name.as_str()
        )));
    }
    let inst = vm.new_instance(&class, Some(args.to_vec()), None);
    if let Value::Instance(i) = &inst {
        if let Some(st) = &i.exc {
            st.borrow_mut(vm.gil()).group = Some(Box::new(ExcGroup {
                message: message.clone(),
                exceptions: excs,
            }));
        }
    }
    Ok(inst)
}

fn this_group(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<(Arc<Instance>, ExcGroup)> {
    if let Some(Value::Instance(i)) = args.first() {
        if let Some(st) = &i.exc {
            if let Some(g) = &st.borrow(vm.gil()).group {
                return Ok((i.clone(), (**g).clone()));
            }
        }
    }
    Err(vm.type_error(format!(
        "descriptor '{method}' requires a 'BaseExceptionGroup' object"
    )))
}

fn eg_str(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (_, g) = this_group(vm, args, "__str__")?;
    Ok(Value::str(group_str(vm, &g)))
}

/// `str(eg)`: `msg (2 sub-exceptions)`.
pub fn group_str(_: &Vm, g: &ExcGroup) -> String {
    let msg = match &g.message {
        Value::Str(s) => s.as_str().to_string(),
        Value::Instance(i) => match &i.payload {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => String::new(),
        },
        _ => String::new(),
    };
    let n = g.exceptions.len();
    format!("{msg} ({n} sub-exception{})", if n > 1 { "s" } else { "" })
}

fn one_arg<'a>(vm: &mut Vm, args: &'a [Value], kw: &Kwargs, name: &str) -> PyResult<&'a Value> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.{name}() takes no keyword arguments"
        )));
    }
    match args {
        [_, v] => Ok(v),
        _ => Err(vm.type_error(format!(
            "BaseExceptionGroup.{name}() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        ))),
    }
}

/// `eg.derive(excs)`: `BaseExceptionGroup(eg.message, excs)`.
fn eg_derive(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let excs = one_arg(vm, args, kw, "derive")?.clone();
    let (_, g) = this_group(vm, args, "derive")?;
    let beg = vm.types().base_exception_group.clone();
    eg_new(vm, &beg, &[g.message, excs])
}

/// How `split`/`subgroup` (and `except*`) decide that a leaf matches.
pub enum Matcher {
    /// An exception class or a tuple of them.
    Type(Value),
    Predicate(Value),
    /// The leaves with these addresses (re-raised ones, for `except*`).
    Ids(Vec<usize>),
}

fn is_exc_class(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Class(c) if is_subclass(c, &vm.types().base_exception))
}

fn matcher_of(vm: &mut Vm, v: &Value) -> PyResult<Matcher> {
    let callable = match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) => true,
        Value::Instance(i) => {
            crate::object::lookup::class_lookup(&i.class, "__call__", vm.gil()).is_some()
        }
        _ => false,
    };
    if callable {
        return Ok(Matcher::Predicate(v.clone()));
    }
    if is_exc_class(vm, v) {
        return Ok(Matcher::Type(v.clone()));
    }
    if let Value::Tuple(t) = v {
        if t.items.iter().all(|c| is_exc_class(vm, c)) {
            return Ok(Matcher::Type(v.clone()));
        }
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

/// Does `exc` match an `except T` clause of class or tuple `t`?
pub fn exc_matches(vm: &Vm, exc: &Value, t: &Value) -> bool {
    let class = vm.type_of(exc);
    match t {
        Value::Class(c) => is_subclass(&class, c),
        Value::Tuple(items) => items
            .items
            .iter()
            .any(|c| matches!(c, Value::Class(c) if is_subclass(&class, c))),
        _ => false,
    }
}

fn check_match(vm: &mut Vm, exc: &Value, m: &Matcher) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => Ok(exc_matches(vm, exc, t)),
        Matcher::Predicate(f) => {
            let r = vm.call(f, std::slice::from_ref(exc))?;
            vm.truthy(&r)
        }
        Matcher::Ids(ids) => Ok(match exc {
            Value::Instance(i) if !is_group(vm, exc) => ids.contains(&(Arc::as_ptr(i) as usize)),
            _ => false,
        }),
    }
}

/// CPython's `exceptiongroup_split_recursive`: (match, rest), either `None` when empty.
pub fn split_group(
    vm: &mut Vm,
    exc: &Value,
    m: &Matcher,
    construct_rest: bool,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if check_match(vm, exc, m)? {
        return Ok((Some(exc.clone()), None));
    }
    let Value::Instance(inst) = exc else {
        return Ok((None, construct_rest.then(|| exc.clone())));
    };
    if !is_group(vm, exc) {
        return Ok((None, construct_rest.then(|| exc.clone())));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in group_exceptions(vm, inst) {
        vm.enter_native()?;
        let r = split_group(vm, &e, m, construct_rest);
        vm.leave_native();
        let (a, b) = r?;
        matched.extend(a);
        rest.extend(b);
    }
    let matched = subset(vm, inst, matched)?;
    let rest = if construct_rest {
        subset(vm, inst, rest)?
    } else {
        None
    };
    Ok((matched, rest))
}

/// `orig.derive(excs)` with orig's traceback, context, cause and a copy of its notes.
fn subset(vm: &mut Vm, orig: &Arc<Instance>, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let origv = Value::Instance(orig.clone());
    let derive = vm.get_attr(&origv, "derive")?;
    let eg = vm.call(&derive, &[Value::list(excs)])?;
    let Value::Instance(new) = &eg else {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    };
    if !is_group(vm, &eg) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let (Some(from), Some(to)) = (&orig.exc, &new.exc) {
        let gil = vm.gil();
        let from = from.borrow(gil).clone();
        let mut to = to.borrow_mut(gil);
        to.traceback = from.traceback;
        to.context = from.context;
        to.cause = from.cause;
        // PyException_SetCause always sets __suppress_context__.
        to.suppress_context = true;
    }
    if let Some(notes) = vm.get_attr_opt(&origv, "__notes__")? {
        if matches!(notes, Value::List(_) | Value::Tuple(_)) {
            let copy = Value::list(vm.collect(&notes)?);
            vm.set_attr(&eg, "__notes__", copy)?;
        }
    }
    Ok(Some(eg))
}

fn eg_split(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let cond = one_arg(vm, args, kw, "split")?.clone();
    let (inst, _) = this_group(vm, args, "split")?;
    let m = matcher_of(vm, &cond)?;
    let (a, b) = split_group(vm, &Value::Instance(inst), &m, true)?;
    Ok(Value::tuple(vec![
        a.unwrap_or(Value::None),
        b.unwrap_or(Value::None),
    ]))
}

fn eg_subgroup(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let cond = one_arg(vm, args, kw, "subgroup")?.clone();
    let (inst, _) = this_group(vm, args, "subgroup")?;
    let m = matcher_of(vm, &cond)?;
    let (a, _) = split_group(vm, &Value::Instance(inst), &m, false)?;
    Ok(a.unwrap_or(Value::None))
}

/// `BaseException.add_note(note)`: append to `__notes__` (a list in the instance dict).
fn exc_add_note(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let note = one_arg(vm, args, kw, "add_note")
        .map_err(|_| vm.type_error("BaseException.add_note() takes exactly one argument"))?
        .clone();
    let this = args[0].clone();
    if !matches!(note, Value::Str(_)) && !vm.isinstance(&note, &vm.types().str_.clone()) {
        let tn = vm.type_name(&note);
        return Err(vm.type_error(format!("note must be a str, not '{tn}'")));
    }
    let notes = match vm.get_attr_opt(&this, "__notes__")? {
        Some(n) => n,
        None => {
            let n = Value::list(Vec::new());
            vm.set_attr(&this, "__notes__", n.clone())?;
            n
        }
    };
    let Value::List(l) = &notes else {
        return Err(vm.type_error("Cannot add note: __notes__ is not a list"));
    };
    l.borrow_mut(vm.gil()).push(note);
    Ok(Value::None)
}
