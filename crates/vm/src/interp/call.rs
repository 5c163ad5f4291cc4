//! Calls: from the eval loop (arguments already on the stack, Python callees get a frame and no
//! Rust recursion) and from Rust ([`Vm::call_kw`]: a nested run of the eval loop).

use std::sync::Arc;

use crate::interp::eval::Called;
use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::value::{Function, PyStr, Value};

impl Vm {
    /// Call `stack[ret]` with the arguments at `stack[start..]` (the last `kwnames.len()` of
    /// them keyword arguments). `start` is `ret + 1`, or `ret + 2` after a LoadMethod that found
    /// no unbound method (the slot between holds the null marker).
    #[inline]
    pub(crate) fn call_from_stack(
        &mut self,
        ret: usize,
        start: usize,
        kwnames: Option<&[Value]>,
    ) -> PyResult<Called> {
        match &self.stack[ret] {
            Value::Function(_) => {
                // Move the function off the stack: the slot is cut away when the frame returns.
                let Value::Function(f) = std::mem::take(&mut self.stack[ret]) else {
                    unreachable!()
                };
                let lazy = f.code.code.flags.generator || f.code.code.flags.coroutine;
                self.push_function_frame(f, start, kwnames, ret, false)?;
                if lazy {
                    return Ok(Called::Value(self.frame_to_generator()));
                }
                Ok(Called::Frame)
            }
            Value::BoundMethod(bm) if matches!(bm.function, Value::Function(_)) => {
                let Value::Function(f) = &bm.function else {
                    unreachable!()
                };
                let f = f.clone();
                let recv = bm.receiver.clone();
                // The receiver takes the slot just below the arguments (the callable's, or the
                // null marker's).
                self.stack[start - 1] = recv;
                let lazy = f.code.code.flags.generator || f.code.code.flags.coroutine;
                self.push_function_frame(f, start - 1, kwnames, ret, false)?;
                if lazy {
                    return Ok(Called::Value(self.frame_to_generator()));
                }
                Ok(Called::Frame)
            }
            Value::Builtin(b) if kwnames.is_none() => {
                let b = b.clone();
                let mut args = self.arg_pool.pop().unwrap_or_default();
                if let Some(r) = &b.receiver {
                    args.push(r.clone());
                }
                args.extend(self.stack.drain(start..));
                self.stack.truncate(ret);
                let r = (b.func)(self, &args, &[]);
                args.clear();
                self.arg_pool.push(args);
                Ok(Called::Value(r?))
            }
            _ => {
                let callable = self.stack[ret].clone();
                let mut args: Vec<Value> = self.stack.drain(start..).collect();
                self.stack.truncate(ret);
                let kwargs: Vec<(Arc<PyStr>, Value)> = match kwnames {
                    Some(names) => {
                        let vals = args.split_off(args.len() - names.len());
                        names
                            .iter()
                            .zip(vals)
                            .map(|(n, v)| match n {
                                Value::Str(s) => (s.clone(), v),
                                _ => (Arc::new(PyStr::new("?")), v),
                            })
                            .collect()
                    }
                    None => Vec::new(),
                };
                Ok(Called::Value(self.call_value(&callable, &args, &kwargs)?))
            }
        }
    }

    /// `f(*args, **kwargs)`: the callable is on top of the stack.
    pub(crate) fn call_ex(&mut self, args: Value, kwargs: Option<Value>) -> PyResult<Called> {
        let ret = self.stack.len() - 1;
        let args = match args {
            Value::Tuple(t) => t.items.to_vec(),
            other => match self.collect(&other) {
                Ok(v) => v,
                Err(_) => {
                    let f = self.callable_name(&self.stack[ret].clone());
                    let tn = self.type_name(&other);
                    return Err(self.type_error(format!(
                        "{f} argument after * must be an iterable, not {tn}"
                    )));
                }
            },
        };
        let mut names: Vec<Value> = Vec::new();
        let mut vals: Vec<Value> = Vec::new();
        if let Some(kw) = kwargs {
            // A dict subclass spreads its payload's items.
            let kw = match &kw {
                Value::Instance(i) if matches!(i.payload, Some(Value::Dict(_))) => {
                    crate::object::class::strip(&kw).clone()
                }
                _ => kw,
            };
            match &kw {
                Value::Dict(d) => {
                    let items: Vec<(Value, Value)> = d
                        .borrow(self.gil())
                        .iter()
                        .map(|(k, v)| (k.value.clone(), v.clone()))
                        .collect();
                    for (k, v) in items {
                        if !matches!(k, Value::Str(_)) {
                            let f = self.callable_name(&self.stack[ret].clone());
                            return Err(self.type_error(format!("{f} keywords must be strings")));
                        }
                        names.push(k);
                        vals.push(v);
                    }
                }
                other => {
                    let f = self.callable_name(&self.stack[ret].clone());
                    let tn = self.type_name(other);
                    return Err(self
                        .type_error(format!("{f} argument after ** must be a mapping, not {tn}")));
                }
            }
        }
        self.stack.extend(args);
        self.stack.extend(vals);
        let kwnames = if names.is_empty() {
            None
        } else {
            Some(&names[..])
        };
        self.call_from_stack(ret, ret + 1, kwnames)
    }

