//! The abstract syntax tree. It follows CPython's `ast` module closely (same node names, same
//! shapes) so that anyone who knows `ast.dump` can read it. Every statement and expression carries
//! the byte span of its source text; line and column are derived from spans on the cold path
//! (see [`crate::span::LineIndex`]).

use crate::span::Span;

/// A whole file.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect (`f(x)`).
    Expr(Expr),
    /// `a = b = value`: one or more targets. A target is a Name, Attribute, Subscript, Tuple,
    /// List or Starred (inside a Tuple/List) expression.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `target op= value` (`op` is the binary operator, e.g. Add for `+=`).
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `target: annotation [= value]` (see the compiler's compile/annotate.rs).
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    /// `if test: body` with `elif` represented as a nested `If` alone in `orelse`.
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    Break,
    Continue,
    Pass,
    Return(Option<Expr>),
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        /// `except*` clauses (PEP 654): every handler is one (CPython's `TryStar`).
        is_star: bool,
    },
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    /// `import a.b as c, d`
    Import(Vec<Alias>),
    /// `from module import a as b, c` / `from module import *` (one Alias named "*").
    /// `level` counts leading dots (`from ..m import x` has level 2).
    ImportFrom {
        module: String,
        names: Vec<Alias>,
        level: u32,
    },
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    /// `del a, b[0], c.d`
    Delete(Vec<Expr>),
    /// `match subject:` with its `case` clauses (PEP 634).
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
}

/// One `case pattern [if guard]: body` of a `match` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

