//! AST to bytecode. One `Unit` per code object being built (module, function, lambda,
//! comprehension, class body); statements, expressions, targets and scopes are compiled in the
//! submodules. Jumps are emitted against `Label`s and resolved by `crate::assemble`.
//!
//! Conventions the VM relies on (beyond the stack effects documented in [`crate::op`]):
//! - Module code uses LoadGlobal/StoreGlobal/DeleteGlobal for every name (its namespace is the
//!   globals); only class bodies use LoadName/StoreName/DeleteName (`flags.uses_namespace`).
//!   Functions use fast locals, cells (LoadDeref/StoreDeref/DeleteDeref) and globals.
//! - A class body starts with `__module__ = __name__; __qualname__ = '<qualname>'` (and
//!   `__doc__` when it has a docstring) and ends with `LoadClosure(__class__); Return` when a
//!   method uses `super`/`__class__`, else `LoadNone; Return`.
//! - A comprehension is a function whose only parameter `.0` is the outermost iterator: the
//!   caller emits `MakeFunction; <iterable>; GetIter; Call(1)`.
//! - except clause: at the handler `[exc]`; `<type>; CheckExcMatch; PopJumpIfFalse next` keeps
//!   `[exc]`; then `StoreX name` or `Pop`; the body; `PopExcept`. A named clause runs its body
//!   under a cleanup block that does `name = None; del name; Reraise`. No clause matched:
//!   `Reraise`.
//! - `break`/`continue`/`return` leaving a try, with or handler emit the cleanup inline
//!   (PopBlock, the finally body, `exit(None, None, None)`, PopExcept) before jumping; a return
//!   value stays on top of the stack meanwhile (Rot2 moves it above what is popped). So every
//!   `Return` runs with no open block and no handled exception of its frame.
//! - Generators and coroutines (h-gen): a unit that compiles a `yield` gets `flags.generator`;
//!   `async def` gets `flags.coroutine`; both flags make an async generator. A comprehension
//!   using `await` / `async for` gets `flags.coroutine` too (and is awaited where it is built,
//!   unless it is a generator expression: then it is an async generator). `async for` is laid
//!   out at `Op::GetANext`.
//!   `yield x` is `<x>; YieldValue`; `yield from x` is `<x>; GetIter; LoadNone; YieldFrom`;
//!   `await x` is `<x>; GetAwaitable; LoadNone; YieldFrom`. A generator expression is a
//!   generator function taking `.0` (like a comprehension) whose loop body is
//!   `<elt>; YieldValue; Pop`. `async with` is `with` with BeforeAsyncWith instead of
//!   BeforeWith and an await (`GetAwaitable; LoadNone; YieldFrom`) after the `__aenter__` call
//!   and after each `__aexit__` call. `return <value>` in an async generator is reported at
//!   the end of the function (the first such return's span), once `yield` has been seen.

mod annotate;
mod expr;
mod func;
mod pattern;
mod stmt;
mod target;
mod unwind;

use std::sync::Arc;

use gilvm_syntax::ast::{Constant, Module, Stmt, StmtKind};
use gilvm_syntax::{LineIndex, Span};
use rustc_hash::FxHashMap;

use crate::code::{CodeFlags, CodeObject, Const};
use crate::op::Op;
use crate::symtable::{self, Scope, ScopeKind, SymbolTable};
use crate::CompileError;

pub(crate) type R = Result<(), CompileError>;

/// A jump target, resolved to an instruction index when the unit is assembled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(pub(crate) u32);

