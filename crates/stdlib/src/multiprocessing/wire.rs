//! The wire format of values crossing processes, and the messages of the parent/worker protocol
//! (documented in docs/multiprocessing.md).
//!
//! A value is converted to a [`Wire`] tree while the sender holds the GIL, encoded with postcard
//! (serde's compact binary format: varint ints, length-prefixed strings) and written as one
//! frame: a 4-byte little-endian length, then the postcard bytes. The built-in values have their
//! own variants; functions and classes cross by reference (`Wire::Global`: module and qualified
//! name) and other objects by pickle's reduce protocol (`Wire::Reduce`, made and applied by
//! lib/_gilvm_reduce.py); other native objects are a TypeError naming the type.
//! Shared and cyclic containers keep their shape (`Wire::Ref`, pickle's memo); nesting past
//! half the recursion limit (at most [`MAX_DEPTH`] levels) is pickle's `RecursionError`.
//! Handles (queues, connections, shared memory, locks) cross only as arguments of a new process.

use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use gilvm_vm::interp::vm::Vm;
use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::value::{DictMap, Value};

/// A value in transit.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum Wire {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    List(Vec<Wire>),
    Tuple(Vec<Wire>),
    Dict(Vec<(Wire, Wire)>),
    /// The container numbered `n` in this value (pickle's memo): lists and dicts are numbered
    /// when they start, tuples when they end, in the order they are met. So a list that
    /// contains itself, or one object reached twice, arrives with the same shape.
    Ref(u32),
    /// A tuple met again while its items were encoded (`t = ([],); t[0].append(t)`): decode
    /// the items (for the containers they number), then stand for container `n` (the copy met
    /// inside; pickle's POP_MARK + GET).
    RefAfter(Vec<Wire>, u32),
    /// A multiprocessing object passed to a new process: the name of its class in the
    /// multiprocessing module and what the receiver needs to reach it.
    Handle(String, HandleWire),
    /// An int outside i64: its two's-complement bytes, little-endian.
    BigInt(Vec<u8>),
    /// A set (numbered when it starts, as lists are).
    Set(Vec<Wire>),
    Range(i64, i64, i64),
    /// start, stop, step.
    Slice(Box<[Wire; 3]>),
    Ellipsis,
    NotImplemented,
    /// A function, class or built-in sent by reference: its module (`__main__` for the main
    /// script) and qualified name, which the receiver looks up (importing the module).
    Global(Box<(String, String)>),
    /// An object rebuilt as pickle's REDUCE does: `[callable, args, state, listitems,
    /// dictitems]` (see lib/_gilvm_reduce.py); numbered once `callable(*args)` is made.
    Reduce(Box<[Wire; 5]>),
}

/// How a receiver reaches a shared object (only in a process's start arguments).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum HandleWire {
    /// A queue living in the parent, reached through the worker's link.
    Queue { id: u64, maxsize: i64 },
    /// One end of a Pipe: `fd` indexes the descriptors sent with the start message.
    Conn {
        fd: u32,
        readable: bool,
        writable: bool,
    },
    /// A shared-memory object: region descriptor index, its length, and what it holds.
    Shm { fd: u32, len: u64, kind: ShmKind },
}

/// What a shared-memory region holds.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub enum ShmKind {
    Lock,
    RLock,
    Semaphore {
        bound: Option<u32>,
    },
    Event,
    Value {
        typecode: char,
        lock: bool,
    },
    Array {
        typecode: char,
        len: u32,
        lock: bool,
    },
}

/// A function sent by name.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum Callee {
    /// A top-level function of the main script.
    Main(String),
    /// A built-in function or class (`abs`, `str`).
    Builtin(String),
    /// A top-level function of an imported module (`helpers.work`), which the worker imports.
    Module { module: String, name: String },
}

/// An exception raised in a worker, for re-raising in the parent.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct RemoteError {
    /// The class name, and its module (`builtins`, `__main__` for the script's own classes).
    pub class: String,
    pub module: String,
    /// The exception's args if they could be sent, else `[str(exc)]`.
    pub args: Vec<Wire>,
    /// The worker's formatted traceback.
    pub traceback: String,
}

