//! Generators and coroutines.
//!
//! Calling a function whose code has `flags.generator` or `flags.coroutine` binds the arguments
//! as usual and then, instead of running the new frame, moves it into a [`Generator`] object:
//! the [`Frame`] (ip, block stack, cells) and its slice of the value stack (locals + operands).
//! Resuming pushes both back on top of the running thread's stacks as an *entry* frame and runs
//! the eval loop on it; `YieldValue` (and a `YieldFrom` whose subiterator yields) pops the frame
//! into `Vm::yielded` and returns from the loop, and [`Vm::gen_resume`] moves the frame's values
//! back into the generator (reusing the generator's buffer, so a switch allocates nothing).
//!
//! Block depths and the handled-exception stack are stored relative to the frame while it is
//! suspended, so a generator can be resumed at any stack height. Exceptions the frame was
//! handling when it yielded (a `yield` inside `except`) are saved and restored with it.
//!
//! A suspended generator costs one allocation (this struct, ~200 bytes) plus its saved values
//! (16 bytes each).

use std::sync::Arc;

use gilvm_compiler::Op;

use crate::interp::eval::Raised;
use crate::interp::frame::Frame;
use crate::interp::vm::Vm;
use crate::object::error::{PyErr, PyResult};
use crate::object::gilcell::GilCell;
use crate::object::value::{NativeObject, PyStr, Value};

/// A generator (`def` with `yield`, generator expressions) or coroutine (`async def`).
pub struct Generator {
    pub coroutine: bool,
    /// An async generator (`async def` with `yield`; see `async_gen.rs`). `coroutine` is false.
    pub async_gen: bool,
    pub name: Arc<PyStr>,
    pub qualname: Arc<PyStr>,
    state: GilCell<GenState>,
}

struct GenState {
    /// The suspended frame; `None` once the generator has finished (or while it runs).
    frame: Option<Frame>,
    /// The frame's values (locals, then operands) while suspended; kept (empty) while running
    /// so its buffer is reused.
    stack: Vec<Value>,
    /// Exceptions the frame was handling when it yielded.
    handled: Vec<PyErr>,
    started: bool,
    running: bool,
}

impl std::fmt::Debug for Generator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<generator {}>", self.qualname.as_str())
    }
}

impl NativeObject for Generator {
    fn type_name(&self) -> &'static str {
        if self.coroutine {
            "coroutine"
        } else if self.async_gen {
            "async_generator"
        } else {
            "generator"
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// What one resumption of a generator (or one step of a subiterator) did.
pub enum GenStep {
    Yielded(Value),
    Returned(Value),
}

/// How a generator is resumed.
enum Resume {
    /// `send(v)` / `next()`: v becomes the value of the `yield`.
    Send(Value),
    /// `throw(exc)`: raised at the `yield`.
    Throw(PyErr),
    /// The subiterator of the `YieldFrom` the frame is suspended at returned v (after a
    /// `throw` delegated to it): v replaces the subiterator and execution continues after the
    /// `YieldFrom`.
    DelegateReturned(Value),
}

impl Generator {
    fn kind(&self) -> &'static str {
        if self.coroutine {
            "coroutine"
        } else if self.async_gen {
            "async generator"
        } else {
            "generator"
        }
    }

    /// Is the suspended frame awaiting (at a `YieldFrom`) rather than stopped at a `yield`?
    pub(crate) fn at_await(&self, vm: &Vm) -> bool {
        self.delegate(vm).is_some()
    }

    /// Is the generator's frame executing right now (a re-entrant resume)?
    pub(crate) fn is_running(&self, vm: &Vm) -> bool {
        self.state.borrow(vm.gil()).running
    }

    /// Has the generator finished (returned, raised or been closed)?
    pub fn is_finished(&self, vm: &Vm) -> bool {
        let st = self.state.borrow(vm.gil());
        st.frame.is_none() && !st.running
    }

    /// The subiterator of the `YieldFrom` the suspended frame is at, if any.
    fn delegate(&self, vm: &Vm) -> Option<Value> {
        let st = self.state.borrow(vm.gil());
        let frame = st.frame.as_ref()?;
        let func = frame.func.as_ref()?;
        match func.code.code.code.get(frame.ip as usize) {
            Some(Op::YieldFrom) => st.stack.last().cloned(),
            _ => None,
        }
    }
}

/// The generator inside a value, if it is one.
pub fn as_generator(v: &Value) -> Option<&Generator> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<Generator>(),
        _ => None,
    }
}

