//! Frames and argument binding. A frame's locals live in the shared value stack at
//! `base..base + nlocals`; its operands follow. Binding the common case (exact positional arity,
//! no `*args`/`**kwargs`/keyword-only parameters) moves nothing and allocates nothing.

use std::sync::Arc;

use gilvm_compiler::{CodeObject, Const};

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::value::{Cell, Code, Dict, DictMap, Function, Module, PyBytes, PyStr, Value};

/// An exception handler block (`SetupExcept`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Block {
    pub handler: u32,
    /// Absolute operand stack height to cut back to.
    pub stack_depth: u32,
    /// Height of the handled-exception stack to cut back to.
    pub handled_depth: u32,
}

pub(crate) struct Frame {
    /// The function running (module code runs as a function too): its code, globals and
    /// closure. Moved off the stack on a call, so a call costs no reference count.
    /// `None` while the frame is the running one: the eval loop holds it in a local.
    pub func: Option<Arc<Function>>,
    /// The namespace of a class body (LoadName/StoreName); module code uses `globals`.
    pub namespace: Option<Arc<Dict>>,
    /// The frame's own cells (`cellvars`); free variables come from `func.closure`.
    pub cells: Vec<Arc<Cell>>,
    pub blocks: Vec<Block>,
    /// Next instruction (saved when the frame is not the running one).
    pub ip: u32,
    /// Stack index of local 0.
    pub base: u32,
    /// Stack height to cut back to when the frame returns (drops the callable too).
    pub ret: u32,
    /// Height of the handled-exception stack when the frame started.
    pub handled_base: u32,
    /// Returning from (or raising out of) this frame returns to Rust code.
    pub entry: bool,
}

/// Interned name strings: every code object's `names` share one `PyStr` per distinct name, so
/// global and attribute lookups usually match keys by pointer.
pub type Interner = rustc_hash::FxHashMap<Box<str>, Arc<PyStr>>;

fn intern(interner: &mut Interner, s: &str) -> Arc<PyStr> {
    if let Some(p) = interner.get(s) {
        return p.clone();
    }
    let p = Arc::new(PyStr::new(s));
    interner.insert(s.into(), p.clone());
    p
}

/// Turn a compiler code object into a runnable one (constants become values, recursively).
pub fn load_code(code: Arc<CodeObject>, interner: &mut Interner) -> Arc<Code> {
    let consts = code
        .consts
        .iter()
        .map(|c| const_value(c, interner))
        .collect::<Vec<_>>()
        .into_boxed_slice();
    let names: Box<[Arc<PyStr>]> = code.names.iter().map(|n| intern(interner, n)).collect();
    let name_hashes = names
        .iter()
        .map(|n| crate::protocol::hash::hash_str(n.as_str()))
        .collect();
    let global_hints = names
        .iter()
        .map(|_| std::sync::atomic::AtomicU32::new(u32::MAX))
        .collect();
    let attr_sites = names.iter().map(|_| Default::default()).collect();
    let simple = code.kwonlyargcount == 0
        && !code.flags.varargs
        && !code.flags.varkeywords
        && !code.flags.generator
        && !code.flags.coroutine
        && code.cellvars.is_empty();
    let simple_argc = if simple { code.argcount } else { u32::MAX };
    Arc::new(Code {
        global_hints,
        attr_sites,
        simple_argc,
        name: Arc::new(PyStr::new(&*code.name)),
        qualname: Arc::new(PyStr::new(&*code.qualname)),
        consts,
        names,
        name_hashes,
        code,
    })
}

fn const_value(c: &Const, interner: &mut Interner) -> Value {
    match c {
        Const::None => Value::None,
        Const::Bool(b) => Value::Bool(*b),
        Const::Int(i) => Value::Int(*i),
        Const::BigInt(t) => crate::protocol::bigint::literal(t),
        Const::Float(f) => Value::Float(*f),
        Const::Imag(f) => crate::protocol::complex::complex_value(0.0, *f),
        Const::Str(s) => Value::str(&**s),
        Const::Bytes(b) => Value::Bytes(Arc::new(PyBytes {
            data: b.to_vec().into_boxed_slice(),
        })),
        Const::Ellipsis => Value::Ellipsis,
        Const::Tuple(items) => {
            Value::tuple(items.iter().map(|c| const_value(c, interner)).collect())
        }
        Const::Code(c) => Value::Code(load_code(c.clone(), interner)),
    }
}

/// Join names CPython-style: 'a'; 'a' and 'b'; 'a', 'b', and 'c'.
fn name_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

impl Vm {
    #[inline]
    pub(crate) fn is_null(&self, v: &Value) -> bool {
        matches!(v, Value::Cell(_))
    }

    /// Check the recursion limit before entering a frame.
    #[inline]
    pub(crate) fn check_depth(&self) -> PyResult<()> {
        if self.frames.len() + self.native_depth > self.interp.recursion_limit() {
            return Err(self.recursion_error());
        }
        Ok(())
    }