/// What a worker is started to do.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum Mode {
    /// Run `target(*args, **kwargs)` once and exit.
    Process {
        target: Callee,
        args: Vec<Wire>,
        kwargs: Vec<(String, Wire)>,
    },
    /// Recreate an instance of a `Process` subclass that overrides `run()` and call its `run()`
    /// (CPython's spawn unpickles the object): the class by module and qualified name (module
    /// `__main__` is the re-imported main script, `__mp_main__`), and its instance dict.
    Object {
        module: String,
        qualname: String,
        state: Vec<(String, Wire)>,
    },
    /// Serve pool tasks until told to stop.
    Pool {
        initializer: Option<Callee>,
        initargs: Vec<Wire>,
    },
}

/// The first message to a worker.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Start {
    /// The main script's file name and its source text (run as `__mp_main__`).
    pub script: String,
    pub source: String,
    pub argv: Vec<String>,
    /// The parent's `sys.path` when the worker started (CPython's spawn sends it too), so
    /// that the worker imports the same file modules.
    pub sys_path: Vec<String>,
    pub name: String,
    pub parent_pid: u32,
    pub mode: Mode,
    /// The parent's live switch settings (after any `sys.setswitchinterval`), which the worker
    /// starts with.
    pub gil: GilStart,
}

/// The GIL settings a worker inherits, exactly (a `Duration`, not a decimal string).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct GilStart {
    pub switch_instructions: u32,
    pub switch_interval: std::time::Duration,
    /// The policy's `--gil-policy` name.
    pub policy: String,
}

impl GilStart {
    /// The settings of `lock` now.
    pub fn of(lock: &gilvm_vm::runtime::gil::GilLock) -> GilStart {
        GilStart {
            switch_instructions: lock.switch_instructions(),
            switch_interval: lock.switch_interval(),
            policy: lock.policy().name().to_string(),
        }
    }

    /// The worker's GIL configuration: these settings, with reports kept (and events
    /// recorded when `tracing`) only if the parent collects them (`report`).
    pub fn config(&self, report: bool, tracing: bool) -> gilvm_vm::runtime::gil::GilConfig {
        gilvm_vm::runtime::gil::GilConfig {
            policy: self.policy.parse().unwrap_or_default(),
            switch_instructions: self.switch_instructions,
            switch_interval: self.switch_interval,
            tracing: report && tracing,
            keep_reports: report,
            ..Default::default()
        }
    }
}

/// Parent -> worker.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum ToWorker {
    Start(Start),
    /// Call `func` on each item (`func(*item)` when `star`) and answer with `TaskDone`.
    Task {
        job: u64,
        chunk: u32,
        func: Callee,
        star: bool,
        items: Vec<Wire>,
        kwargs: Vec<(String, Wire)>,
    },
    /// The answer to a worker's request `seq`.
    Reply {
        seq: u64,
        reply: Reply,
    },
    /// A pool worker should exit once idle.
    Stop,
}

/// Answers to worker requests.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum Reply {
    Value(Wire),
    Empty,
    Full,
    Size(i64),
    Done,
    Error(String),
}

/// Worker -> parent.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum ToParent {
    /// Put into queue `qid`; `seq` asks for a `Reply` (bounded queues), else fire-and-forget.
    QueuePut {
        qid: u64,
        value: Wire,
        seq: Option<u64>,
        block: bool,
        timeout: Option<f64>,
    },
    QueueGet {
        seq: u64,
        qid: u64,
        block: bool,
        timeout: Option<f64>,
    },
    QueueSize {
        seq: u64,
        qid: u64,
    },
    /// `JoinableQueue.task_done()`: `Reply::Done`, or `Reply::Error` when called too many times.
    QueueTaskDone {
        seq: u64,
        qid: u64,
    },
    /// `JoinableQueue.join()`: answered (`Reply::Done`) once every item put has been marked done.
    QueueJoin {
        seq: u64,
        qid: u64,
    },
    TaskDone {
        job: u64,
        chunk: u32,
        result: Result<Vec<Wire>, RemoteError>,
    },
    /// The worker's GIL reports (its own first, then those its children sent it), sent once
    /// as it ends, only when it was started with `--gil-stats` (see reports.rs).
    GilReports(Vec<super::reports::ProcessReport>),
    /// A limit (`--max-memory`, `--max-instructions`) ended the worker's run: the parent ends
    /// the whole tree with `status` (tree.rs).
    LimitExceeded {
        status: i32,
    },
}

