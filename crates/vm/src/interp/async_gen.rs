//! Asynchronous generators (`async def` containing `yield`), their awaitables and the
//! `aiter()` / `anext()` built-ins.
//!
//! An async generator is a [`Generator`] with `async_gen` set: its frame suspends both at a
//! `yield` (a value for the consumer) and at an `await` (a `YieldFrom` passing the awaited
//! object's yields through to the event loop). The two are told apart by where the frame is
//! suspended: at a `YieldFrom` it is awaiting, anywhere else it yielded.
//!
//! `__anext__()`, `asend(v)`, `athrow(...)` and `aclose()` return an [`AsyncGenOp`], an awaitable
//! iterator that steps the generator: an await inside the generator yields through it, a `yield`
//! ends it with StopIteration(value) (the value of the `await`), and the generator returning
//! raises StopAsyncIteration. `anext(it, default)` on another async iterator returns an
//! [`ANextDefault`] that turns StopAsyncIteration into the default.

use std::sync::Arc;

use crate::interp::generator::{as_generator, make_throw_error, GenStep, Generator};
use crate::interp::vm::Vm;
use crate::object::error::{PyErr, PyResult};
use crate::object::gilcell::GilCell;
use crate::object::value::{NativeObject, PyStr, Value};

#[derive(Debug)]
enum OpKind {
    /// `__anext__()` / `asend(v)`: the value sent first.
    Send(Value),
    /// `athrow(...)`: the exception thrown first.
    Throw(PyErr),
    /// `aclose()`.
    Close,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum OpState {
    Init,
    Iter,
    Closed,
}

/// The awaitable returned by `__anext__`, `asend`, `athrow` and `aclose`.
#[derive(Debug)]
pub struct AsyncGenOp {
    agen: Value,
    kind: OpKind,
    state: GilCell<OpState>,
}

impl NativeObject for AsyncGenOp {
    fn type_name(&self) -> &'static str {
        match self.kind {
            OpKind::Send(_) => "async_generator_asend",
            _ => "async_generator_athrow",
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `anext(aiterator, default)` for an async iterator.
#[derive(Debug)]
pub struct ANextDefault {
    /// The awaitable iterator of `aiterator.__anext__()`.
    it: Value,
    default: Value,
}

impl NativeObject for ANextDefault {
    fn type_name(&self) -> &'static str {
        "anext_awaitable"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn as_op(v: &Value) -> Option<&AsyncGenOp> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<AsyncGenOp>(),
        _ => None,
    }
}

fn as_anext_default(v: &Value) -> Option<&ANextDefault> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<ANextDefault>(),
        _ => None,
    }
}

/// Is `v` one of this module's awaitables (its own awaitable iterator)?
pub fn is_awaitable(v: &Value) -> bool {
    as_op(v).is_some() || as_anext_default(v).is_some()
}

/// The async generator inside a value, if it is one.
pub fn as_async_gen(v: &Value) -> Option<&Generator> {
    as_generator(v).filter(|g| g.async_gen)
}

fn new_op(agen: &Value, kind: OpKind) -> Value {
    crate::object::class::native(AsyncGenOp {
        agen: agen.clone(),
        kind,
        state: GilCell::new(OpState::Init),
    })
}

impl Vm {
    fn stop_async_iteration(&self) -> PyErr {
        match self
            .types()
            .exception_by_name("StopAsyncIteration")
            .cloned()
        {
            Some(c) => self.new_error_args(&c, Vec::new()),
            None => self.runtime_error("StopAsyncIteration"),
        }
    }

    fn is_exc_named(&self, e: &PyErr, name: &str) -> bool {
        match self.types().exception_by_name(name).cloned() {
            Some(c) => self.err_is(e, &c),
            None => false,
        }
    }

    /// What the generator did in one step, as seen by the awaitable `op`.
    fn op_outcome(
        &mut self,
        op: &AsyncGenOp,
        g: &Generator,
        r: PyResult<GenStep>,
    ) -> PyResult<GenStep> {
        let close = matches!(op.kind, OpKind::Close);
        let r = match r {
            Ok(GenStep::Yielded(y)) if g.at_await(self) => return Ok(GenStep::Yielded(y)),
            Ok(GenStep::Yielded(y)) => {
                if close {
                    Err(self.runtime_error("async generator ignored GeneratorExit"))
                } else {
                    Ok(GenStep::Returned(y))
                }
            }
            Ok(GenStep::Returned(_)) => {
                if close {
                    Ok(GenStep::Returned(Value::None))
                } else {
                    Err(self.stop_async_iteration())
                }
            }
            Err(e) => {
                if close
                    && (self.is_exc_named(&e, "GeneratorExit")
                        || self.is_exc_named(&e, "StopAsyncIteration"))
                {
                    Ok(GenStep::Returned(Value::None))
                } else {
                    Err(e)
                }
            }
        };
        *op.state.borrow_mut(self.gil()) = OpState::Closed;
        r
    }