    /// `name()` of a callable for error messages (`f()`, `A.m()`, `len()`).
    pub(crate) fn callable_name(&self, v: &Value) -> String {
        match v {
            Value::Function(f) => format!("{}()", f.qualname.as_str()),
            Value::BoundMethod(b) => self.callable_name(&b.function),
            Value::Builtin(b) => format!("{}()", b.name),
            Value::Class(c) => format!("{}()", c.name.as_str()),
            _ => format!("{}()", self.type_name(v)),
        }
    }

    /// Call any callable from Rust.
    pub(crate) fn call_value(
        &mut self,
        callable: &Value,
        args: &[Value],
        kwargs: &[(Arc<PyStr>, Value)],
    ) -> PyResult<Value> {
        match callable {
            Value::Function(f) => self.call_function(f.clone(), None, args, kwargs),
            Value::Builtin(b) => match &b.receiver {
                None => (b.func)(self, args, kwargs),
                Some(r) => {
                    let mut v = Vec::with_capacity(args.len() + 1);
                    v.push(r.clone());
                    v.extend_from_slice(args);
                    (b.func)(self, &v, kwargs)
                }
            },
            Value::BoundMethod(bm) => match &bm.function {
                Value::Function(f) => {
                    self.call_function(f.clone(), Some(bm.receiver.clone()), args, kwargs)
                }
                other => {
                    let mut v = Vec::with_capacity(args.len() + 1);
                    v.push(bm.receiver.clone());
                    v.extend_from_slice(args);
                    let other = other.clone();
                    self.call_value(&other, &v, kwargs)
                }
            },
            Value::Class(c) => {
                let c = c.clone();
                if let Some(meta) = &c.meta {
                    // A metaclass `__call__` (the singleton pattern) replaces `type.__call__`.
                    if let Some(f) =
                        crate::protocol::attr::user_lookup(meta, "__call__", self.gil())
                    {
                        let recv = callable.clone();
                        if let Value::Function(func) = &f {
                            return self.call_function(func.clone(), Some(recv), args, kwargs);
                        }
                        let mut v = Vec::with_capacity(args.len() + 1);
                        v.push(recv);
                        v.extend_from_slice(args);
                        return self.call_value(&f, &v, kwargs);
                    }
                }
                self.instantiate(&c, args, kwargs)
            }
            Value::Instance(inst) => {
                let class = inst.class.clone();
                match crate::protocol::attr::class_lookup(&class, "__call__", self.gil()) {
                    Some(f) if crate::protocol::attr::is_user_class(&class, self.gil()) => {
                        let mut v = Vec::with_capacity(args.len() + 1);
                        v.push(callable.clone());
                        v.extend_from_slice(args);
                        self.call_value(&f, &v, kwargs)
                    }
                    _ => Err(self.not_callable(callable)),
                }
            }
            Value::Native(n) => {
                if let Some(sm) = n
                    .as_any()
                    .downcast_ref::<crate::object::class::StaticMethod>()
                {
                    let f = sm.0.clone();
                    return self.call_value(&f, args, kwargs);
                }
                let class = self.type_of(callable);
                match crate::protocol::attr::class_lookup(&class, "__call__", self.gil()) {
                    Some(f) => {
                        let mut v = Vec::with_capacity(args.len() + 1);
                        v.push(callable.clone());
                        v.extend_from_slice(args);
                        self.call_value(&f, &v, kwargs)
                    }
                    None => Err(self.not_callable(callable)),
                }
            }
            _ => Err(self.not_callable(callable)),
        }
    }

    #[cold]
    pub(crate) fn not_callable(&self, v: &Value) -> crate::PyErr {
        self.type_error(format!("'{}' object is not callable", self.type_name(v)))
    }

    /// Call a Python function from Rust: a nested run of the eval loop.
    pub(crate) fn call_function(
        &mut self,
        f: Arc<Function>,
        recv: Option<Value>,
        args: &[Value],
        kwargs: &[(Arc<PyStr>, Value)],
    ) -> PyResult<Value> {
        let ret = self.stack.len();
        if let Some(r) = recv {
            self.stack.push(r);
        }
        self.stack.extend_from_slice(args);
        let names: Option<Vec<Value>> = if kwargs.is_empty() {
            None
        } else {
            for (_, v) in kwargs {
                self.stack.push(v.clone());
            }
            Some(kwargs.iter().map(|(n, _)| Value::Str(n.clone())).collect())
        };
        let lazy = f.code.code.flags.generator || f.code.code.flags.coroutine;
        if let Err(e) = self.push_function_frame(f, ret, names.as_deref(), ret, true) {
            self.stack.truncate(ret);
            return Err(e);
        }
        if lazy {
            return Ok(self.frame_to_generator());
        }
        self.run_entry()
    }

    /// Call `f(recv, *args)` (a method found on a class).
    pub(crate) fn call_method_value(
        &mut self,
        f: &Value,
        recv: &Value,
        args: &[Value],
    ) -> PyResult<Value> {
        match f {
            Value::Function(func) => {
                self.call_function(func.clone(), Some(recv.clone()), args, &[])
            }
            _ => {
                let mut v = Vec::with_capacity(args.len() + 1);
                v.push(recv.clone());
                v.extend_from_slice(args);
                self.call_value(f, &v, &[])
            }
        }
    }
}