/// What a `break`, `continue` or `return` must undo on its way out (CPython's fblocks).
#[derive(Clone, Debug)]
pub(crate) enum FBlock<'a> {
    While {
        cont: Label,
        brk: Label,
    },
    /// The iterator is on the stack.
    For {
        cont: Label,
        brk: Label,
    },
    /// The body of a try/except: a handler block is pushed.
    TryExcept,
    /// The body of a try/finally: a handler block is pushed; leaving runs the finally body.
    FinallyTry(&'a [gilvm_syntax::ast::Stmt]),
    /// The exceptional copy of a finally body: the exception is on the stack and handled.
    FinallyEnd,
    /// An except clause body: the exception is handled (not on the operand stack). With a
    /// name, the body runs under a cleanup handler block that unbinds the name.
    Handler {
        name: Option<&'a str>,
    },
    /// An `except*` clause body: `break`, `continue` and `return` cannot leave it.
    StarHandler,
    /// A with body: `__exit__` is on the stack and a handler block is pushed.
    With,
    /// An `async with` body: as With, and the `__aexit__` result is awaited.
    AsyncWith,
    /// A value (a pending return value) sits on the stack while an inline finally body runs.
    PopValue,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    BigInt(Arc<str>),
    Float(u64),
    Imag(u64),
    Str(Arc<str>),
    Bytes(Arc<[u8]>),
    Ellipsis,
    Tuple(Vec<ConstKey>),
    Code(usize),
}

fn const_key(c: &Const, counter: usize) -> ConstKey {
    match c {
        Const::None => ConstKey::None,
        Const::Bool(b) => ConstKey::Bool(*b),
        Const::Int(i) => ConstKey::Int(*i),
        Const::BigInt(t) => ConstKey::BigInt(t.clone()),
        Const::Float(f) => ConstKey::Float(f.to_bits()),
        Const::Imag(f) => ConstKey::Imag(f.to_bits()),
        Const::Str(s) => ConstKey::Str(s.clone()),
        Const::Bytes(b) => ConstKey::Bytes(b.clone()),
        Const::Ellipsis => ConstKey::Ellipsis,
        Const::Tuple(items) => {
            ConstKey::Tuple(items.iter().map(|c| const_key(c, counter)).collect())
        }
        Const::Code(_) => ConstKey::Code(counter),
    }
}

pub(crate) struct Unit<'a> {
    pub(crate) st: &'a SymbolTable,
    name: Arc<str>,
    pub(crate) qualname: Arc<str>,
    code: Vec<Op>,
    spans: Vec<Span>,
    labels: Vec<u32>,
    consts: Vec<Const>,
    const_index: FxHashMap<ConstKey, u32>,
    names: Vec<Arc<str>>,
    name_index: FxHashMap<Arc<str>, u32>,
    varnames: Vec<Arc<str>>,
    var_index: FxHashMap<Arc<str>, u32>,
    cellvars: Vec<Arc<str>>,
    freevars: Vec<Arc<str>>,
    cell_index: FxHashMap<Arc<str>, u32>,
    cell_params: Vec<Option<u32>>,
    pub(crate) fblocks: Vec<FBlock<'a>>,
    span: Span,
    first_line: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: CodeFlags,
    /// The first `return <value>` (an error in an async generator).
    pub(crate) return_value: Option<Span>,
}

pub(crate) struct Compiler<'a> {
    units: Vec<Unit<'a>>,
    lines: LineIndex,
    filename: Arc<str>,
    code_counter: usize,
    /// Expression nesting (see `symtable::MAX_EXPR_NESTING`).
    depth: u32,
    /// Code for `exec`/`eval`/`compile()`: module-level names use LoadName/StoreName (the
    /// locals mapping may differ from the globals), as CPython compiles every module.
    namespace_names: bool,
    /// `compile(..., 'single')`: module-level expression statements print their value.
    interactive: bool,
}

/// What `compile()` builds: CPython's three modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A sequence of statements.
    Exec,
    /// A single expression; the code returns its value.
    Eval,
    /// A single (possibly compound) statement whose expression statements print their value
    /// through `sys.displayhook` (the VM's builtin named [`DISPLAYHOOK`]).
    Single,
}

/// The builtin that `Mode::Single` code calls on the value of each expression statement (not
/// an identifier, so no Python code can shadow it by accident).
pub const DISPLAYHOOK: &str = "$displayhook";

/// How a name is accessed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameCtx {
    Load,
    Store,
    Delete,
}