    fn op_reused(&self, op: &AsyncGenOp) -> PyErr {
        self.runtime_error(match op.kind {
            OpKind::Send(_) => "cannot reuse already awaited __anext__()/asend()",
            _ => "cannot reuse already awaited aclose()/athrow()",
        })
    }

    /// `send(v)` into the awaitable of `__anext__`/`asend`/`athrow`/`aclose`.
    fn op_send(&mut self, op: &AsyncGenOp, v: Value) -> PyResult<GenStep> {
        let Some(g) = as_async_gen(&op.agen) else {
            return Err(self.type_error("not an async generator"));
        };
        let state = *op.state.borrow(self.gil());
        let r = match state {
            OpState::Closed => return Err(self.op_reused(op)),
            OpState::Iter => self.gen_send(g, v),
            OpState::Init => {
                // Another awaitable of this generator is mid-way (its frame awaiting or
                // executing): CPython's `ag_running_async`.
                if g.at_await(self) || g.is_running(self) {
                    let what = match op.kind {
                        OpKind::Send(_) => "anext()",
                        OpKind::Throw(_) => "athrow()",
                        OpKind::Close => "aclose()",
                    };
                    if !matches!(op.kind, OpKind::Send(_)) {
                        *op.state.borrow_mut(self.gil()) = OpState::Closed;
                    }
                    return Err(self.runtime_error(format!(
                        "{what}: asynchronous generator is already running"
                    )));
                }
                *op.state.borrow_mut(self.gil()) = OpState::Iter;
                match &op.kind {
                    OpKind::Send(first) => {
                        if g.is_finished(self) {
                            *op.state.borrow_mut(self.gil()) = OpState::Closed;
                            return Err(self.stop_async_iteration());
                        }
                        let v = if v.is_none() { first.clone() } else { v };
                        self.gen_send(g, v)
                    }
                    OpKind::Throw(e) => {
                        if g.is_finished(self) {
                            *op.state.borrow_mut(self.gil()) = OpState::Closed;
                            return Err(self.stop_async_iteration());
                        }
                        self.gen_throw(g, e.clone())
                    }
                    OpKind::Close => {
                        let gexit = self
                            .types()
                            .exception_by_name("GeneratorExit")
                            .cloned()
                            .unwrap_or_else(|| self.types().base_exception.clone());
                        let e = self.new_error_args(&gexit, Vec::new());
                        self.gen_throw(g, e)
                    }
                }
            }
        };
        self.op_outcome(op, g, r)
    }

    /// `throw(exc)` into such an awaitable (a task being cancelled, ...).
    fn op_throw(&mut self, op: &AsyncGenOp, e: PyErr) -> PyResult<GenStep> {
        let Some(g) = as_async_gen(&op.agen) else {
            return Err(e);
        };
        if *op.state.borrow(self.gil()) == OpState::Closed {
            return Err(self.op_reused(op));
        }
        *op.state.borrow_mut(self.gil()) = OpState::Iter;
        let r = self.gen_throw(g, e);
        self.op_outcome(op, g, r)
    }

    /// Throw `e` into the awaitable iterator `it` (as `it.throw(e)`).
    pub(crate) fn throw_into(&mut self, it: &Value, e: PyErr) -> PyResult<GenStep> {
        if let Some(g) = as_generator(it) {
            return self.gen_throw(g, e);
        }
        if let Some(r) = async_throw(self, it, &e) {
            return r;
        }
        if let Some(r) = crate::modules::asyncio::native_throw(self, it, &e) {
            return r;
        }
        match self.get_attr_opt(it, "throw")? {
            Some(f) => match self.call(&f, &[e.value()]) {
                Ok(y) => Ok(GenStep::Yielded(y)),
                Err(e) => self.returned_from_stop(e),
            },
            None => Err(e),
        }
    }