/// Frames larger than this are refused (a corrupt length must not allocate gigabytes).
const MAX_FRAME: usize = 1 << 30;

/// Write one message as a frame.
pub fn write_msg<T: Serialize>(w: &mut impl Write, msg: &T) -> std::io::Result<()> {
    let body = postcard::to_stdvec(msg).map_err(std::io::Error::other)?;
    let mut frame = Vec::with_capacity(body.len() + 4);
    frame.extend_from_slice(&(body.len() as u32).to_le_bytes());
    frame.extend_from_slice(&body);
    w.write_all(&frame)?;
    w.flush()
}

/// Read one frame's bytes; `Ok(None)` at a clean end of stream.
pub fn read_frame(r: &mut impl Read) -> std::io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 4];
    let mut got = 0;
    while got < 4 {
        match r.read(&mut len[got..]) {
            Ok(0) if got == 0 => return Ok(None),
            Ok(0) => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let len = u32::from_le_bytes(len) as usize;
    if len > MAX_FRAME {
        return Err(std::io::Error::other("message too large"));
    }
    let mut body = vec![0u8; len];
    r.read_exact(&mut body)?;
    Ok(Some(body))
}

/// Read one message; `Ok(None)` at a clean end of stream.
pub fn read_msg<T: for<'de> Deserialize<'de>>(r: &mut impl Read) -> std::io::Result<Option<T>> {
    match read_frame(r)? {
        None => Ok(None),
        Some(body) => postcard::from_bytes(&body)
            .map(Some)
            .map_err(std::io::Error::other),
    }
}

/// Nesting deeper than this is refused whatever the recursion limit (the value is encoded,
/// decoded and dropped recursively, on threads with small stacks).
pub const MAX_DEPTH: usize = 2000;

pub const SENDABLE: &str = "gilvm sends the built-in values, functions and classes by \
     reference, and instances through __reduce_ex__/__reduce__ or their __dict__";

/// Converts values to wire form; collects the descriptors of handles when allowed.
pub struct Encoder {
    /// Handles may be sent (a new process's arguments) and their descriptors go here.
    pub fds: Option<Vec<OwnedFd>>,
    /// The containers met so far in the value being encoded (address -> number), and the
    /// values themselves, kept alive so that no address is reused meanwhile.
    memo: std::collections::HashMap<usize, u32>,
    kept: Vec<Value>,
    max_depth: usize,
}

impl Encoder {
    pub fn plain() -> Encoder {
        Encoder {
            fds: None,
            memo: Default::default(),
            kept: Vec::new(),
            max_depth: MAX_DEPTH,
        }
    }
    pub fn with_handles() -> Encoder {
        Encoder {
            fds: Some(Vec::new()),
            ..Encoder::plain()
        }
    }

    /// Encode one value (its shared parts are numbered within it).
    pub fn encode(&mut self, vm: &mut Vm, v: &Value) -> PyResult<Wire> {
        self.memo.clear();
        self.kept.clear();
        // pickle meets about two levels of recursion per level of nesting.
        self.max_depth = (vm.interp.recursion_limit() / 2).clamp(1, MAX_DEPTH);
        let out = self.enc(vm, v, 0);
        self.memo.clear();
        self.kept.clear();
        out
    }

    /// Number a container (its address) and keep it alive.
    fn remember(&mut self, addr: usize, v: &Value) {
        let n = self.kept.len() as u32;
        self.memo.insert(addr, n);
        self.kept.push(v.clone());
    }

    fn enc(&mut self, vm: &mut Vm, v: &Value, depth: usize) -> PyResult<Wire> {
        let addr = match v {
            Value::List(l) => Some(Arc::as_ptr(l) as *const u8 as usize),
            Value::Tuple(t) => Some(Arc::as_ptr(t) as *const u8 as usize),
            Value::Dict(d) => Some(Arc::as_ptr(d) as *const u8 as usize),
            Value::Set(d) => Some(Arc::as_ptr(d) as *const u8 as usize),
            Value::Instance(i) => Some(Arc::as_ptr(i) as *const u8 as usize),
            Value::Native(n) => Some(Arc::as_ptr(n) as *const u8 as usize),
            _ => None,
        };
        if let Some(n) = addr.and_then(|a| self.memo.get(&a)) {
            return Ok(Wire::Ref(*n));
        }
        if depth > self.max_depth {
            let class = vm.types().recursion_error.clone();
            return Err(vm.new_error(
                &class,
                "maximum recursion depth exceeded while pickling an object",
            ));
        }
        let gil = vm.gil();
        Ok(match v {
            Value::None => Wire::None,
            Value::Bool(b) => Wire::Bool(*b),
            Value::Int(n) => Wire::Int(*n),
            Value::Float(x) => Wire::Float(*x),
            Value::Str(s) => Wire::Str(s.as_str().to_string()),
            Value::Bytes(b) => Wire::Bytes(b.data.to_vec()),
            Value::List(l) => {
                self.remember(addr.unwrap_or(0), v);
                let items: Vec<Value> = l.borrow(gil).clone();
                let mut out = Vec::with_capacity(items.len());
                for item in &items {
                    out.push(self.enc(vm, item, depth + 1)?);
                }
                Wire::List(out)
            }
            Value::Tuple(t) => {
                let mut out = Vec::with_capacity(t.items.len());
                for item in t.items.iter() {
                    out.push(self.enc(vm, item, depth + 1)?);
                }
                let addr = addr.unwrap_or(0);
                if let Some(n) = self.memo.get(&addr) {
                    return Ok(Wire::RefAfter(out, *n));
                }
                self.remember(addr, v);
                Wire::Tuple(out)
            }
            Value::Dict(d) => {
                self.remember(addr.unwrap_or(0), v);
                let pairs: Vec<(Value, Value)> = d
                    .borrow(gil)
                    .iter()
                    .map(|(k, v)| (k.value.clone(), v.clone()))
                    .collect();
                let mut out = Vec::with_capacity(pairs.len());
                for (k, v) in &pairs {
                    out.push((self.enc(vm, k, depth + 1)?, self.enc(vm, v, depth + 1)?));
                }
                Wire::Dict(out)
            }
            Value::BigInt(b) => Wire::BigInt(b.to_signed_bytes_le()),
            Value::Set(set) => {
                self.remember(addr.unwrap_or(0), v);
                let items = gilvm_vm::object::setorder::values(gil, set);
                let mut out = Vec::with_capacity(items.len());
                for item in &items {
                    out.push(self.enc(vm, item, depth + 1)?);
                }
                Wire::Set(out)
            }
            Value::Range(r) => Wire::Range(r.start, r.stop, r.step),
            Value::Slice(s) => Wire::Slice(Box::new([
                self.enc(vm, &s.start, depth + 1)?,
                self.enc(vm, &s.stop, depth + 1)?,
                self.enc(vm, &s.step, depth + 1)?,
            ])),
            Value::Ellipsis => Wire::Ellipsis,
            Value::NotImplemented => Wire::NotImplemented,
            Value::Class(c)
                if c.module.as_str() == "builtins"
                    && matches!(
                        c.name.as_str(),
                        "NoneType" | "ellipsis" | "NotImplementedType"
                    ) =>
            {
                // pickle's save_type: `type(None)`; the receiver numbers the args tuple and
                // the result, so this side counts them too.
                let inst = match c.name.as_str() {
                    "NoneType" => Wire::None,
                    "ellipsis" => Wire::Ellipsis,
                    _ => Wire::NotImplemented,
                };
                self.kept.push(Value::None);
                self.kept.push(v.clone());
                Wire::Reduce(Box::new([
                    Wire::Global(Box::new(("builtins".into(), "type".into()))),
                    Wire::Tuple(vec![inst]),
                    Wire::None,
                    Wire::None,
                    Wire::None,
                ]))
            }
            Value::BoundMethod(bm) => {
                // pickle's method reduce: `getattr(receiver, name)`.
                let name = match &bm.function {
                    Value::Function(f) => f.name.as_str().to_string(),
                    _ => return Err(unsendable(vm, v)),
                };
                let receiver = self.enc(vm, &bm.receiver, depth + 1)?;
                // The receiver numbers the args tuple and the method, as this side counts.
                self.kept.push(Value::None);
                self.kept.push(v.clone());
                Wire::Reduce(Box::new([
                    Wire::Global(Box::new(("builtins".into(), "getattr".into()))),
                    Wire::Tuple(vec![receiver, Wire::Str(name)]),
                    Wire::None,
                    Wire::None,
                    Wire::None,
                ]))
            }
            Value::Function(_) | Value::Class(_) | Value::Builtin(_) => {
                let (module, qual) = global_ref(vm, v)?;
                Wire::Global(Box::new((module, qual)))
            }
            Value::Instance(_) => {
                if let Some(w) = super::handles::encode_handle(vm, v, self)? {
                    w
                } else {
                    self.reduce(vm, v, addr.unwrap_or(0), depth)?
                }
            }
            Value::Native(_) => {
                if let Some(w) = super::handles::encode_handle(vm, v, self)? {
                    w
                } else if matches!(
                    vm.type_name(v).as_str(),
                    "complex" | "bytearray" | "frozenset"
                ) {
                    self.reduce(vm, v, addr.unwrap_or(0), depth)?
                } else {
                    return Err(unsendable(vm, v));
                }
            }
            _ => return Err(unsendable(vm, v)),
        })
    }

    /// An object by pickle's reduce protocol (lib/_gilvm_reduce.py's `reduce`).
    fn reduce(&mut self, vm: &mut Vm, v: &Value, addr: usize, depth: usize) -> PyResult<Wire> {
        let f = reduce_helper(vm, "reduce")?;
        let rv = vm.call(&f, std::slice::from_ref(v))?;
        let Value::Tuple(t) = rv else {
            return Err(unsendable(vm, v));
        };
        if t.items.len() != 5 {
            return Err(unsendable(vm, v));
        }
        let func = self.enc(vm, &t.items[0], depth + 1)?;
        let args = self.enc(vm, &t.items[1], depth + 1)?;
        if let Some(n) = self.memo.get(&addr) {
            // The object was met (and sent) while its own arguments were encoded.
            return Ok(Wire::RefAfter(vec![func, args], *n));
        }
        self.remember(addr, v);
        let state = self.enc(vm, &t.items[2], depth + 1)?;
        let items = self.enc(vm, &t.items[3], depth + 1)?;
        let pairs = self.enc(vm, &t.items[4], depth + 1)?;
        Ok(Wire::Reduce(Box::new([func, args, state, items, pairs])))
    }
}

/// A function of lib/_gilvm_reduce.py.
fn reduce_helper(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = vm.import("_gilvm_reduce")?;
    let found = gilvm_vm::protocol::hash::dict_get_str(&m.globals.borrow(vm.gil()), name).cloned();
    found.ok_or_else(|| vm.runtime_error("_gilvm_reduce is incomplete"))
}

/// The module and qualified name a function, class or built-in is sent by (pickle's
/// `save_global`), with CPython's errors for what that name does not reach.
fn global_ref(vm: &mut Vm, v: &Value) -> PyResult<(String, String)> {
    let gil = vm.gil();
    let in_builtins = |name: &str| {
        gilvm_vm::protocol::hash::dict_get_str(&vm.interp.builtins.globals.borrow(gil), name)
            .is_some_and(|b| b.is(v))
    };
    let (module, qual) = match v {
        Value::Function(f) => (
            f.globals.name.as_str().to_string(),
            f.qualname.as_str().to_string(),
        ),
        Value::Class(c) => {
            if in_builtins(c.name.as_str()) {
                return Ok(("builtins".into(), c.name.as_str().to_string()));
            }
            (
                c.module.as_str().to_string(),
                c.qualname.as_str().to_string(),
            )
        }
        Value::Builtin(b) if b.receiver.is_none() && in_builtins(b.name) => {
            return Ok(("builtins".into(), b.name.to_string()));
        }
        Value::Builtin(b) if b.receiver.is_none() => {
            // A native module's function: the loaded module that holds it (pickle's
            // `whichmodule`).
            let modules: Vec<(Value, Value)> = vm
                .interp
                .modules
                .borrow(gil)
                .iter()
                .map(|(k, m)| (k.value.clone(), m.clone()))
                .collect();
            for (k, m) in modules {
                let (Value::Str(k), Value::Module(m)) = (k, m) else {
                    continue;
                };
                if matches!(k.as_str(), "__main__" | "__mp_main__") {
                    continue;
                }
                let hit = gilvm_vm::protocol::hash::dict_get_str(&m.globals.borrow(gil), b.name)
                    .is_some_and(|f| f.is(v));
                if hit {
                    return Ok((k.as_str().to_string(), b.name.to_string()));
                }
            }
            return Err(unsendable(vm, v));
        }
        _ => return Err(unsendable(vm, v)),
    };
    if qual.contains("<locals>") {
        return Err(vm.attribute_error(format!("Can't pickle local object '{qual}'")));
    }
    let mut found = match module.as_str() {
        "__main__" | "__mp_main__" => super::main_module(vm),
        m => vm.interp.module(gil, m),
    }
    .map(Value::Module);
    for part in qual.split('.') {
        found = match found {
            Some(obj) => vm.get_attr_opt(&obj, part)?,
            None => None,
        };
    }
    if !found.as_ref().is_some_and(|f| f.is(v)) {
        let shown = match v {
            Value::Class(_) => format!("<class '{module}.{qual}'>"),
            _ => vm.repr(v)?,
        };
        let why = if found.is_some() {
            format!("it's not the same object as {module}.{qual}")
        } else {
            format!("attribute lookup {qual} on {module} failed")
        };
        let class = super::mp_class(vm, "PicklingError");
        return Err(vm.new_error(&class, format!("Can't pickle {shown}: {why}")));
    }
    let module = if module == "__mp_main__" {
        "__main__".to_string()
    } else {
        module
    };
    Ok((module, qual))
}

/// What a [`Wire::Global`] names, in this process.
fn find_global(vm: &mut Vm, module: &str, qual: &str) -> PyResult<Value> {
    let m = match module {
        "__main__" => super::main_module(vm)
            .ok_or_else(|| vm.runtime_error("the main script is not loaded"))?,
        "builtins" => vm.interp.builtins.clone(),
        _ => vm.import(module)?,
    };
    let mut obj = Value::Module(m);
    for part in qual.split('.') {
        obj = match vm.get_attr_opt(&obj, part)? {
            Some(v) => v,
            None => {
                return Err(vm.attribute_error(format!(
                    "Can't get attribute '{qual}' on <module '{module}'>"
                )))
            }
        };
    }
    Ok(obj)
}

pub fn unsendable(vm: &Vm, v: &Value) -> gilvm_vm::PyErr {
    vm.type_error(format!(
        "cannot send '{}' object to another process ({SENDABLE})",
        vm.type_name(v)
    ))
}

/// Converts wire form back to values (handles need the receiving side's context).
pub struct Decoder {
    pub fds: Vec<Option<OwnedFd>>,
    /// The containers decoded so far in the current value, by number ([`Wire::Ref`]).
    memo: Vec<Value>,
}

impl Decoder {
    pub fn plain() -> Decoder {
        Decoder::with_fds(Vec::new())
    }

    pub fn with_fds(fds: Vec<Option<OwnedFd>>) -> Decoder {
        Decoder {
            fds,
            memo: Vec::new(),
        }
    }

    /// Decode one value (its `Ref`s point into it).
    pub fn decode(&mut self, vm: &mut Vm, w: Wire) -> PyResult<Value> {
        self.memo.clear();
        let out = self.dec(vm, w);
        self.memo.clear();
        out
    }

    fn dec(&mut self, vm: &mut Vm, w: Wire) -> PyResult<Value> {
        Ok(match w {
            Wire::None => Value::None,
            Wire::Bool(b) => Value::Bool(b),
            Wire::Int(n) => Value::Int(n),
            Wire::Float(x) => Value::Float(x),
            Wire::Str(s) => Value::str(s),
            Wire::Bytes(b) => Value::Bytes(Arc::new(gilvm_vm::object::value::PyBytes {
                data: b.into_boxed_slice(),
            })),
            Wire::List(items) => {
                let list = Value::list(Vec::with_capacity(items.len()));
                self.memo.push(list.clone());
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(self.dec(vm, item)?);
                }
                if let Value::List(l) = &list {
                    *l.borrow_mut(vm.gil()) = out;
                }
                list
            }
            Wire::Tuple(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(self.dec(vm, item)?);
                }
                let t = Value::tuple(out);
                self.memo.push(t.clone());
                t
            }
            Wire::Dict(pairs) => {
                let dict = Value::Dict(Arc::new(gilvm_vm::object::gilcell::GilCell::new(
                    DictMap::default(),
                )));
                self.memo.push(dict.clone());
                for (k, v) in pairs {
                    let k = self.dec(vm, k)?;
                    let v = self.dec(vm, v)?;
                    let key = vm.key(k)?;
                    if let Value::Dict(d) = &dict {
                        d.borrow_mut(vm.gil()).insert(key, v);
                    }
                }
                dict
            }
            Wire::RefAfter(items, n) => {
                for item in items {
                    self.dec(vm, item)?;
                }
                match self.memo.get(n as usize) {
                    Some(v) => v.clone(),
                    None => return Err(vm.value_error("corrupt value from another process")),
                }
            }
            Wire::Ref(n) => match self.memo.get(n as usize) {
                Some(v) => v.clone(),
                None => return Err(vm.value_error("corrupt value from another process")),
            },
            Wire::Handle(class, h) => super::handles::decode_handle(vm, &class, h, self)?,
            Wire::BigInt(b) => {
                gilvm_vm::protocol::bigint::big_value(num_bigint::BigInt::from_signed_bytes_le(&b))
            }
            Wire::Set(items) => {
                let set: Arc<gilvm_vm::object::value::Set> =
                    Arc::new(gilvm_vm::object::gilcell::GilCell::new(Default::default()));
                self.memo.push(Value::Set(set.clone()));
                let mut b = gilvm_vm::object::setorder::Builder::new();
                for item in items {
                    let item = self.dec(vm, item)?;
                    b.add(vm.key(item)?);
                }
                gilvm_vm::object::setorder::store(vm.gil(), &set, b);
                Value::Set(set)
            }
            Wire::Range(start, stop, step) => {
                Value::Range(Arc::new(gilvm_vm::object::value::Range {
                    start,
                    stop,
                    step,
                }))
            }
            Wire::Slice(parts) => {
                let [start, stop, step] = *parts;
                let start = self.dec(vm, start)?;
                let stop = self.dec(vm, stop)?;
                let step = self.dec(vm, step)?;
                Value::Slice(Arc::new(gilvm_vm::object::value::Slice {
                    start,
                    stop,
                    step,
                }))
            }
            Wire::Ellipsis => Value::Ellipsis,
            Wire::NotImplemented => Value::NotImplemented,
            Wire::Global(g) => find_global(vm, &g.0, &g.1)?,
            Wire::Reduce(parts) => {
                let [func, args, state, items, pairs] = *parts;
                let func = self.dec(vm, func)?;
                let args = self.dec(vm, args)?;
                let args: Vec<Value> = match &args {
                    Value::Tuple(t) => t.items.to_vec(),
                    _ => return Err(vm.value_error("corrupt value from another process")),
                };
                let obj = vm.call(&func, &args)?;
                self.memo.push(obj.clone());
                let state = self.dec(vm, state)?;
                let items = self.dec(vm, items)?;
                let pairs = self.dec(vm, pairs)?;
                if !(state.is_none() && items.is_none() && pairs.is_none()) {
                    let f = reduce_helper(vm, "setstate")?;
                    vm.call(&f, &[obj.clone(), state, items, pairs])?;
                }
                obj
            }
        })
    }
}