impl Vm {
    /// The frame just pushed by `push_function_frame` belongs to a generator or coroutine
    /// function: take it (and its arguments) off the stacks and wrap it in a generator object.
    pub(crate) fn frame_to_generator(&mut self) -> Value {
        let Some(mut frame) = self.frames.pop() else {
            return Value::None;
        };
        let stack = self.stack.split_off(frame.base as usize);
        self.stack.truncate(frame.ret as usize);
        let (coroutine, async_gen, name, qualname) = match &frame.func {
            Some(f) => {
                let flags = &f.code.code.flags;
                (
                    flags.coroutine && !flags.generator,
                    flags.coroutine && flags.generator,
                    f.name.clone(),
                    f.qualname.clone(),
                )
            }
            None => (
                false,
                false,
                Arc::new(PyStr::new("?")),
                Arc::new(PyStr::new("?")),
            ),
        };
        frame.base = 0;
        frame.ret = 0;
        frame.handled_base = 0;
        frame.entry = true;
        crate::object::class::native(Generator {
            coroutine,
            async_gen,
            name,
            qualname,
            state: GilCell::new(GenState {
                frame: Some(frame),
                stack,
                handled: Vec::new(),
                started: false,
                running: false,
            }),
        })
    }

    /// Suspend the running frame (an entry frame of a generator) after a yield: it goes to
    /// `self.yielded`; its values stay on the stack for [`Vm::gen_resume`] to take.
    pub(crate) fn suspend_frame(&mut self) -> PyResult<()> {
        match self.frames.pop() {
            Some(f) if f.entry => {
                self.yielded = Some(f);
                Ok(())
            }
            Some(f) => {
                self.frames.push(f);
                Err(self.runtime_error("gilvm: yield outside a generator frame"))
            }
            None => Err(self.runtime_error("gilvm: yield without a frame")),
        }
    }

    fn resume(&mut self, gen: &Generator, how: Resume) -> PyResult<GenStep> {
        let gil = self.gil();
        let mut st = gen.state.borrow_mut(gil);
        if st.running {
            drop(st);
            return Err(self.value_error(format!("{} already executing", gen.kind())));
        }
        if st.frame.is_none() {
            drop(st);
            return match how {
                Resume::Throw(e) => Err(e),
                _ if gen.coroutine => {
                    Err(self.runtime_error("cannot reuse already awaited coroutine"))
                }
                _ => Err(self.stop_iteration(Value::None)),
            };
        }
        if !st.started {
            match &how {
                Resume::Send(v) if !v.is_none() => {
                    drop(st);
                    return Err(self.type_error(format!(
                        "can't send non-None value to a just-started {}",
                        gen.kind()
                    )));
                }
                Resume::Throw(e) => {
                    let e = e.clone();
                    st.frame = None;
                    st.stack = Vec::new();
                    return Err(e);
                }
                _ => {}
            }
        }
        if self.frames.len() + self.native_depth > self.interp.recursion_limit()
            || crate::runtime::stack_guard::stack_exhausted()
        {
            drop(st);
            return Err(self.recursion_error());
        }
        let Some(mut frame) = st.frame.take() else {
            return Err(self.runtime_error("gilvm: generator without a frame"));
        };
        st.started = true;
        st.running = true;
        let base = self.stack.len();
        let hbase = self.handled.len();
        for b in frame.blocks.iter_mut() {
            b.stack_depth += base as u32;
            b.handled_depth += hbase as u32;
        }
        frame.base = base as u32;
        frame.ret = base as u32;
        frame.handled_base = hbase as u32;
        frame.entry = true;
        self.stack.append(&mut st.stack);
        if !st.handled.is_empty() {
            self.handled.append(&mut st.handled);
        }
        drop(st);
        let r = match how {
            Resume::Send(v) => {
                self.frames.push(frame);
                self.stack.push(v);
                self.run_entry()
            }
            Resume::DelegateReturned(v) => {
                frame.ip += 1;
                self.frames.push(frame);
                if let Some(top) = self.stack.last_mut() {
                    *top = v;
                }
                self.run_entry()
            }
            Resume::Throw(e) => {
                let at_yield_from = frame.func.as_ref().is_some_and(|f| {
                    f.code.code.code.get(frame.ip as usize) == Some(&Op::YieldFrom)
                });
                if at_yield_from {
                    frame.ip += 1;
                }
                self.frames.push(frame);
                match self.unwind(e, Raised::New) {
                    Ok(()) => self.run_entry(),
                    Err(e) => Err(e),
                }
            }
        };
        let mut st = gen.state.borrow_mut(gil);
        st.running = false;
        match r {
            Ok(v) => match self.yielded.take() {
                Some(mut frame) => {
                    let base = frame.base as usize;
                    let hbase = frame.handled_base as usize;
                    for b in frame.blocks.iter_mut() {
                        b.stack_depth -= base as u32;
                        b.handled_depth -= hbase as u32;
                    }
                    st.stack.extend(self.stack.drain(base..));
                    if self.handled.len() > hbase {
                        st.handled.extend(self.handled.drain(hbase..));
                    }
                    st.frame = Some(frame);
                    Ok(GenStep::Yielded(v))
                }
                None => {
                    st.stack = Vec::new();
                    Ok(GenStep::Returned(v))
                }
            },
            Err(e) => {
                st.stack = Vec::new();
                drop(st);
                let stop = self.types().stop_iteration.clone();
                let stop_async = if gen.async_gen {
                    self.types()
                        .exception_by_name("StopAsyncIteration")
                        .cloned()
                } else {
                    None
                };
                let raised = if self.err_is(&e, &stop) {
                    Some("StopIteration")
                } else if stop_async.is_some_and(|c| self.err_is(&e, &c)) {
                    Some("StopAsyncIteration")
                } else {
                    None
                };
                if let Some(what) = raised {
                    let msg = format!("{} raised {what}", gen.kind());
                    let new = self.runtime_error(msg);
                    if let Some(s) = &new.0.exc {
                        let mut s = s.borrow_mut(gil);
                        s.cause = Some(e.value());
                        s.context = Some(e.value());
                        s.suppress_context = true;
                    }
                    return Err(new);
                }
                Err(e)
            }
        }
    }