    #[cold]
    pub(crate) fn recursion_error(&self) -> crate::PyErr {
        self.new_error(
            &self.types().recursion_error.clone(),
            "maximum recursion depth exceeded",
        )
    }

    /// Push a frame for `func`. Its arguments are already on the stack at `start..`:
    /// positional ones, then the values of the keyword arguments named by `kwnames`.
    /// On error the arguments are left for the caller's unwinding to drop.
    #[inline]
    pub(crate) fn push_function_frame(
        &mut self,
        func: Arc<Function>,
        start: usize,
        kwnames: Option<&[Value]>,
        ret: usize,
        entry: bool,
    ) -> PyResult<()> {
        self.check_depth()?;
        let co = &func.code.code;
        let nargs = self.stack.len() - start;
        let nlocals = co.varnames.len();
        let simple = kwnames.is_none()
            && nargs == co.argcount as usize
            && co.kwonlyargcount == 0
            && !co.flags.varargs
            && !co.flags.varkeywords;
        if simple {
            for _ in nargs..nlocals {
                self.stack.push(self.null.clone());
            }
        } else {
            self.bind_slow(&func, start, kwnames)?;
        }
        let co = &func.code.code;
        let cells = if co.cellvars.is_empty() {
            Vec::new()
        } else {
            let mut cells = Vec::with_capacity(co.cellvars.len());
            for p in co.cell_params.iter() {
                let content = match p {
                    Some(i) => {
                        let slot = &mut self.stack[start + *i as usize];
                        Some(std::mem::replace(slot, self.null.clone()))
                    }
                    None => None,
                };
                cells.push(Arc::new(GilCell::new(content)));
            }
            for _ in co.cell_params.len()..co.cellvars.len() {
                cells.push(Arc::new(GilCell::new(None)));
            }
            cells
        };
        self.frames.push(Frame {
            func: Some(func),
            namespace: None,
            cells,
            blocks: Vec::new(),
            ip: 0,
            base: start as u32,
            ret: ret as u32,
            handled_base: self.handled.len() as u32,
            entry,
        });
        Ok(())
    }

    /// Push a frame for a call of `func` with exactly its positional parameters at
    /// `stack[ret + 1..]` (`func.code.simple_argc` matched): the common case, kept small.
    #[inline(always)]
    pub(crate) fn push_simple_frame(&mut self, func: Arc<Function>, ret: usize) -> PyResult<()> {
        self.check_depth()?;
        let start = ret + 1;
        let nlocals = func.code.code.varnames.len();
        for _ in self.stack.len() - start..nlocals {
            self.stack.push(self.null.clone());
        }
        self.frames.push(Frame {
            func: Some(func),
            namespace: None,
            cells: Vec::new(),
            blocks: Vec::new(),
            ip: 0,
            base: start as u32,
            ret: ret as u32,
            handled_base: self.handled.len() as u32,
            entry: false,
        });
        Ok(())
    }

