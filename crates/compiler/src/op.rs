//! The bytecode.
//!
//! # Encoding
//!
//! An instruction is one `Op`: a Rust enum whose variants carry at most one 32-bit operand (or
//! two 16-bit / one 8-bit sub-operator), so an instruction is 8 bytes (asserted below). Code is a
//! `Vec<Op>`; jump targets are absolute instruction indices into that vector. Source positions are
//! kept beside the code (`CodeObject::spans`, one per instruction) and read only on the cold path
//! (tracebacks).
//!
//! The machine is a stack machine. Each frame owns a window of one value stack: its local
//! variables (`varnames`, parameters first) come first, then the operand stack. Cell variables
//! (captured by inner functions) and free variables (captured from outer functions) live in the
//! frame's cells: indices `0..cellvars.len()` are the frame's own cells, the rest its free vars.
//!
//! Stack effects are written `[before] -> [after]`, top of stack on the right.
//!
//! # Exceptions
//!
//! Each frame has a block stack. `SetupExcept(h)` pushes a block recording the handler address
//! `h`, the operand stack depth and the depth of the thread's handled-exception stack. When an
//! instruction raises, the innermost block is popped, the operand stack is cut back to its depth,
//! the handled-exception stack is cut back to its depth, the exception is pushed onto the
//! handled-exception stack *and* onto the operand stack, and execution jumps to `h`. With no
//! block left the frame is abandoned and the exception passes to the caller. `PopExcept` ends a
//! handler (pops the handled-exception stack). `try/finally` is compiled as a `SetupExcept` whose
//! handler runs the finally body and ends in `Reraise`; on the normal path, and before a
//! `return`, `break` or `continue` that leaves the try, the compiler emits `PopBlock` and a copy
//! of the finally body inline.
//!
//! A traceback entry (code, instruction) is added to the exception each time an instruction in a
//! frame raises, including a `Call` that raised inside its callee; `Reraise` and a bare `raise`
//! add none.

use gilvm_syntax::ast::{BinOp, CmpOp};

/// Conversion flags of `FormatValue`.
pub const FORMAT_CONV_MASK: u8 = 0b11;
pub const FORMAT_CONV_NONE: u8 = 0;
pub const FORMAT_CONV_STR: u8 = 1;
pub const FORMAT_CONV_REPR: u8 = 2;
pub const FORMAT_CONV_ASCII: u8 = 3;
/// Set when a format spec (a str) is on the stack above the value.
pub const FORMAT_HAS_SPEC: u8 = 0b100;

/// Flags of `MakeFunction`: which optional items are on the stack below the code constant.
pub const MAKE_FUNCTION_DEFAULTS: u32 = 0b001;
pub const MAKE_FUNCTION_KWDEFAULTS: u32 = 0b010;
pub const MAKE_FUNCTION_CLOSURE: u32 = 0b100;
/// A dict of the parameter and return annotations (`__annotations__`), above the kwdefaults.
pub const MAKE_FUNCTION_ANNOTATIONS: u32 = 0b1000;