    /// `StopIteration(value)` (no args when value is None, as CPython does).
    pub fn stop_iteration(&self, value: Value) -> PyErr {
        let class = self.types().stop_iteration.clone();
        if value.is_none() {
            self.new_error_args(&class, Vec::new())
        } else {
            self.new_error_args(&class, vec![value])
        }
    }

    /// `gen.send(v)` as a step.
    pub fn gen_send(&mut self, gen: &Generator, v: Value) -> PyResult<GenStep> {
        self.resume(gen, Resume::Send(v))
    }

    /// `gen.throw(exc)` as a step, delegating to a subiterator the frame is suspended at.
    pub fn gen_throw(&mut self, gen: &Generator, err: PyErr) -> PyResult<GenStep> {
        if let Some(d) = gen.delegate(self) {
            let gexit = self.types().exception_by_name("GeneratorExit").cloned();
            let is_exit = gexit.as_ref().is_some_and(|c| self.err_is(&err, c));
            if is_exit {
                if let Err(e) = self.close_iter(&d) {
                    return self.resume(gen, Resume::Throw(e));
                }
            } else if let Some(sub) = as_generator(&d) {
                {
                    let mut st = gen.state.borrow_mut(self.gil());
                    st.running = true;
                }
                let r = self.gen_throw(sub, err);
                gen.state.borrow_mut(self.gil()).running = false;
                return match r {
                    Ok(GenStep::Yielded(y)) => Ok(GenStep::Yielded(y)),
                    Ok(GenStep::Returned(v)) => self.resume(gen, Resume::DelegateReturned(v)),
                    Err(e) => self.resume(gen, Resume::Throw(e)),
                };
            } else if let Some(r) = crate::interp::async_gen::async_throw(self, &d, &err)
                .or_else(|| crate::modules::asyncio::native_throw(self, &d, &err))
            {
                return match r {
                    Ok(GenStep::Yielded(y)) => Ok(GenStep::Yielded(y)),
                    Ok(GenStep::Returned(v)) => self.resume(gen, Resume::DelegateReturned(v)),
                    Err(e) => self.resume(gen, Resume::Throw(e)),
                };
            }
        }
        self.resume(gen, Resume::Throw(err))
    }