    /// `GetAIter`: [v] -> [v.__aiter__()].
    pub(crate) fn get_aiter(&mut self, v: Value) -> PyResult<Value> {
        if as_async_gen(&v).is_some() {
            return Ok(v);
        }
        let tn = self.type_name(&v);
        let f = match v {
            Value::Instance(_) | Value::Native(_) => self.get_attr_opt(&v, "__aiter__")?,
            _ => None,
        };
        let Some(f) = f else {
            return Err(self.type_error(format!(
                "'async for' requires an object with __aiter__ method, got {tn}"
            )));
        };
        let it = self.call(&f, &[])?;
        if !self.has_anext(&it)? {
            let tn = self.type_name(&it);
            return Err(self.type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {tn}"
            )));
        }
        Ok(it)
    }

    fn has_anext(&mut self, it: &Value) -> PyResult<bool> {
        if as_async_gen(it).is_some() {
            return Ok(true);
        }
        Ok(match it {
            Value::Instance(_) | Value::Native(_) => {
                let class = self.type_of(it);
                crate::builtins::funcs::class_has(self, &class, "__anext__")
            }
            _ => false,
        })
    }

    /// `GetANext`: [aiter] -> [aiter, awaitable iterator of aiter.__anext__()].
    pub(crate) fn get_anext(&mut self) -> PyResult<()> {
        let Some(it) = self.stack.last().cloned() else {
            return Err(self.runtime_error("gilvm: GetANext on an empty stack"));
        };
        if as_async_gen(&it).is_some() {
            self.stack.push(new_op(&it, OpKind::Send(Value::None)));
            return Ok(());
        }
        let tn = self.type_name(&it);
        let f = match it {
            Value::Instance(_) | Value::Native(_) => self.get_attr_opt(&it, "__anext__")?,
            _ => None,
        };
        let Some(f) = f else {
            return Err(self.type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {tn}"
            )));
        };
        let a = self.call(&f, &[])?;
        let a = match self.get_awaitable(a.clone()) {
            Ok(a) => a,
            Err(_) => {
                let tn = self.type_name(&a);
                return Err(self.type_error(format!(
                    "'async for' received an invalid object from __anext__: {tn}"
                )));
            }
        };
        self.stack.push(a);
        Ok(())
    }

    /// `EndAsyncFor`: [aiter, exc] -> [] if exc is a StopAsyncIteration, else exc to re-raise.
    pub(crate) fn end_async_for(&mut self) -> Option<PyErr> {
        let exc = self.stack.pop()?;
        self.handled.pop();
        let Value::Instance(i) = exc else {
            return Some(self.runtime_error("gilvm: EndAsyncFor of a non-exception"));
        };
        if i.exc.is_none() {
            return Some(self.runtime_error("gilvm: EndAsyncFor of a non-exception"));
        }
        let e = PyErr(i);
        if self.is_exc_named(&e, "StopAsyncIteration") {
            self.stack.pop();
            None
        } else {
            Some(e)
        }
    }
}

/// One step of one of this module's awaitables (for `YieldFrom`); `None` if `it` is not one.
pub(crate) fn async_send(vm: &mut Vm, it: &Value, v: Value) -> Option<PyResult<GenStep>> {
    if let Some(op) = as_op(it) {
        return Some(vm.op_send(op, v));
    }
    let d = as_anext_default(it)?;
    let r = vm.yield_from_step(&d.it, v);
    Some(anext_default_outcome(vm, d, r))
}

/// Throw into one of this module's awaitables; `None` if `it` is not one.
pub(crate) fn async_throw(vm: &mut Vm, it: &Value, e: &PyErr) -> Option<PyResult<GenStep>> {
    if let Some(op) = as_op(it) {
        return Some(vm.op_throw(op, e.clone()));
    }
    let d = as_anext_default(it)?;
    let r = vm.throw_into(&d.it, e.clone());
    Some(anext_default_outcome(vm, d, r))
}

fn anext_default_outcome(vm: &Vm, d: &ANextDefault, r: PyResult<GenStep>) -> PyResult<GenStep> {
    match r {
        Err(e) if vm.is_exc_named(&e, "StopAsyncIteration") => {
            Ok(GenStep::Returned(d.default.clone()))
        }
        r => r,
    }
}

type Kw<'a> = &'a [(Arc<PyStr>, Value)];

fn arg_agen<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Generator> {
    args.first()
        .and_then(as_async_gen)
        .ok_or_else(|| vm.type_error("descriptor requires an 'async_generator' object"))
}

fn m_aiter(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    arg_agen(vm, args)?;
    Ok(args[0].clone())
}

fn m_anext(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    arg_agen(vm, args)?;
    Ok(new_op(&args[0], OpKind::Send(Value::None)))
}

fn m_asend(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    arg_agen(vm, args)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "async_generator.asend() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(new_op(&args[0], OpKind::Send(args[1].clone())))
}

fn m_athrow(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    arg_agen(vm, args)?;
    let Some(typ) = args.get(1) else {
        return Err(vm.type_error("athrow expected at least 1 argument, got 0"));
    };
    let err = make_throw_error(vm, typ, args.get(2))?;
    Ok(new_op(&args[0], OpKind::Throw(err)))
}

fn m_aclose(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    arg_agen(vm, args)?;
    Ok(new_op(&args[0], OpKind::Close))
}

fn m_agen_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = arg_agen(vm, args)?;
    Ok(Value::str(format!(
        "<async_generator object {} at {:#014x}>",
        g.qualname.as_str(),
        crate::protocol::repr::object_id(&args[0])
    )))
}