pub fn compile_module(
    module: &Module,
    source: &str,
    filename: &str,
) -> Result<Arc<CodeObject>, CompileError> {
    let st = symtable::build(module)?;
    let mut c = Compiler {
        units: Vec::new(),
        lines: LineIndex::new(source),
        filename: filename.into(),
        code_counter: 0,
        depth: 0,
        namespace_names: false,
        interactive: false,
    };
    c.enter_unit(&st, "<module>", "<module>".into(), Span::default());
    c.setup_annotations(&module.body)?;
    c.stmts(&module.body)?;
    if let Some(last) = module.body.last() {
        c.set_span(last.span);
    }
    c.emit(Op::LoadNone);
    c.emit(Op::Return);
    Ok(Arc::new(c.leave_unit()))
}

/// Compile a parsed module for `exec`/`eval`/`compile()` in `mode` (for `Mode::Eval` the
/// module must be one expression statement, checked by the caller).
pub fn compile_dynamic(
    module: &Module,
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Arc<CodeObject>, CompileError> {
    let st = symtable::build(module)?;
    let mut c = Compiler {
        units: Vec::new(),
        lines: LineIndex::new(source),
        filename: filename.into(),
        code_counter: 0,
        depth: 0,
        namespace_names: true,
        interactive: mode == Mode::Single,
    };
    c.enter_unit(&st, "<module>", "<module>".into(), Span::default());
    c.unit_mut().flags.uses_namespace = true;
    match (mode, module.body.as_slice()) {
        (
            Mode::Eval,
            [Stmt {
                kind: StmtKind::Expr(e),
                span,
            }],
        ) => {
            c.set_span(*span);
            c.expr(e)?;
            c.emit(Op::Return);
            return Ok(Arc::new(c.leave_unit()));
        }
        (Mode::Eval, _) => {
            return Err(CompileError::new("invalid syntax", Span::default()));
        }
        _ => {}
    }
    c.setup_annotations(&module.body)?;
    c.stmts(&module.body)?;
    if let Some(last) = module.body.last() {
        c.set_span(last.span);
    }
    c.emit(Op::LoadNone);
    c.emit(Op::Return);
    Ok(Arc::new(c.leave_unit()))
}

impl<'a> Compiler<'a> {
    /// Is an expression statement here one whose value `Mode::Single` prints (at module
    /// level, at any block depth)?
    pub(crate) fn displays_expressions(&self) -> bool {
        self.interactive && self.units.len() == 1
    }

    pub(crate) fn unit(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    pub(crate) fn unit_mut(&mut self) -> &mut Unit<'a> {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }

    pub(crate) fn enter_unit(
        &mut self,
        st: &'a SymbolTable,
        name: &str,
        qualname: Arc<str>,
        span: Span,
    ) {
        let to_arcs = |v: &[String]| {
            v.iter()
                .map(|s| Arc::<str>::from(s.as_str()))
                .collect::<Vec<_>>()
        };
        let varnames = to_arcs(&st.varnames);
        let cellvars = to_arcs(&st.cellvars);
        let freevars = to_arcs(&st.freevars);
        let var_index = varnames
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        let mut cell_index: FxHashMap<Arc<str>, u32> = FxHashMap::default();
        for (i, n) in cellvars.iter().chain(&freevars).enumerate() {
            cell_index.entry(n.clone()).or_insert(i as u32);
        }
        let cell_params = cellvars
            .iter()
            .map(|c| {
                st.params
                    .iter()
                    .position(|p| p.as_str() == &**c)
                    .map(|i| i as u32)
            })
            .collect();
        let first_line = if st.kind == ScopeKind::Module {
            1
        } else {
            self.lines.line(span.start)
        };
        self.units.push(Unit {
            st,
            name: name.into(),
            qualname,
            code: Vec::new(),
            spans: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_index: FxHashMap::default(),
            names: Vec::new(),
            name_index: FxHashMap::default(),
            varnames,
            var_index,
            cellvars,
            freevars,
            cell_index,
            cell_params,
            fblocks: Vec::new(),
            span,
            first_line,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: CodeFlags {
                uses_namespace: st.kind == ScopeKind::Class,
                ..CodeFlags::default()
            },
            return_value: None,
        });
    }

    pub(crate) fn set_arg_counts(
        &mut self,
        argcount: u32,
        posonly: u32,
        kwonly: u32,
        varargs: bool,
        varkw: bool,
    ) {
        let u = self.unit_mut();
        u.argcount = argcount;
        u.posonlyargcount = posonly;
        u.kwonlyargcount = kwonly;
        u.flags.varargs = varargs;
        u.flags.varkeywords = varkw;
    }

    /// Finish the current unit: resolve labels, optimise, compute lines and stack depth.
    pub(crate) fn leave_unit(&mut self) -> CodeObject {
        let Some(u) = self.units.pop() else {
            return empty_code(&self.filename);
        };
        let (code, spans) = crate::assemble::assemble(u.code, u.spans, &u.labels);
        let lines = spans.iter().map(|s| self.lines.line(s.start)).collect();
        let max_stack = match crate::verify::max_stack(&code) {
            Ok(n) => n,
            Err(e) => {
                debug_assert!(false, "stack verification failed in {}: {e}", u.qualname);
                crate::verify::stack_upper_bound(&code)
            }
        };
        CodeObject {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            code,
            spans,
            lines,
            first_line: u.first_line,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell_params: u.cell_params,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags: u.flags,
            docstring: None,
            max_stack,
        }
    }

    // ---- emission ----

    pub(crate) fn emit(&mut self, op: Op) {
        let u = self.unit_mut();
        u.code.push(op);
        u.spans.push(u.span);
    }

    pub(crate) fn emit_jump(&mut self, make: fn(u32) -> Op, target: Label) {
        self.emit(make(target.0));
    }

    pub(crate) fn new_label(&mut self) -> Label {
        let u = self.unit_mut();
        u.labels.push(u32::MAX);
        Label(u.labels.len() as u32 - 1)
    }

    pub(crate) fn bind(&mut self, l: Label) {
        let u = self.unit_mut();
        u.labels[l.0 as usize] = u.code.len() as u32;
    }

    /// Set the span given to the next instructions; returns the previous one.
    pub(crate) fn set_span(&mut self, span: Span) -> Span {
        std::mem::replace(&mut self.unit_mut().span, span)
    }

    pub(crate) fn add_const(&mut self, c: Const) -> u32 {
        self.code_counter += 1;
        let key = const_key(&c, self.code_counter);
        let u = self.unit_mut();
        if let Some(&i) = u.const_index.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        u.const_index.insert(key, i);
        i
    }

    pub(crate) fn load_const(&mut self, c: Const) {
        match c {
            Const::None => self.emit(Op::LoadNone),
            Const::Int(i) if i32::try_from(i).is_ok() => self.emit(Op::LoadSmallInt(i as i32)),
            c => {
                let i = self.add_const(c);
                self.emit(Op::LoadConst(i));
            }
        }
    }

    pub(crate) fn name_index(&mut self, name: &str) -> u32 {
        let u = self.unit_mut();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        let a: Arc<str> = name.into();
        u.names.push(a.clone());
        u.name_index.insert(a, i);
        i
    }

    /// The cell index of a cell or free variable of the current unit.
    pub(crate) fn cell_index(&self, name: &str, span: Span) -> Result<u32, CompileError> {
        self.unit().cell_index.get(name).copied().ok_or_else(|| {
            CompileError::new(
                format!("internal compiler error: no cell for '{name}'"),
                span,
            )
        })
    }

    /// Load, store or delete a variable, choosing the instruction from its resolved scope.
    pub(crate) fn name_op(&mut self, name: &str, ctx: NameCtx) -> R {
        let u = self.unit();
        let kind = u.st.kind;
        let scope = u.st.scope_of(name);
        let span = u.span;
        enum Access {
            Fast(u32),
            Deref(u32),
            Global,
            Name,
        }
        let access = match (kind, scope) {
            (_, Scope::GlobalExplicit) => Access::Global,
            (ScopeKind::Module, _) if self.namespace_names => Access::Name,
            (ScopeKind::Module, _) => Access::Global,
            (_, Scope::Free) | (_, Scope::Cell) => Access::Deref(self.cell_index(name, span)?),
            (ScopeKind::Class, _) => Access::Name,
            (_, Scope::GlobalImplicit) => Access::Global,
            (_, Scope::Local) => match u.var_index.get(name) {
                Some(&i) => Access::Fast(i),
                None => {
                    return Err(CompileError::new(
                        format!("internal compiler error: no local slot for '{name}'"),
                        span,
                    ))
                }
            },
        };
        let op = match access {
            Access::Fast(i) => match ctx {
                NameCtx::Load => Op::LoadFast(i),
                NameCtx::Store => Op::StoreFast(i),
                NameCtx::Delete => Op::DeleteFast(i),
            },
            Access::Deref(i) => match ctx {
                NameCtx::Load => Op::LoadDeref(i),
                NameCtx::Store => Op::StoreDeref(i),
                NameCtx::Delete => Op::DeleteDeref(i),
            },
            Access::Global => {
                let i = self.name_index(name);
                match ctx {
                    NameCtx::Load => Op::LoadGlobal(i),
                    NameCtx::Store => Op::StoreGlobal(i),
                    NameCtx::Delete => Op::DeleteGlobal(i),
                }
            }
            Access::Name => {
                let i = self.name_index(name);
                match ctx {
                    NameCtx::Load => Op::LoadName(i),
                    NameCtx::Store => Op::StoreName(i),
                    NameCtx::Delete => Op::DeleteName(i),
                }
            }
        };
        self.emit(op);
        Ok(())
    }

    /// Mark the current unit as a generator (it compiled a `yield`).
    pub(crate) fn mark_generator(&mut self) {
        self.unit_mut().flags.generator = true;
    }

    /// Mark the current unit as a coroutine (`async def`).
    pub(crate) fn mark_coroutine(&mut self) {
        self.unit_mut().flags.coroutine = true;
    }

    /// May the current unit contain `await` / `async for`: an `async def`, or a comprehension
    /// nested (through comprehensions only) in one. Such a comprehension becomes a coroutine
    /// (an async generator for a generator expression) when it uses one.
    pub(crate) fn in_async_context(&self) -> bool {
        for u in self.units.iter().rev() {
            if u.flags.coroutine {
                return true;
            }
            if u.st.kind != ScopeKind::Comprehension {
                return false;
            }
            if &*u.name == "<genexpr>" {
                return true; // an asynchronous generator expression is allowed anywhere
            }
        }
        false
    }

    /// Is the current unit a coroutine (`async def`)?
    pub(crate) fn is_coroutine(&self) -> bool {
        self.unit().flags.coroutine
    }

    pub(crate) fn scope_kind(&self) -> ScopeKind {
        self.unit().st.kind
    }
}

fn empty_code(filename: &Arc<str>) -> CodeObject {
    CodeObject {
        name: "<module>".into(),
        qualname: "<module>".into(),
        filename: filename.clone(),
        code: vec![Op::LoadNone, Op::Return],
        spans: vec![Span::default(); 2],
        lines: vec![1; 2],
        first_line: 1,
        consts: Vec::new(),
        names: Vec::new(),
        varnames: Vec::new(),
        cellvars: Vec::new(),
        freevars: Vec::new(),
        cell_params: Vec::new(),
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        flags: CodeFlags::default(),
        docstring: None,
        max_stack: 1,
    }
}

/// The compile-time value of a literal.
pub(crate) fn constant(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(*b),
        Constant::Int(i) => Const::Int(*i),
        Constant::BigInt(t) => Const::BigInt(t.as_str().into()),
        Constant::Float(f) => Const::Float(*f),
        Constant::Imag(f) => Const::Imag(*f),
        Constant::Str(s) => Const::Str(s.as_str().into()),
        Constant::Bytes(b) => Const::Bytes(b.as_slice().into()),
        Constant::Ellipsis => Const::Ellipsis,
    }
}

/// Truthiness of a literal (for folding `while True:` and friends).
pub(crate) fn constant_truth(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(_) => true,
        Constant::Float(f) | Constant::Imag(f) => *f != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Ellipsis => true,
    }
}