/// The pattern nodes of CPython's `ast` module.
#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    /// A literal (number, string, `-1`) or a dotted value (`Color.RED`), compared with `==`.
    MatchValue(Expr),
    /// `None`, `True` or `False`, compared with `is`.
    MatchSingleton(Constant),
    /// `[a, *rest]` / `(a, b)` / `a, b`: at most one `MatchStar` among the items.
    MatchSequence(Vec<Pattern>),
    /// `{key: pattern, **rest}`; keys are literals or dotted values.
    MatchMapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<String>,
    },
    /// `Cls(p1, attr=p2)`.
    MatchClass {
        cls: Expr,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<String>,
        kwd_patterns: Vec<Pattern>,
    },
    /// `*name` / `*_` inside a sequence pattern.
    MatchStar(Option<String>),
    /// `pattern as name`, a capture `name` (no pattern) or the wildcard `_` (neither).
    MatchAs {
        pattern: Option<Box<Pattern>>,
        name: Option<String>,
    },
    /// `p1 | p2 | ...`
    MatchOr(Vec<Pattern>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: String,
    pub params: Params,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: String,
    pub bases: Vec<Expr>,
    /// `class A(B, metaclass=M)`: keyword arguments in the class header.
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

/// A parameter list: `def f(a, b=1, /, c=2, *args, d, e=3, **kw)`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Params {
    /// Positional-only parameters (before `/`).
    pub posonly: Vec<Param>,
    /// Positional-or-keyword parameters.
    pub args: Vec<Param>,
    /// `*args`
    pub vararg: Option<Param>,
    /// Keyword-only parameters (after `*` or `*args`).
    pub kwonly: Vec<Param>,
    /// `**kwargs`
    pub kwarg: Option<Param>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: String,
    pub default: Option<Expr>,
    pub annotation: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// `except T` / `except (A, B)`; None for a bare `except:`.
    pub typ: Option<Expr>,
    /// `except T as name`
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// Possibly dotted (`os.path`) for `import`; a plain name for `from ... import`.
    pub name: String,
    pub asname: Option<String>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Name(String),
    Constant(Constant),
    /// An f-string: literal pieces and formatted values, in order.
    JoinedStr(Vec<FStringPart>),
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// `a and b and c` (values has 2 or more elements).
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `a < b <= c`: `ops.len() == comparators.len() >= 1`.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// `func(args, *star, kw=v, **kwargs)`. A `*x` argument is a `Starred` in `args`;
    /// a `**x` argument is a Keyword with `arg: None`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    Attribute {
        value: Box<Expr>,
        attr: String,
    },
    /// `value[index]`; a slice index is a `Slice` expression, `a[1:2, 3]` a Tuple holding one.
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    /// Only valid as (part of) a subscript index.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    /// `{k: v, **other}`: a `None` key marks a `**other` entry whose mapping is in `values`.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set(Vec<Expr>),
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Lambda {
        params: Box<Params>,
        body: Box<Expr>,
    },
    /// `body if test else orelse`
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `*value` in a call, a display or an assignment target.
    Starred(Box<Expr>),
    /// `target := value`
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    Await(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(i64),
    /// An int literal outside i64: its digits (lowercase, no underscores, `0x`/`0o`/`0b`
    /// prefix kept, `-` in front when a negation was folded in).
    BigInt(String),
    Float(f64),
    /// An imaginary literal (`2j`): its imaginary part.
    Imag(f64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    Literal(String),
    /// `{value!conversion:format_spec}`. `debug_text` is `Some("x=")` for `{x=}`, whose output
    /// is that text followed by the repr of the value (unless a conversion or spec is given).
    Formatted {
        value: Box<Expr>,
        /// 's', 'r' or 'a'.
        conversion: Option<char>,
        /// The spec may itself contain replacement fields (`{x:>{width}}`).
        format_spec: Option<Vec<FStringPart>>,
        debug_text: Option<String>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// None for `**mapping`.
    pub arg: Option<String>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

impl BinOp {
    /// The operator as written in source (`+`, `//`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::MatMult => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Iterative destruction. The parser builds long chains with loops (`a + b + ...`, `a.b.c...`,
// `f()()...`, `not not ...`, `x ** y ** ...`, `a if b else c if d else ...`, elif chains), so
// the tree can be far deeper than the Rust stack allows recursive drop glue to walk. These Drop
// impls move every child out into an explicit stack first; the emptied nodes then drop in O(1).

/// A childless placeholder left behind in a node whose children were moved out.
const EMPTY_EXPR: ExprKind = ExprKind::Constant(Constant::None);

impl Drop for Expr {
    fn drop(&mut self) {
        if !has_children(&self.kind) {
            return;
        }
        let mut exprs = Vec::new();
        let mut stmts = Vec::new();
        expr_children(std::mem::replace(&mut self.kind, EMPTY_EXPR), &mut exprs);
        drain(&mut exprs, &mut stmts);
    }
}

impl Drop for Stmt {
    fn drop(&mut self) {
        if !stmt_has_children(&self.kind) {
            return;
        }
        let mut exprs = Vec::new();
        let mut stmts = Vec::new();
        stmt_children(
            std::mem::replace(&mut self.kind, StmtKind::Pass),
            &mut exprs,
            &mut stmts,
        );
        drain(&mut exprs, &mut stmts);
    }
}

/// Empty both work lists, moving the children of every node popped into them. Each popped node
/// is left childless, so its own Drop returns at once.
fn drain(exprs: &mut Vec<Expr>, stmts: &mut Vec<Stmt>) {
    loop {
        if let Some(mut e) = exprs.pop() {
            if has_children(&e.kind) {
                expr_children(std::mem::replace(&mut e.kind, EMPTY_EXPR), exprs);
            }
        } else if let Some(mut s) = stmts.pop() {
            if stmt_has_children(&s.kind) {
                let kind = std::mem::replace(&mut s.kind, StmtKind::Pass);
                stmt_children(kind, exprs, stmts);
            }
        } else {
            return;
        }
    }
}

fn has_children(kind: &ExprKind) -> bool {
    !matches!(
        kind,
        ExprKind::Name(_)
            | ExprKind::Constant(_)
            | ExprKind::Yield(None)
            | ExprKind::Slice {
                lower: None,
                upper: None,
                step: None
            }
    )
}

fn stmt_has_children(kind: &StmtKind) -> bool {
    !matches!(
        kind,
        StmtKind::Break
            | StmtKind::Continue
            | StmtKind::Pass
            | StmtKind::Return(None)
            | StmtKind::Import(_)
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_)
            | StmtKind::Raise {
                exc: None,
                cause: None
            }
    )
}

fn push_box(b: Option<Box<Expr>>, out: &mut Vec<Expr>) {
    if let Some(b) = b {
        out.push(*b);
    }
}

fn params_children(p: Params, out: &mut Vec<Expr>) {
    let Params {
        posonly,
        args,
        vararg,
        kwonly,
        kwarg,
    } = p;
    let all = posonly.into_iter().chain(args).chain(vararg).chain(kwonly);
    for param in all.chain(kwarg) {
        out.extend(param.default);
        out.extend(param.annotation);
    }
}

fn comprehension_children(gens: Vec<Comprehension>, out: &mut Vec<Expr>) {
    for g in gens {
        out.push(g.target);
        out.push(g.iter);
        out.extend(g.ifs);
    }
}

fn fstring_children(parts: Vec<FStringPart>, out: &mut Vec<Expr>) {
    // Format specs nest at most a couple of levels (the parser limits them), so recursion here
    // is bounded.
    for part in parts {
        if let FStringPart::Formatted {
            value, format_spec, ..
        } = part
        {
            out.push(*value);
            if let Some(spec) = format_spec {
                fstring_children(spec, out);
            }
        }
    }
}

/// Move the direct child expressions of `kind` into `out`.
fn expr_children(kind: ExprKind, out: &mut Vec<Expr>) {
    match kind {
        ExprKind::Name(_) | ExprKind::Constant(_) => {}
        ExprKind::JoinedStr(parts) => fstring_children(parts, out),
        ExprKind::BinOp { left, right, .. } => {
            out.push(*left);
            out.push(*right);
        }
        ExprKind::UnaryOp { operand: e, .. }
        | ExprKind::Starred(e)
        | ExprKind::YieldFrom(e)
        | ExprKind::Await(e)
        | ExprKind::Attribute { value: e, .. } => out.push(*e),
        ExprKind::BoolOp { values, .. }
        | ExprKind::List(values)
        | ExprKind::Tuple(values)
        | ExprKind::Set(values) => out.extend(values),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            out.push(*left);
            out.extend(comparators);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            out.push(*func);
            out.extend(args);
            out.extend(keywords.into_iter().map(|k| k.value));
        }
        ExprKind::Subscript { value, index } => {
            out.push(*value);
            out.push(*index);
        }
        ExprKind::Slice { lower, upper, step } => {
            push_box(lower, out);
            push_box(upper, out);
            push_box(step, out);
        }
        ExprKind::Dict { keys, values } => {
            out.extend(keys.into_iter().flatten());
            out.extend(values);
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            out.push(*elt);
            comprehension_children(generators, out);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push(*key);
            out.push(*value);
            comprehension_children(generators, out);
        }
        ExprKind::Lambda { params, body } => {
            params_children(*params, out);
            out.push(*body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            out.push(*test);
            out.push(*body);
            out.push(*orelse);
        }
        ExprKind::NamedExpr { target, value } => {
            out.push(*target);
            out.push(*value);
        }
        ExprKind::Yield(value) => push_box(value, out),
    }
}

/// Move the direct child expressions and statements of `kind` into `exprs` and `stmts`.
fn stmt_children(kind: StmtKind, exprs: &mut Vec<Expr>, stmts: &mut Vec<Stmt>) {
    match kind {
        StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Pass
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_) => {}
        StmtKind::Expr(e) => exprs.push(e),
        StmtKind::Assign { targets, value } => {
            exprs.extend(targets);
            exprs.push(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            exprs.push(target);
            exprs.push(value);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => {
            exprs.push(target);
            exprs.push(annotation);
            exprs.extend(value);
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            exprs.push(test);
            stmts.extend(body);
            stmts.extend(orelse);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            exprs.push(target);
            exprs.push(iter);
            stmts.extend(body);
            stmts.extend(orelse);
        }
        StmtKind::Return(value) => exprs.extend(value),
        StmtKind::FunctionDef(f) => {
            let FunctionDef {
                params,
                body,
                decorators,
                returns,
                ..
            } = *f;
            params_children(params, exprs);
            stmts.extend(body);
            exprs.extend(decorators);
            exprs.extend(returns);
        }
        StmtKind::ClassDef(c) => {
            let ClassDef {
                bases,
                keywords,
                body,
                decorators,
                ..
            } = *c;
            exprs.extend(bases);
            exprs.extend(keywords.into_iter().map(|k| k.value));
            stmts.extend(body);
            exprs.extend(decorators);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            stmts.extend(body);
            for h in handlers {
                exprs.extend(h.typ);
                stmts.extend(h.body);
            }
            stmts.extend(orelse);
            stmts.extend(finalbody);
        }
        StmtKind::Raise { exc, cause } => {
            exprs.extend(exc);
            exprs.extend(cause);
        }
        StmtKind::Assert { test, msg } => {
            exprs.push(test);
            exprs.extend(msg);
        }
        StmtKind::With { items, body, .. } => {
            for item in items {
                exprs.push(item.context_expr);
                exprs.extend(item.optional_vars);
            }
            stmts.extend(body);
        }
        StmtKind::Delete(targets) => exprs.extend(targets),
        StmtKind::Match { subject, cases } => {
            // Patterns nest no deeper than the parser's expression limit; they drop normally.
            exprs.push(subject);
            for case in cases {
                exprs.extend(case.guard);
                stmts.extend(case.body);
            }
        }
    }
}
