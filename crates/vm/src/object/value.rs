//! Values and the objects they point to.
//!
//! A [`Value`] is 16 bytes: small immutable values (None, bools, 64-bit ints, floats) are stored
//! inline; everything else is an `Arc` to an object. Objects are shared between OS threads; their
//! mutable parts sit in [`GilCell`]s and are reached only with the [`Gil`] token.

use std::sync::atomic::AtomicU32;
use std::sync::{Arc, Weak};

use gilvm_compiler::CodeObject;
use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;

use crate::object::gilcell::{Gil, GilCell};

/// A Python value.
#[derive(Clone, Debug, Default)]
pub enum Value {
    #[default]
    None,
    Bool(bool),
    Int(i64),
    /// An int outside i64 (never one that fits: see `bigint::big_value`).
    BigInt(Arc<num_bigint::BigInt>),
    Float(f64),
    Str(Arc<PyStr>),
    Bytes(Arc<PyBytes>),
    List(Arc<List>),
    Tuple(Arc<Tuple>),
    Dict(Arc<Dict>),
    Set(Arc<Set>),
    Range(Arc<Range>),
    Slice(Arc<Slice>),
    Function(Arc<Function>),
    /// A function implemented in Rust, possibly bound to a receiver.
    Builtin(Arc<Builtin>),
    /// A Python function bound to an instance (`obj.method` without calling it).
    BoundMethod(Arc<BoundMethod>),
    /// A class: user classes, built-in types (`int`, `str`, ...) and exception classes alike.
    Class(Arc<Class>),
    Instance(Arc<Instance>),
    Module(Arc<Module>),
    /// A native iterator (list/tuple/str/range/dict iterators, enumerate, zip, map, ...).
    Iter(Arc<Iter>),
    /// A closure cell (only on the stack while a closure tuple is being built).
    Cell(Arc<Cell>),
    /// A code object, as pushed by LoadConst before MakeFunction.
    Code(Arc<Code>),
    /// An object of a native type that has no dedicated variant (files, property objects,
    /// staticmethod/classmethod wrappers, and later threads, locks, queues ...).
    Native(Arc<Box<dyn NativeObject>>),
    Ellipsis,
    NotImplemented,
}

// Values are copied all the time by the eval loop: keep them two words.
const _: () = assert!(std::mem::size_of::<Value>() <= 16);

/// An immutable string with its length in characters cached.
#[derive(Debug)]
pub struct PyStr {
    pub s: Box<str>,
    /// Number of chars (== s.len() when the string is ASCII).
    pub char_len: usize,
}

impl PyStr {
    pub fn new(s: impl Into<Box<str>>) -> PyStr {
        let s = s.into();
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr { s, char_len }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }
}

/// Immutable bytes.
#[derive(Debug)]
pub struct PyBytes {
    pub data: Box<[u8]>,
}

pub type List = GilCell<Vec<Value>>;

/// Tuples are immutable: no cell.
#[derive(Debug, Default)]
pub struct Tuple {
    pub items: Box<[Value]>,
}

/// A hashable value with its hash computed once, as stored in dicts and sets. Equality is
/// Python equality for the built-in hashable types (so `1`, `1.0` and `True` are the same key)
/// and identity for instances (user `__eq__`/`__hash__` are not consulted: see LIMITATIONS).
#[derive(Clone, Debug)]
pub struct Key {
    pub hash: u64,
    pub value: Value,
}

pub type DictMap = IndexMap<Key, Value, FxBuildHasher>;
pub type Dict = GilCell<DictMap>;
pub type SetMap = IndexMap<Key, (), FxBuildHasher>;
pub type Set = GilCell<SetMap>;

#[derive(Debug, Clone, Copy)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

#[derive(Debug, Clone)]
pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// `slice(slice(...))` chains free through the trashcan (slices of ints skip it).
impl Drop for Slice {
    fn drop(&mut self) {
        if self.start.is_inline() && self.stop.is_inline() && self.step.is_inline() {
            return;
        }
        crate::object::trashcan::release((
            std::mem::take(&mut self.start),
            std::mem::take(&mut self.stop),
            std::mem::take(&mut self.step),
        ));
    }
}

/// A code object ready to run: the compiler's code plus its constants turned into values.
/// Nested code constants become `Value::Code`, so a whole module is converted once.
#[derive(Debug)]
pub struct Code {
    pub code: Arc<CodeObject>,
    pub consts: Box<[Value]>,
    /// `names` of the code object as str values (attribute/global names), for dict lookups.
    pub names: Box<[Arc<PyStr>]>,
    /// The dict hash of each of `names` (added by h-vmcore: LoadGlobal/LoadAttr skip hashing).
    pub name_hashes: Box<[u64]>,
    /// `code.name` / `code.qualname` as str values (added by h-vmcore), shared by every
    /// function made from this code.
    pub name: Arc<PyStr>,
    pub qualname: Arc<PyStr>,
    /// LoadGlobal's inline cache (added by h-perf): per name, the index in the globals dict
    /// where it was last found (a hint, checked against the key there before use).
    pub global_hints: Box<[std::sync::atomic::AtomicU32]>,
    /// LoadAttr/LoadMethod's inline caches on instances, one per name
    /// ([`crate::object::lookup::AttrSite`]).
    pub attr_sites: Box<[GilCell<crate::object::lookup::AttrSite>]>,
    /// The argument count of a call that binds by moving nothing (added by h-perf): `argcount`
    /// when the code has no keyword-only parameters, `*args`/`**kwargs`, cell variables and is
    /// not a generator or coroutine; `u32::MAX` otherwise.
    pub simple_argc: u32,
}