fn arg_awaitable<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Value> {
    args.first()
        .filter(|v| is_awaitable(v))
        .ok_or_else(|| vm.type_error("descriptor requires an async generator awaitable"))
}

fn step_value(vm: &Vm, step: GenStep) -> PyResult<Value> {
    match step {
        GenStep::Yielded(v) => Ok(v),
        GenStep::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

fn m_op_send(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let it = arg_awaitable(vm, args)?.clone();
    let v = args.get(1).cloned().unwrap_or(Value::None);
    match async_send(vm, &it, v) {
        Some(r) => step_value(vm, r?),
        None => Err(vm.type_error("not an async generator awaitable")),
    }
}

fn m_op_next(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    m_op_send(vm, &args[..1.min(args.len())], &[])
}

fn m_op_throw(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let it = arg_awaitable(vm, args)?.clone();
    let Some(typ) = args.get(1) else {
        return Err(vm.type_error("throw expected at least 1 argument, got 0"));
    };
    let err = make_throw_error(vm, typ, args.get(2))?;
    match async_throw(vm, &it, &err) {
        Some(r) => step_value(vm, r?),
        None => Err(err),
    }
}

fn m_op_close(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let it = arg_awaitable(vm, args)?;
    if let Some(op) = as_op(it) {
        *op.state.borrow_mut(vm.gil()) = OpState::Closed;
    }
    Ok(Value::None)
}

fn m_op_self(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(arg_awaitable(vm, args)?.clone())
}

fn m_op_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let it = arg_awaitable(vm, args)?;
    let tn = vm.type_name(it);
    Ok(Value::str(format!(
        "<{tn} object at {:#014x}>",
        crate::protocol::repr::object_id(it)
    )))
}

/// `aiter(x)`.
pub fn builtin_aiter(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    crate::object::args::count(vm, "aiter", a, kw, 1, 1)?;
    let v = a[0].clone();
    if as_async_gen(&v).is_some() {
        return Ok(v);
    }
    let tn = vm.type_name(&v);
    let f = match v {
        Value::Instance(_) | Value::Native(_) => vm.get_attr_opt(&v, "__aiter__")?,
        _ => None,
    };
    let Some(f) = f else {
        return Err(vm.type_error(format!("'{tn}' object is not an async iterable")));
    };
    let it = vm.call(&f, &[])?;
    if !vm.has_anext(&it)? {
        let tn = vm.type_name(&it);
        return Err(vm.type_error(format!(
            "aiter() returned not an async iterator of type '{tn}'"
        )));
    }
    Ok(it)
}

/// `anext(aiterator[, default])`.
pub fn builtin_anext(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    crate::object::args::count(vm, "anext", a, kw, 1, 2)?;
    let it = &a[0];
    let aw = if as_async_gen(it).is_some() {
        new_op(it, OpKind::Send(Value::None))
    } else {
        let tn = vm.type_name(it);
        let f = match it {
            Value::Instance(_) | Value::Native(_) if vm.has_anext(it)? => {
                vm.get_attr_opt(it, "__anext__")?
            }
            _ => None,
        };
        let Some(f) = f else {
            return Err(vm.type_error(format!("'{tn}' object is not an async iterator")));
        };
        vm.call(&f, &[])?
    };
    let Some(default) = a.get(1) else {
        return Ok(aw);
    };
    let it = vm.get_awaitable(aw)?;
    Ok(crate::object::class::native(ANextDefault {
        it,
        default: default.clone(),
    }))
}

/// Register the `async_generator` class and the classes of its awaitables.
pub(crate) fn install(vm: &mut Vm) {
    let object = vm.types().object.clone();
    let agen = crate::object::types::new_builtin_class(
        "async_generator",
        Some(&object),
        crate::object::value::BuiltinType::Native,
    );
    crate::builtins::add_methods(
        vm,
        &agen,
        &[
            ("__aiter__", m_aiter),
            ("__anext__", m_anext),
            ("asend", m_asend),
            ("athrow", m_athrow),
            ("aclose", m_aclose),
            ("__repr__", m_agen_repr),
        ],
    );
    vm.types()
        .natives
        .borrow_mut(vm.gil())
        .insert("async_generator", agen);
    for name in [
        "async_generator_asend",
        "async_generator_athrow",
        "anext_awaitable",
    ] {
        let c = crate::object::types::new_builtin_class(
            name,
            Some(&object),
            crate::object::value::BuiltinType::Native,
        );
        crate::builtins::add_methods(
            vm,
            &c,
            &[
                ("send", m_op_send),
                ("throw", m_op_throw),
                ("close", m_op_close),
                ("__await__", m_op_self),
                ("__iter__", m_op_self),
                ("__next__", m_op_next),
                ("__repr__", m_op_repr),
            ],
        );
        vm.types().natives.borrow_mut(vm.gil()).insert(name, c);
    }
}
