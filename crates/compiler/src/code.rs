//! Code objects: the compiler's output, one per module, function, lambda, comprehension and
//! class body. They hold no VM values (the compiler does not depend on the VM): constants are
//! [`Const`]s, which the VM turns into values once when it first loads a code object.

use std::sync::Arc;

use gilvm_syntax::Span;

use crate::op::Op;

/// The version of frozen (build-time compiled and serialised) code objects; a loader that
/// finds another version compiles the module's source instead. Bump it when a serialised
/// type (`CodeObject`, `Const`, `Op`, ...) changes shape.
pub const FROZEN_FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    /// An int literal outside i64, as the parser's `Constant::BigInt` text.
    BigInt(Arc<str>),
    Float(f64),
    /// An imaginary literal's imaginary part (`2j`).
    Imag(f64),
    Str(Arc<str>),
    Bytes(Arc<[u8]>),
    Ellipsis,
    /// A tuple of constants (keyword-name tuples of CallKw, constant tuples).
    Tuple(Arc<[Const]>),
    /// The code of a nested function, lambda, comprehension or class body.
    Code(Arc<CodeObject>),
}

/// Flags of a code object.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CodeFlags {
    /// Takes `*args` (the tuple is the local right after the named parameters).
    pub varargs: bool,
    /// Takes `**kwargs` (the dict is the local right after `*args`, or after the named params).
    pub varkeywords: bool,
    /// Contains `yield`: calling it makes a generator.
    pub generator: bool,
    /// `async def`: calling it makes a coroutine.
    pub coroutine: bool,
    /// A class body or module: names are looked up with LoadName/StoreName.
    pub uses_namespace: bool,
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CodeObject {
    /// `f`, `<lambda>`, `<listcomp>`, `<module>`, or the class name for a class body.
    pub name: Arc<str>,
    /// Dotted path for display (`Account.deposit`, `outer.<locals>.inner`).
    pub qualname: Arc<str>,
    pub filename: Arc<str>,
    pub code: Vec<Op>,
    /// One span per instruction (same length as `code`), for tracebacks.
    pub spans: Vec<Span>,
    /// 1-based line of each instruction (same length as `code`), for tracebacks.
    pub lines: Vec<u32>,
    pub first_line: u32,
    pub consts: Vec<Const>,
    /// Global, attribute and imported names (operands of LoadGlobal, LoadAttr, ...).
    pub names: Vec<Arc<str>>,
    /// Local variables, parameters first in this order: positional-only, positional-or-keyword,
    /// keyword-only, then `*args`, then `**kwargs`.
    pub varnames: Vec<Arc<str>>,
    /// Locals captured by inner functions (cells `0..cellvars.len()`).
    pub cellvars: Vec<Arc<str>>,
    /// Variables captured from enclosing functions (cells after the cellvars), in the order
    /// of the closure tuple given to MakeFunction.
    pub freevars: Vec<Arc<str>>,
    /// For each cellvar that is also a parameter, the index of that parameter in varnames: the
    /// VM moves the argument into the cell when the frame starts.
    pub cell_params: Vec<Option<u32>>,
    /// Positional parameters (positional-only included).
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    /// A function's docstring (the first statement of its body when it is a string literal).
    pub docstring: Option<Arc<str>>,
    /// The deepest the operand stack goes (above the locals), so the VM can reserve it once.
    pub max_stack: u32,
}

impl CodeObject {
    /// The line of instruction `ip` (cold path).
    pub fn line_at(&self, ip: usize) -> u32 {
        self.lines.get(ip).copied().unwrap_or(self.first_line)
    }
    /// Total number of local slots.
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
}