    /// Close a subiterator being delegated to (its `close()`, if it has one).
    fn close_iter(&mut self, it: &Value) -> PyResult<()> {
        if let Some(g) = as_generator(it) {
            return self.gen_close(g);
        }
        if let Value::Instance(_) = it {
            if let Some(close) = self.get_attr_opt(it, "close")? {
                self.call(&close, &[])?;
            }
        }
        Ok(())
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, gen: &Generator) -> PyResult<()> {
        {
            let mut st = gen.state.borrow_mut(self.gil());
            if st.running {
                drop(st);
                return Err(self.value_error(format!("{} already executing", gen.kind())));
            }
            if !st.started || st.frame.is_none() {
                st.frame = None;
                st.stack = Vec::new();
                st.handled = Vec::new();
                return Ok(());
            }
        }
        let gexit = self
            .types()
            .exception_by_name("GeneratorExit")
            .cloned()
            .unwrap_or_else(|| self.types().base_exception.clone());
        let err = self.new_error_args(&gexit, Vec::new());
        match self.gen_throw(gen, err) {
            Ok(GenStep::Yielded(_)) => {
                Err(self.runtime_error(format!("{} ignored GeneratorExit", gen.kind())))
            }
            Ok(GenStep::Returned(_)) => Ok(()),
            Err(e) => {
                let stop = self.types().stop_iteration.clone();
                if self.err_is(&e, &gexit) || self.err_is(&e, &stop) {
                    Ok(())
                } else {
                    Err(e)
                }
            }
        }
    }

    /// `next(gen)` for the iterator protocol: `None` when exhausted.
    pub fn gen_next(&mut self, gen: &Generator) -> PyResult<Option<Value>> {
        if gen.is_finished(self) {
            return Ok(None);
        }
        match self.resume(gen, Resume::Send(Value::None))? {
            GenStep::Yielded(v) => Ok(Some(v)),
            GenStep::Returned(_) => Ok(None),
        }
    }

    /// One step of the subiterator of a `YieldFrom`: send `v` to it.
    pub(crate) fn yield_from_step(&mut self, it: &Value, v: Value) -> PyResult<GenStep> {
        if let Some(g) = as_generator(it) {
            return self.resume(g, Resume::Send(v));
        }
        if let Some(r) = crate::modules::asyncio::native_send(self, it, &v) {
            return r;
        }
        if let Some(r) = crate::interp::async_gen::async_send(self, it, v.clone()) {
            return r;
        }
        if v.is_none() {
            return match self.next_with_value(it)? {
                Ok(y) => Ok(GenStep::Yielded(y)),
                Err(r) => Ok(GenStep::Returned(r)),
            };
        }
        let send = self.get_attr(it, "send")?;
        match self.call(&send, &[v]) {
            Ok(y) => Ok(GenStep::Yielded(y)),
            Err(e) => self.returned_from_stop(e),
        }
    }

    /// `next(it)` keeping the value of the StopIteration: `Ok(Err(value))` when exhausted.
    fn next_with_value(&mut self, it: &Value) -> PyResult<Result<Value, Value>> {
        match it {
            Value::Instance(_) => {
                let f = self.get_attr(it, "__next__")?;
                match self.call(&f, &[]) {
                    Ok(v) => Ok(Ok(v)),
                    Err(e) => match self.returned_from_stop(e)? {
                        GenStep::Returned(v) => Ok(Err(v)),
                        GenStep::Yielded(v) => Ok(Ok(v)),
                    },
                }
            }
            _ => Ok(match self.next(it)? {
                Some(v) => Ok(v),
                None => Err(Value::None),
            }),
        }
    }

    /// A StopIteration ends a subiterator with its value; anything else propagates.
    pub(crate) fn returned_from_stop(&mut self, e: PyErr) -> PyResult<GenStep> {
        let stop = self.types().stop_iteration.clone();
        if self.err_is(&e, &stop) {
            let v = self.get_attr(&e.value(), "value").unwrap_or(Value::None);
            Ok(GenStep::Returned(v))
        } else {
            Err(e)
        }
    }

    /// `GetAwaitable`: a coroutine itself, else `v.__await__()`.
    pub(crate) fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        if let Some(g) = as_generator(&v) {
            if g.coroutine {
                return Ok(v);
            }
        } else if crate::modules::asyncio::is_native_awaitable(&v)
            || crate::interp::async_gen::is_awaitable(&v)
        {
            return Ok(v);
        } else if matches!(v, Value::Instance(_) | Value::Native(_)) {
            if let Some(f) = self.get_attr_opt(&v, "__await__")? {
                let it = self.call(&f, &[])?;
                if as_generator(&it).is_some_and(|g| g.coroutine) {
                    return Err(self.type_error("__await__() returned a coroutine"));
                }
                return Ok(it);
            }
        }
        let tn = self.type_name(&v);
        Err(self.type_error(format!("object {tn} can't be used in 'await' expression")))
    }

    /// `BeforeAsyncWith`: [cm] -> [bound __aexit__, cm.__aenter__()].
    pub(crate) fn before_async_with(&mut self, cm: Value) -> PyResult<()> {
        let tn = self.type_name(&cm);
        let msg =
            format!("'{tn}' object does not support the asynchronous context manager protocol");
        let Some(enter) = self.get_attr_opt(&cm, "__aenter__")? else {
            return Err(self.type_error(msg));
        };
        let Some(exit) = self.get_attr_opt(&cm, "__aexit__")? else {
            return Err(self.type_error(msg));
        };
        self.stack.push(exit);
        let r = self.call(&enter, &[])?;
        self.stack.push(r);
        Ok(())
    }
}