/// Decode a value that carries no handles.
pub fn to_value(vm: &mut Vm, w: Wire) -> PyResult<Value> {
    Decoder::plain().decode(vm, w)
}

/// Encode a value that may not carry handles.
pub fn from_value(vm: &mut Vm, v: &Value) -> PyResult<Wire> {
    Encoder::plain().encode(vm, v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip() {
        let msg = ToParent::TaskDone {
            job: 7,
            chunk: 2,
            result: Ok(vec![
                Wire::Int(-5),
                Wire::Str("é".into()),
                Wire::Dict(vec![(Wire::Tuple(vec![Wire::None]), Wire::Float(1.5))]),
            ]),
        };
        let mut buf = Vec::new();
        write_msg(&mut buf, &msg).unwrap();
        write_msg(&mut buf, &ToWorker::Stop).unwrap();
        let mut r = &buf[..];
        assert_eq!(read_msg::<ToParent>(&mut r).unwrap(), Some(msg));
        assert_eq!(read_msg::<ToWorker>(&mut r).unwrap(), Some(ToWorker::Stop));
        assert_eq!(read_msg::<ToWorker>(&mut r).unwrap(), None);
    }

    #[test]
    fn truncated_frame_is_an_error() {
        let mut buf = Vec::new();
        write_msg(&mut buf, &Wire::Str("hello".into())).unwrap();
        buf.truncate(buf.len() - 1);
        assert!(read_msg::<Wire>(&mut &buf[..]).is_err());
    }
}