#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Op {
    // ---- stack ----
    Nop,
    /// [a] -> []
    Pop,
    /// [a] -> [a, a]
    Dup,
    /// [a, b] -> [a, b, a, b]
    DupTwo,
    /// [a, b] -> [b, a]
    Rot2,
    /// [a, b, c] -> [c, a, b]
    Rot3,
    /// [a, b, c, d] -> [d, a, b, c]
    Rot4,

    // ---- constants and variables ----
    /// [] -> [consts[i]]
    LoadConst(u32),
    /// [] -> [None]
    LoadNone,
    /// [] -> [int]: a small integer literal inline.
    LoadSmallInt(i32),
    /// [] -> [local i]; raises UnboundLocalError if unset.
    LoadFast(u32),
    /// [v] -> []
    StoreFast(u32),
    /// [] -> []; unsets local i (UnboundLocalError if already unset).
    DeleteFast(u32),
    /// [] -> [contents of cell i] (NameError / UnboundLocalError-style message if empty).
    LoadDeref(u32),
    /// [v] -> []
    StoreDeref(u32),
    /// [] -> []; empties cell i (`del x` of a captured variable; same error as LoadDeref if
    /// already empty). Added by the compiler helper.
    DeleteDeref(u32),
    /// [] -> [cell i itself], to build a closure tuple for MakeFunction.
    LoadClosure(u32),
    /// [] -> [globals[names[i]] or builtins[names[i]]]; NameError if neither.
    LoadGlobal(u32),
    /// [v] -> []
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Class bodies (and module level code may use them too): look in the frame's namespace
    /// mapping, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),

    // ---- attributes and items ----
    /// [obj] -> [obj.names[i]]
    LoadAttr(u32),
    /// [v, obj] -> []   (obj.names[i] = v)
    StoreAttr(u32),
    /// [obj] -> []
    DeleteAttr(u32),
    /// [obj] -> [method, obj] when names[i] is a plain function found on the type (no bound
    /// method allocated), else [attr, NULL-marker]; followed by CallMethod.
    LoadMethod(u32),
    /// [method, self_or_marker, arg1..argN] -> [result]
    CallMethod(u32),
    /// [obj, key] -> [obj[key]]
    Subscript,
    /// [v, obj, key] -> []   (obj[key] = v)
    StoreSubscript,
    /// [obj, key] -> []
    DeleteSubscript,
    /// [lower, upper] -> [slice] (n = 2) or [lower, upper, step] -> [slice] (n = 3); absent
    /// bounds are None.
    BuildSlice(u32),

    // ---- operators ----
    /// [a, b] -> [a op b]
    Binary(BinOp),
    /// [a, b] -> [a op= b]: in place for mutable objects (`list += x` extends), else as Binary.
    InplaceBinary(BinOp),
    /// [a] -> [-a]
    Neg,
    /// [a] -> [+a]
    Pos,
    /// [a] -> [~a]
    Invert,
    /// [a] -> [not a]
    Not,
    /// [a, b] -> [a op b] (`in`: b contains a).
    Compare(CmpOp),

    // ---- control flow (targets are absolute instruction indices) ----
    Jump(u32),
    /// [v] -> []; jump if falsy.
    PopJumpIfFalse(u32),
    /// [v] -> []; jump if truthy.
    PopJumpIfTrue(u32),
    /// [v] -> [v] and jump if falsy, else [v] -> [] (for `and`).
    JumpIfFalseOrPop(u32),
    /// [v] -> [v] and jump if truthy, else [v] -> [] (for `or`).
    JumpIfTrueOrPop(u32),
    /// [iterable] -> [iterator]
    GetIter,
    /// [iterator] -> [iterator, next value], or when exhausted [iterator] -> [] and jump.
    ForIter(u32),

    // ---- building values ----
    /// [a1..an] -> [list]
    BuildList(u32),
    /// [a1..an] -> [tuple]
    BuildTuple(u32),
    /// [a1..an] -> [set]
    BuildSet(u32),
    /// [a1..an] -> [set]: a display of n > 2 constants. CPython compiles it to a frozenset
    /// constant (built by adding the items, then rebuilt from its own iteration order when
    /// constants are merged) that SET_UPDATE merges into an empty set; the result can be laid
    /// out (and so iterate) differently from BuildSet's.
    BuildSetConst(u32),
    /// [k1, v1, .. kn, vn] -> [dict]
    BuildMap(u32),
    /// [s1..sn] -> [s1 + .. + sn]: concatenate n strs (f-strings).
    BuildString(u32),
    /// [list, x1..xi-1, v] -> [list, x1..xi-1]: append v to the list i deep (comprehensions;
    /// i counts from the top after popping v, so i = 1 is the item just below v).
    ListAppend(u32),
    /// as ListAppend for a set.
    SetAdd(u32),
    /// [dict, x1..xi-1, k, v] -> [dict, x1..xi-1]: dict[k] = v.
    MapAdd(u32),
    /// [list, x1..xi-1, iterable] -> [list, x1..xi-1]: list.extend(iterable) (`[*a, *b]`).
    ListExtend(u32),
    /// [set, .., iterable] -> [set, ..]
    SetUpdate(u32),
    /// [dict, .., mapping] -> [dict, ..]: dict.update(mapping) (`{**a}`).
    DictUpdate(u32),
    /// [dict, .., mapping] -> [dict, ..]: like DictUpdate but a repeated key is a TypeError
    /// ("got multiple values for keyword argument"), for `f(**a, **b)`.
    DictMerge(u32),
    /// [list] -> [tuple]
    ListToTuple,
    /// [value] -> [str] or [value, spec] -> [str]; flags: FORMAT_* above.
    FormatValue(u8),
    /// [seq] -> [vn..v1] (v1 on top): unpack exactly n items (ValueError otherwise).
    UnpackSequence(u32),
    /// `a, *b, c = seq`: operand = before | (after << 8).
    /// [seq] -> [after items.., list of the middle, before items..] (first item on top).
    UnpackEx(u32),

    // ---- functions and calls ----
    /// [defaults tuple?, kwdefaults dict?, closure tuple?, code const] -> [function];
    /// operand: MAKE_FUNCTION_* flags saying which optional items are present (in that order).
    /// The code object is a constant (Const::Code) pushed by LoadConst just before.
    MakeFunction(u32),
    /// [callable, a1..an] -> [result]
    Call(u32),
    /// [callable, a1..an, names tuple] -> [result]: the last len(names) args are keyword args
    /// named by the tuple (a str constant tuple); n counts all args, keyword ones included.
    CallKw(u32),
    /// [callable, args tuple, kwargs dict?] -> [result]; operand 1 if the kwargs dict is there.
    CallEx(u32),
    /// [v] -> return v to the caller.
    Return,

    // ---- classes ----
    /// [body function, name, base1..basen] -> [class]. Calls the body function with a fresh
    /// namespace as its locals (its code uses LoadName/StoreName), then creates the class.
    BuildClass(u32),
    /// [body function, name, base1..basen, kw names tuple, kw1..kwm] keyword form
    /// (e.g. `metaclass=`); operand = n | (m << 16). gilvm rejects unknown keywords at run time.
    BuildClassKw(u32),

    // ---- exceptions ----
    /// Push a handler block (see the module docs).
    SetupExcept(u32),
    /// Pop the innermost block (leaving a try body normally).
    PopBlock,
    /// End an except/finally handler: pop the handled-exception stack.
    PopExcept,
    /// [exc] -> raise exc again, keeping its traceback (end of a finally handler or of an
    /// unmatched except chain). Pops the handled-exception stack as it goes.
    Reraise,
    /// raise: n = 0 re-raises the exception being handled (RuntimeError "No active exception
    /// to reraise" if none); n = 1: [exc] -> raise; n = 2: [exc, cause] -> raise exc from cause.
    /// A class is instantiated with no arguments.
    Raise(u32),
    /// [exc, type_or_tuple] -> [exc, bool]: does exc match (isinstance against a class or any
    /// class of a tuple)? TypeError if the type is not an exception class.
    CheckExcMatch,
    /// `except* T` (PEP 654): [rest, type_or_tuple] -> [rest', match, bool]. The part of rest
    /// matching T (a naked exception that matches is wrapped in `ExceptionGroup('')`) and what
    /// is left (None when nothing); bool says whether anything matched, and then the match
    /// becomes the exception being handled. TypeError for a non-exception type and for an
    /// exception group type.
    CheckEgMatch,
    /// End of the `except*` clauses: [orig, list] -> [exc, bool]. From the exceptions raised
    /// or re-raised by the clauses and the unmatched rest (None entries for none), the one to
    /// raise (CPython's `_PyExc_PrepReraiseStar`), bool false when there is nothing to raise.
    PrepReraiseStar,
    /// [] -> [AssertionError class] (not looked up by name, so shadowing cannot break assert).
    LoadAssertionError,
    /// [cm] -> [bound __exit__, result of cm.__enter__()]
    BeforeWith,
    /// In a `with` handler: [exit, exc] -> [exit, exc, result of exit(type(exc), exc, tb)].
    WithExceptStart,

    // ---- modules ----
    /// [level, fromlist] -> [module]: import names[i] as `__import__(name, globals, None,
    /// fromlist, level)` does (the import system, crates/vm/src/import): with fromlist None the
    /// top-level package of a dotted name is pushed, with a tuple of names (`from` imports) the
    /// module itself, whose submodules named in the tuple are imported too; fromlist True
    /// (`import a.b as c`) pushes the module `a.b` itself.
    ImportName(u32),
    /// [module] -> [module, module.names[i]], falling back to `sys.modules['module.name']`
    /// (ImportError "cannot import name" if neither).
    ImportFrom(u32),
    /// [module] -> []: bind every public name of the module in the current namespace.
    ImportStar,

    // ---- generators and coroutines (issue 5) ----
    /// [v] -> [sent value]: suspend the frame, yielding v. On resume the value sent (None for
    /// `next`) is pushed; a `throw` raises at this instruction instead.
    YieldValue,
    /// [iterator, v] -> [iterator] and re-execute, or [result] when the subiterator returns.
    /// v is sent to the iterator (`next` when it is not a generator or coroutine); when it
    /// yields, the frame suspends with its ip at this instruction, so the value sent on resume
    /// goes to the subiterator. `yield from x` compiles to `<x>; GetIter; LoadNone; YieldFrom`,
    /// `await x` to `<x>; GetAwaitable; LoadNone; YieldFrom`.
    YieldFrom,
    /// [v] -> [awaitable iterator]: a coroutine itself, else the result of `v.__await__()`
    /// (TypeError "object X can't be used in 'await' expression" otherwise).
    GetAwaitable,
    /// [cm] -> [bound __aexit__, awaitable result of cm.__aenter__()] (`async with`; the
    /// compiler follows it with GetAwaitable; LoadNone; YieldFrom). Added by h-gen.
    BeforeAsyncWith,
    /// [v] -> [async iterator]: `v.__aiter__()` (an async generator is its own); TypeError
    /// "'async for' requires an object with __aiter__ method, got T" otherwise.
    GetAIter,
    /// [aiter] -> [aiter, awaitable iterator]: `aiter.__anext__()` made awaitable (as
    /// GetAwaitable). `async for` is
    /// `<iter>; GetAIter; L: SetupExcept H; GetANext; LoadNone; YieldFrom; PopBlock; <store>;
    /// <body>; Jump L; H: EndAsyncFor; <else>`.
    GetANext,
    /// End of an `async for` (its exception handler): [aiter, exc] -> [] and end the handled
    /// exception when exc is a StopAsyncIteration; otherwise re-raise exc (as Reraise).
    EndAsyncFor,

    // ---- pattern matching (`match`, PEP 634) ----
    /// [s] -> [s, bool]: is s a sequence for matching (list, tuple, range and their
    /// subclasses; never str, bytes or bytearray)?
    MatchSequence,
    /// [s] -> [s, bool]: is s a mapping for matching (a dict or dict subclass)?
    MatchMapping,
    /// [s] -> [s, len(s)]
    GetLen,
    /// [s, keys tuple] -> [s, keys, values tuple] when every key is in the mapping s (looked
    /// up with `s.get`), else [s, keys, None]. ValueError for a key repeated in keys.
    MatchKeys,
    /// [s, keys tuple] -> [dict]: a copy of the mapping s without the keys (`**rest`).
    CopyDictWithoutKeys,
    /// [s, cls, kw names tuple] -> [attributes tuple] when s is an instance of cls and has the
    /// n positional (through `cls.__match_args__`) and the keyword attributes, else [None].
    /// TypeError when cls is not a class or the positional count is wrong.
    MatchClass(u32),
}

// An instruction must stay 8 bytes: the eval loop streams through them.
const _: () = assert!(std::mem::size_of::<Op>() <= 8);

impl Op {
    /// The jump target of a jumping instruction, if any.
    pub fn jump_target(&self) -> Option<u32> {
        match *self {
            Op::Jump(t)
            | Op::PopJumpIfFalse(t)
            | Op::PopJumpIfTrue(t)
            | Op::JumpIfFalseOrPop(t)
            | Op::JumpIfTrueOrPop(t)
            | Op::ForIter(t)
            | Op::SetupExcept(t) => Some(t),
            _ => None,
        }
    }
}