#[derive(Debug)]
pub struct Function {
    pub code: Arc<Code>,
    pub globals: Arc<Module>,
    /// Defaults of the last positional parameters.
    pub defaults: Box<[Value]>,
    /// Defaults of keyword-only parameters.
    pub kwdefaults: Option<Arc<Dict>>,
    pub closure: Box<[Arc<Cell>]>,
    pub name: Arc<PyStr>,
    pub qualname: Arc<PyStr>,
    /// Function attributes (`f.__doc__`, `f.calls = 0`), rarely used.
    pub attrs: GilCell<Option<DictMap>>,
}

/// Defaults are held without a cell: a chain of functions whose default is the previous one
/// (`def f(a=x)` in a loop) frees through the trashcan.
impl Drop for Function {
    fn drop(&mut self) {
        if self.defaults.iter().all(Value::is_inline) {
            return;
        }
        crate::object::trashcan::release(std::mem::take(&mut self.defaults));
    }
}

pub type Cell = GilCell<Option<Value>>;

/// The signature of a function implemented in Rust. `args` are the positional arguments (for a
/// method, the receiver first); `kwargs` the keyword arguments in call order.
pub type NativeFn = fn(&mut crate::Vm, &[Value], &[(Arc<PyStr>, Value)]) -> crate::PyResult<Value>;

#[derive(Debug)]
pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    /// The receiver when bound (`[].append`): passed as the first positional argument.
    pub receiver: Option<Value>,
}

#[derive(Debug)]
pub struct BoundMethod {
    pub receiver: Value,
    pub function: Value,
}

/// The built-in type a class stands for, if it is one (what `int(...)`, `isinstance(x, int)`
/// and friends dispatch on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BuiltinType {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Iterator,
    Cell,
    Code,
    Ellipsis,
    NotImplemented,
    /// BaseException and every built-in exception class.
    Exception,
    /// Any other native type (file, property, ...): the class name tells which.
    Native,
}

#[derive(Debug)]
pub struct Class {
    pub name: Arc<PyStr>,
    pub qualname: Arc<PyStr>,
    pub bases: Vec<Arc<Class>>,
    /// Method resolution order *excluding* the class itself (an `Arc` to itself would be a
    /// cycle): the chain of bases, nearest first, ending with `object`.
    pub mro: Vec<Arc<Class>>,
    /// Attributes and methods (writes invalidate lookup caches).
    pub dict: crate::object::lookup::ClassDict,
    /// What MRO walks of this class found, by name ([`crate::object::lookup::class_lookup`]).
    pub lookup_cache: GilCell<crate::object::lookup::MroCache>,
    /// The built-in type this class is or derives from (user classes inherit their base's;
    /// plain user classes have `Object`).
    pub builtin: BuiltinType,
    /// Module name, for repr (`<class '__main__.A'>`).
    pub module: Arc<PyStr>,
    /// Which hooks the class's user-defined part (itself and its user ancestors) defines:
    /// `__new__`, `__getattribute__`, `__setattr__`, descriptor methods... (`crate::object::class::flags`).
    /// Computed when the class is made, recomputed when such a name is set on it or an ancestor,
    /// so the attribute and call paths test one bit instead of searching the MRO.
    pub flags: AtomicU32,
    /// Direct subclasses, so that a change of `flags` reaches them.
    pub subclasses: GilCell<Vec<Weak<Class>>>,
    /// The metaclass when it is not `type` (a class made by `class C(metaclass=M)` or by a
    /// subclass of `type`).
    pub meta: Option<Arc<Class>>,
    /// The attribute names instances may have when every user class of the MRO declares
    /// `__slots__` (without `'__dict__'`); `None` when instances have a free `__dict__`.
    pub slots: Option<Box<[Arc<PyStr>]>>,
    /// How many `__slots__` members instances carry (over the whole MRO).
    pub nslots: u32,
}

/// An instance of a user class (including user exceptions) or of a built-in exception class.
#[derive(Debug)]
pub struct Instance {
    pub class: Arc<Class>,
    /// The instance dict, shared with `obj.__dict__` / `vars(obj)` (a live dict, as in CPython).
    pub attrs: Arc<Dict>,
    /// Present for exception instances.
    pub exc: Option<Box<GilCell<ExcState>>>,
    /// For an instance of a subclass of `int`, `float`, `str`, `tuple`, `list`, `dict` or `set`:
    /// the built-in value it extends (operations the class does not override act on it).
    pub payload: Option<Value>,
    /// The values of `__slots__` members (`None` while unset), when the class has any.
    pub slot_values: Option<Box<GilCell<Vec<Option<Value>>>>>,
}