    /// General argument binding: defaults, keywords, `*args`, `**kwargs`, keyword-only
    /// parameters, with CPython's error messages. Replaces `stack[start..]` with the locals.
    #[cold]
    fn bind_slow(
        &mut self,
        func: &Arc<Function>,
        start: usize,
        kwnames: Option<&[Value]>,
    ) -> PyResult<()> {
        let co = func.code.code.clone();
        let gil = self.gil();
        // Errors name the function by its `__qualname__`, which code may have reassigned
        // (`namedtuple`'s `__new__`, `functools.wraps`).
        let qualname =
            match func.attrs.borrow(gil).as_ref().and_then(|attrs| {
                crate::protocol::hash::dict_get_str(attrs, "__qualname__").cloned()
            }) {
                Some(Value::Str(s)) => s,
                _ => func.qualname.clone(),
            };
        let fname = qualname.as_str();
        let argc = co.argcount as usize;
        let posonly = co.posonlyargcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let nlocals = co.varnames.len();
        let nkw = kwnames.map_or(0, |k| k.len());
        let mut args: Vec<Value> = self.stack.drain(start..).collect();
        let kwvals: Vec<Value> = args.split_off(args.len() - nkw);
        let npos = args.len();
        let mut locals: Vec<Value> = vec![self.null.clone(); nlocals];
        let take = npos.min(argc);
        let mut extra = args.split_off(take);
        for (i, v) in args.into_iter().enumerate() {
            locals[i] = v;
        }
        let mut idx = argc + kwonly;
        if co.flags.varargs {
            locals[idx] = Value::tuple(std::mem::take(&mut extra));
            idx += 1;
        }
        let kwdict = if co.flags.varkeywords {
            let d = Arc::new(GilCell::new(DictMap::default()));
            locals[idx] = Value::Dict(d.clone());
            Some(d)
        } else {
            None
        };
        if let Some(names) = kwnames {
            for (name, v) in names.iter().zip(kwvals) {
                let Value::Str(name) = name else {
                    return Err(self.type_error("keywords must be strings"));
                };
                let n = name.as_str();
                let found = co.varnames[posonly..argc + kwonly]
                    .iter()
                    .position(|p| &**p == n)
                    .map(|j| j + posonly);
                match found {
                    Some(j) => {
                        if !self.is_null(&locals[j]) {
                            return Err(self.type_error(format!(
                                "{fname}() got multiple values for argument '{n}'"
                            )));
                        }
                        locals[j] = v;
                    }
                    None => {
                        if let Some(d) = &kwdict {
                            let key = crate::protocol::hash::str_key(n);
                            d.borrow_mut(gil).insert(key, v);
                        } else if co.varnames[..posonly].iter().any(|p| &**p == n) {
                            return Err(self.type_error(format!(
                                "{fname}() got some positional-only arguments passed as keyword arguments: '{n}'"
                            )));
                        } else {
                            return Err(self.type_error(format!(
                                "{fname}() got an unexpected keyword argument '{n}'"
                            )));
                        }
                    }
                }
            }
        }
        if !extra.is_empty() {
            let ndef = func.defaults.len();
            let given = npos;
            let takes = if ndef > 0 {
                format!(
                    "from {} to {} positional arguments",
                    argc - ndef.min(argc),
                    argc
                )
            } else {
                format!(
                    "{} positional argument{}",
                    argc,
                    if argc == 1 { "" } else { "s" }
                )
            };
            let were = if given == 1 { "was" } else { "were" };
            return Err(
                self.type_error(format!("{fname}() takes {takes} but {given} {were} given"))
            );
        }
        // Defaults of positional parameters.
        let ndef = func.defaults.len().min(argc);
        let first_default = argc - ndef;
        let mut missing: Vec<&str> = Vec::new();
        for (i, slot) in locals.iter_mut().enumerate().take(argc) {
            if matches!(slot, Value::Cell(_)) {
                if i >= first_default {
                    *slot = func.defaults[i - first_default].clone();
                } else {
                    missing.push(&co.varnames[i]);
                }
            }
        }
        if !missing.is_empty() {
            let n = missing.len();
            return Err(self.type_error(format!(
                "{fname}() missing {n} required positional argument{}: {}",
                if n == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        for (i, slot) in locals.iter_mut().enumerate().take(argc + kwonly).skip(argc) {
            if matches!(slot, Value::Cell(_)) {
                let name = &co.varnames[i];
                let d = func.kwdefaults.as_ref().and_then(|d| {
                    crate::protocol::hash::dict_get_str(&d.borrow(gil), name).cloned()
                });
                match d {
                    Some(v) => *slot = v,
                    None => missing.push(name),
                }
            }
        }
        if !missing.is_empty() {
            let n = missing.len();
            return Err(self.type_error(format!(
                "{fname}() missing {n} required keyword-only argument{}: {}",
                if n == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        self.stack.extend(locals);
        Ok(())
    }

    /// Run a code object (module code or a class body) to completion in a new entry frame.
    pub(crate) fn run_code(
        &mut self,
        code: Arc<Code>,
        globals: Arc<Module>,
        namespace: Option<Arc<Dict>>,
    ) -> PyResult<Value> {
        self.check_depth()?;
        let start = self.stack.len();
        for _ in 0..code.code.varnames.len() {
            self.stack.push(self.null.clone());
        }
        let cells = (0..code.code.cellvars.len())
            .map(|_| Arc::new(GilCell::new(None)))
            .collect();
        let func = Arc::new(Function {
            name: code.name.clone(),
            qualname: code.qualname.clone(),
            code,
            globals,
            defaults: Box::new([]),
            kwdefaults: None,
            closure: Box::new([]),
            attrs: GilCell::new(None),
        });
        self.frames.push(Frame {
            func: Some(func),
            namespace,
            cells,
            blocks: Vec::new(),
            ip: 0,
            base: start as u32,
            ret: start as u32,
            handled_base: self.handled.len() as u32,
            entry: true,
        });
        self.run_entry()
    }

    /// Run the frame just pushed (an entry frame) until it returns, counting the Rust
    /// re-entry against the recursion limit.
    pub(crate) fn run_entry(&mut self) -> PyResult<Value> {
        const NATIVE_DEPTH_MAX: usize = 20_000;
        if self.native_depth >= NATIVE_DEPTH_MAX || crate::runtime::stack_guard::stack_exhausted() {
            if let Some(f) = self.frames.pop() {
                self.stack.truncate(f.ret as usize);
            }
            return Err(self.recursion_error());
        }
        self.native_depth += 1;
        let r = self.run();
        self.native_depth -= 1;
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lists_read_like_cpython() {
        assert_eq!(name_list(&["a"]), "'a'");
        assert_eq!(name_list(&["a", "b"]), "'a' and 'b'");
        assert_eq!(name_list(&["a", "b", "c"]), "'a', 'b', and 'c'");
    }
}