fn arg_gen<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Generator> {
    args.first()
        .and_then(as_generator)
        .ok_or_else(|| vm.type_error("descriptor requires a generator object"))
}

fn step_result(vm: &Vm, step: GenStep) -> PyResult<Value> {
    match step {
        GenStep::Yielded(v) => Ok(v),
        GenStep::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

type Kw<'a> = &'a [(Arc<PyStr>, Value)];

fn m_send(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = arg_gen(vm, args)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "send() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let step = vm.gen_send(g, args[1].clone())?;
    step_result(vm, step)
}

fn m_next(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = arg_gen(vm, args)?;
    let step = vm.gen_send(g, Value::None)?;
    step_result(vm, step)
}

fn m_iter(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    arg_gen(vm, args)?;
    Ok(args[0].clone())
}

/// Make the exception `throw(typ[, val])` raises.
pub fn make_throw_error(vm: &mut Vm, typ: &Value, val: Option<&Value>) -> PyResult<PyErr> {
    match typ {
        Value::Class(c)
            if crate::object::types::is_subclass(c, &vm.types().base_exception.clone()) =>
        {
            match val {
                Some(Value::Instance(i)) if crate::object::types::is_subclass(&i.class, c) => {
                    Ok(PyErr(i.clone()))
                }
                Some(Value::None) | None => {
                    let e = vm.call(typ, &[])?;
                    as_err(vm, e)
                }
                Some(Value::Tuple(t)) => {
                    let e = vm.call(typ, &t.items)?;
                    as_err(vm, e)
                }
                Some(v) => {
                    let e = vm.call(typ, std::slice::from_ref(v))?;
                    as_err(vm, e)
                }
            }
        }
        Value::Instance(i) if i.exc.is_some() => {
            if val.is_some_and(|v| !v.is_none()) {
                return Err(vm.type_error("instance exception may not have a separate value"));
            }
            Ok(PyErr(i.clone()))
        }
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {tn}"
            )))
        }
    }
}

fn as_err(vm: &Vm, e: Value) -> PyResult<PyErr> {
    match e {
        Value::Instance(i) if i.exc.is_some() => Ok(PyErr(i)),
        _ => Err(vm.type_error("exceptions must derive from BaseException")),
    }
}

fn m_throw(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = arg_gen(vm, args)?;
    let Some(typ) = args.get(1) else {
        return Err(vm.type_error("throw expected at least 1 argument, got 0"));
    };
    let err = make_throw_error(vm, typ, args.get(2))?;
    let step = vm.gen_throw(g, err)?;
    step_result(vm, step)
}

fn m_close(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = arg_gen(vm, args)?;
    vm.gen_close(g)?;
    Ok(Value::None)
}

fn m_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = arg_gen(vm, args)?;
    Ok(Value::str(format!(
        "<{} object {} at {:#014x}>",
        g.kind(),
        g.qualname.as_str(),
        crate::protocol::repr::object_id(&args[0])
    )))
}

fn m_await(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    arg_gen(vm, args)?;
    Ok(args[0].clone())
}

/// Register the `generator` and `coroutine` classes.
pub(crate) fn install(vm: &mut Vm) {
    let object = vm.types().object.clone();
    for (name, is_coro) in [("generator", false), ("coroutine", true)] {
        let c = crate::object::types::new_builtin_class(
            name,
            Some(&object),
            crate::object::value::BuiltinType::Native,
        );
        let mut methods: Vec<(&'static str, crate::object::value::NativeFn)> = vec![
            ("send", m_send),
            ("throw", m_throw),
            ("close", m_close),
            ("__repr__", m_repr),
        ];
        if is_coro {
            methods.push(("__await__", m_await));
        } else {
            methods.push(("__next__", m_next));
            methods.push(("__iter__", m_iter));
        }
        crate::builtins::add_methods(vm, &c, &methods);
        vm.types().natives.borrow_mut(vm.gil()).insert(name, c);
    }
    crate::interp::async_gen::install(vm);
}