impl Drop for Instance {
    fn drop(&mut self) {
        crate::object::weakref::referent_died(self as *const Instance as usize);
    }
}

/// What an exception carries besides its attributes.
#[derive(Debug, Default, Clone)]
pub struct ExcState {
    pub args: Vec<Value>,
    /// Frames it passed through, oldest first.
    pub traceback: Vec<TracebackEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
    /// `message` and `exceptions` of a BaseExceptionGroup (object/exc_group.rs).
    pub group: Option<Box<ExcGroup>>,
}

/// What a BaseExceptionGroup holds besides its args.
#[derive(Debug, Clone)]
pub struct ExcGroup {
    pub message: Value,
    pub exceptions: Vec<Value>,
}

#[derive(Debug, Clone)]
pub struct TracebackEntry {
    pub code: Arc<Code>,
    pub ip: u32,
}

/// A module: a name and its namespace (globals).
#[derive(Debug)]
pub struct Module {
    pub name: Arc<PyStr>,
    /// Shared, so `globals()` and `vars(module)` hand out the very dict the module uses.
    pub globals: Arc<Dict>,
    /// The source file, for tracebacks (`None` for built-in modules).
    pub filename: Option<Arc<str>>,
}

/// A native iterator. The state is behind a cell because `next` advances it.
pub type Iter = GilCell<IterState>;

#[derive(Debug)]
pub enum IterState {
    List {
        list: Arc<List>,
        index: usize,
    },
    Tuple {
        tuple: Arc<Tuple>,
        index: usize,
    },
    Str {
        s: Arc<PyStr>,
        byte_index: usize,
    },
    Bytes {
        bytes: Arc<PyBytes>,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// Over a snapshot of keys / values / items of a dict or set.
    Seq {
        items: Vec<Value>,
        index: usize,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        inners: Vec<Value>,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// `iter(callable, sentinel)`
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// A user object with `__next__`, wrapped so `for` can drive it uniformly.
    User {
        obj: Value,
    },
    Exhausted,
}

/// An object of a native type without its own `Value` variant (files, property,
/// staticmethod, classmethod, and the thread/lock/queue objects to come).
pub trait NativeObject: std::fmt::Debug + Send + Sync + 'static {
    /// The Python type name (`_io.TextIOWrapper`, `property`, ...).
    fn type_name(&self) -> &'static str;
    fn as_any(&self) -> &dyn std::any::Any;
}

impl Value {
    pub fn str(s: impl Into<Box<str>>) -> Value {
        Value::Str(Arc::new(PyStr::new(s)))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Arc::new(GilCell::new(items)))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Arc::new(Tuple {
            items: items.into_boxed_slice(),
        }))
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    /// Whether the value is stored inline (no object behind it, nothing to free but itself).
    #[inline]
    pub fn is_inline(&self) -> bool {
        matches!(
            self,
            Value::None
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
                | Value::Ellipsis
                | Value::NotImplemented
        )
    }
    /// Identity (`is`): same inline value or same object.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) | (NotImplemented, NotImplemented) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => Arc::ptr_eq(a, b) || a.s == b.s,
            (Bytes(a), Bytes(b)) => Arc::ptr_eq(a, b),
            (List(a), List(b)) => Arc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Arc::ptr_eq(a, b) || (a.items.is_empty() && b.items.is_empty()),
            (Dict(a), Dict(b)) => Arc::ptr_eq(a, b),
            (Set(a), Set(b)) => Arc::ptr_eq(a, b),
            (Range(a), Range(b)) => Arc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Arc::ptr_eq(a, b),
            (Function(a), Function(b)) => Arc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Arc::ptr_eq(a, b),
            (BoundMethod(a), BoundMethod(b)) => Arc::ptr_eq(a, b),
            (Class(a), Class(b)) => Arc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Arc::ptr_eq(a, b),
            (Module(a), Module(b)) => Arc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Arc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Arc::ptr_eq(a, b),
            (Code(a), Code(b)) => Arc::ptr_eq(a, b),
            (Native(a), Native(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Shorthand used throughout: a token that must come from the thread holding the GIL.
pub type GilToken = Gil;

/// Number of items of `range(start, stop, step)`, capped at `i64::MAX` (see
/// [`range_len_exact`] for ranges such as `range(-2**63, 2**63 - 1)`).
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    range_len_exact(start, stop, step).min(i64::MAX as i128) as i64
}

/// Number of items of `range(start, stop, step)`, exactly (up to 2**64 - 1).
pub fn range_len_exact(start: i64, stop: i64, step: i64) -> i128 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}
