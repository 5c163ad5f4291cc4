//! Scope analysis, in the manner of CPython's `symtable.c`.
//!
//! A first pass walks the AST and records, per scope (module, function, lambda, class body,
//! comprehension), every name with flags saying how it is used (assigned, a parameter, declared
//! `global` / `nonlocal`, read). A second pass resolves each name to a [`Scope`]: local, global
//! (explicit or implicit), free (captured from an enclosing function) or cell (a local that an
//! inner function captures). Class scopes do not enclose their methods: a method cannot see
//! class-level names, its free names resolve to the enclosing function or to globals.
//!
//! Nested scopes are found again by the compiler through [`SymbolTable::child`], keyed by the
//! address of their AST node ([`node_id`]), so the compiler may visit them in any order.

use gilvm_syntax::ast::*;
use gilvm_syntax::Span;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::CompileError;

#[cfg(test)]
mod tests;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Lambda,
    Class,
    Comprehension,
}

impl ScopeKind {
    /// Function-like scopes keep their locals in fast slots.
    pub fn is_function(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

/// Where a name lives, once resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Bound in this scope (a fast local in functions; the namespace in classes and modules).
    Local,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound in this scope nor in an enclosing function: a global or builtin.
    GlobalImplicit,
    /// Bound in an enclosing function (or declared `nonlocal`).
    Free,
    /// A local of this function captured by an inner function.
    Cell,
}

/// Name flags collected by the first pass.
pub const DEF_LOCAL: u32 = 1;
pub const DEF_PARAM: u32 = 1 << 1;
pub const DEF_GLOBAL: u32 = 1 << 2;
pub const DEF_NONLOCAL: u32 = 1 << 3;
pub const USE: u32 = 1 << 4;
pub const DEF_IMPORT: u32 = 1 << 5;
/// A class-local name that inner functions also capture from an enclosing function: the class
/// body passes the enclosing cell through (it is both Local and in `freevars`).
pub const DEF_FREE_CLASS: u32 = 1 << 6;
/// An iteration variable of a comprehension.
pub const DEF_COMP_ITER: u32 = 1 << 7;
pub const DEF_ANNOT: u32 = 1 << 8;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub flags: u32,
    pub scope: Scope,
    /// Where the name was declared `global`/`nonlocal` (for errors found during resolution).
    pub decl_span: Span,
}

/// The identity of an AST node that opens a scope (its address; the AST is not moved while
/// compiling).
pub fn node_id<T>(node: &T) -> usize {
    node as *const T as usize
}

#[derive(Clone, Debug)]
pub struct SymbolTable {
    pub kind: ScopeKind,
    pub name: String,
    pub span: Span,
    symbols: Vec<Symbol>,
    index: FxHashMap<String, usize>,
    pub children: Vec<SymbolTable>,
    child_of_node: FxHashMap<usize, usize>,
    /// Parameter names in slot order (posonly, args, kwonly, *args, **kwargs).
    pub params: Vec<String>,
    /// A class body whose methods use `super` or `__class__`: it owns a `__class__` cell.
    pub needs_class_closure: bool,
    /// Function-like scopes: parameters, then the other fast locals.
    pub varnames: Vec<String>,
    /// Locals captured by inner functions (and `__class__` for classes that need it).
    pub cellvars: Vec<String>,
    /// Names captured from enclosing functions, including pass-through ones.
    pub freevars: Vec<String>,
}

impl SymbolTable {
    fn new(kind: ScopeKind, name: &str, span: Span) -> SymbolTable {
        SymbolTable {
            kind,
            name: name.to_string(),
            span,
            symbols: Vec::new(),
            index: FxHashMap::default(),
            children: Vec::new(),
            child_of_node: FxHashMap::default(),
            params: Vec::new(),
            needs_class_closure: false,
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
        }
    }

    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    /// The resolved scope of a name (names the scope never mentions are implicit globals).
    pub fn scope_of(&self, name: &str) -> Scope {
        self.lookup(name)
            .map(|s| s.scope)
            .unwrap_or(Scope::GlobalImplicit)
    }

    pub fn symbols(&self) -> &[Symbol] {
        &self.symbols
    }

    /// The scope opened by an AST node (see [`node_id`]).
    pub fn child(&self, node: usize) -> Option<&SymbolTable> {
        self.child_of_node.get(&node).map(|&i| &self.children[i])
    }

    fn flags_mut(&mut self, name: &str) -> Option<&mut u32> {
        let i = *self.index.get(name)?;
        Some(&mut self.symbols[i].flags)
    }

    fn flags(&self, name: &str) -> u32 {
        self.lookup(name).map(|s| s.flags).unwrap_or(0)
    }

    fn insert(&mut self, name: &str, flags: u32, span: Span) {
        if let Some(f) = self.flags_mut(name) {
            *f |= flags;
            return;
        }
        self.index.insert(name.to_string(), self.symbols.len());
        self.symbols.push(Symbol {
            name: name.to_string(),
            flags,
            scope: Scope::GlobalImplicit,
            decl_span: span,
        });
    }
}

/// Build and resolve the symbol table of a module.
pub fn build(module: &Module) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        depth: 0,
        stack: vec![SymbolTable::new(ScopeKind::Module, "top", Span::default())],
    };
    b.stmts(&module.body)?;
    let mut top = b
        .stack
        .pop()
        .unwrap_or_else(|| SymbolTable::new(ScopeKind::Module, "top", Span::default()));
    analyze(
        &mut top,
        None,
        &FxHashSet::default(),
        &mut FxHashSet::default(),
    )?;
    Ok(top)
}

// ---------------------------------------------------------------------------------------------
// First pass: collect names and flags.

struct Builder {
    stack: Vec<SymbolTable>,
    /// Expression nesting, bounded so that pathological input cannot overflow the stack.
    depth: u32,
}

type R = Result<(), CompileError>;

impl Builder {
    fn cur(&mut self) -> &mut SymbolTable {
        let n = self.stack.len() - 1;
        &mut self.stack[n]
    }

    fn add_def(&mut self, name: &str, flag: u32, span: Span) -> R {
        let cur = self.cur();
        if flag & DEF_PARAM != 0 && cur.flags(name) & DEF_PARAM != 0 {
            return Err(CompileError::new(
                format!("duplicate argument '{name}' in function definition"),
                span,
            ));
        }
        cur.insert(name, flag, span);
        Ok(())
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, span: Span) {
        self.stack.push(SymbolTable::new(kind, name, span));
    }

    fn leave(&mut self, node: usize) {
        if self.stack.len() < 2 {
            return;
        }
        let Some(child) = self.stack.pop() else {
            return;
        };
        let parent = self.cur();
        parent.child_of_node.insert(node, parent.children.len());
        parent.children.push(child);
    }

    fn stmts(&mut self, body: &[Stmt]) -> R {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                targets.iter().try_for_each(|t| self.target(t))
            }
            StmtKind::AugAssign { target, value, .. } => {
                if let ExprKind::Name(n) = &target.kind {
                    self.add_def(n, DEF_LOCAL | USE, target.span)?;
                } else {
                    self.target(target)?;
                }
                self.expr(value)
            }
            StmtKind::AnnAssign { target, value, .. } => {
                if let ExprKind::Name(n) = &target.kind {
                    let cur = self.cur().flags(n);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && value.is_none() {
                        // `global x` then `x: int`: CPython rejects it.
                        let which = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(CompileError::new(
                            format!("annotated name '{n}' can't be {which}"),
                            target.span,
                        ));
                    }
                    self.add_def(n, DEF_LOCAL | DEF_ANNOT, target.span)?;
                } else {
                    self.target(target)?;
                }
                if let Some(v) = value {
                    self.expr(v)?;
                }
                Ok(())
            }
            StmtKind::If { .. } => {
                // An elif chain nests arbitrarily deep in `orelse`: walk it with a loop.
                let mut cur = s;
                loop {
                    let StmtKind::If { test, body, orelse } = &cur.kind else {
                        return self.stmt(cur);
                    };
                    self.expr(test)?;
                    self.stmts(body)?;
                    match orelse.as_slice() {
                        [next] => cur = next,
                        _ => return self.stmts(orelse),
                    }
                }
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.target(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => Ok(()),
            StmtKind::Return(v) => self.opt_expr(v.as_ref()),
            StmtKind::FunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, s.span)?;
                self.exprs(&f.decorators)?;
                self.param_defaults(&f.params)?;
                self.enter(ScopeKind::Function, &f.name, s.span);
                self.params(&f.params)?;
                self.stmts(&f.body)?;
                self.leave(node_id(&**f));
                Ok(())
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, s.span)?;
                self.exprs(&c.decorators)?;
                self.exprs(&c.bases)?;
                c.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
                self.enter(ScopeKind::Class, &c.name, s.span);
                self.stmts(&c.body)?;
                self.leave(node_id(&**c));
                Ok(())
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body)?;
                for h in handlers {
                    self.opt_expr(h.typ.as_ref())?;
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.span)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)
            }
            StmtKind::Raise { exc, cause } => {
                self.opt_expr(exc.as_ref())?;
                self.opt_expr(cause.as_ref())
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt_expr(msg.as_ref())
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(body)
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(&a.name),
                    };
                    self.add_def(bound, DEF_IMPORT, a.span)?;
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(CompileError::new(
                                "import * only allowed at module level",
                                a.span,
                            ));
                        }
                        continue;
                    }
                    self.add_def(a.asname.as_deref().unwrap_or(&a.name), DEF_IMPORT, a.span)?;
                }
                Ok(())
            }
            StmtKind::Global(names) => self.declare(names, DEF_GLOBAL, "global", s.span),
            StmtKind::Nonlocal(names) => {
                if self.cur().kind == ScopeKind::Module {
                    return Err(CompileError::new(
                        "nonlocal declaration not allowed at module level",
                        s.span,
                    ));
                }
                self.declare(names, DEF_NONLOCAL, "nonlocal", s.span)
            }
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.target(t)),
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for case in cases {
                    self.pattern(&case.pattern)?;
                    self.opt_expr(case.guard.as_ref())?;
                    self.stmts(&case.body)?;
                }
                Ok(())
            }
        }
    }

    /// The names a `case` pattern binds are local; its values and classes are reads.
    fn pattern(&mut self, p: &Pattern) -> R {
        match &p.kind {
            PatternKind::MatchValue(e) => self.expr(e),
            PatternKind::MatchSingleton(_) => Ok(()),
            PatternKind::MatchSequence(items) | PatternKind::MatchOr(items) => {
                items.iter().try_for_each(|i| self.pattern(i))
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.exprs(keys)?;
                patterns.iter().try_for_each(|i| self.pattern(i))?;
                match rest {
                    Some(n) => self.add_def(n, DEF_LOCAL, p.span),
                    None => Ok(()),
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                patterns.iter().try_for_each(|i| self.pattern(i))?;
                kwd_patterns.iter().try_for_each(|i| self.pattern(i))
            }
            PatternKind::MatchStar(name) => match name {
                Some(n) => self.add_def(n, DEF_LOCAL, p.span),
                None => Ok(()),
            },
            PatternKind::MatchAs { pattern, name } => {
                if let Some(inner) = pattern {
                    self.pattern(inner)?;
                }
                match name {
                    Some(n) => self.add_def(n, DEF_LOCAL, p.span),
                    None => Ok(()),
                }
            }
        }
    }

    fn declare(&mut self, names: &[String], flag: u32, what: &str, span: Span) -> R {
        for name in names {
            let cur = self.cur().flags(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT | DEF_IMPORT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {what}")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to {what} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {what}")
                } else {
                    format!("name '{name}' is assigned to before {what} declaration")
                };
                return Err(CompileError::new(msg, span));
            }
            let other = if flag == DEF_GLOBAL {
                DEF_NONLOCAL
            } else {
                DEF_GLOBAL
            };
            if cur & other != 0 {
                return Err(CompileError::new(
                    format!("name '{name}' is nonlocal and global"),
                    span,
                ));
            }
            let t = self.cur();
            t.insert(name, flag, span);
            if let Some(i) = t.index.get(name.as_str()).copied() {
                t.symbols[i].decl_span = span;
            }
        }
        Ok(())
    }

    fn param_defaults(&mut self, p: &Params) -> R {
        for param in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            if let Some(d) = &param.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, p: &Params) -> R {
        let ordered = p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(&p.kwonly)
            .chain(&p.vararg)
            .chain(&p.kwarg);
        for param in ordered {
            self.add_def(&param.name, DEF_PARAM, param.span)?;
            self.cur().params.push(param.name.clone());
        }
        Ok(())
    }

    fn opt_expr(&mut self, e: Option<&Expr>) -> R {
        e.map_or(Ok(()), |e| self.expr(e))
    }

    fn exprs(&mut self, es: &[Expr]) -> R {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn target(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::Name(n) => self.add_def(n, DEF_LOCAL, e.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.target(i))
            }
            ExprKind::Starred(inner) => self.target(inner),
            // Attribute, subscript (and anything invalid, which the compiler rejects): the
            // sub-expressions are reads.
            _ => self.expr(e),
        }
    }

    fn expr(&mut self, e: &Expr) -> R {
        if self.depth >= MAX_EXPR_NESTING {
            return Err(CompileError::new("expression too deeply nested", e.span));
        }
        self.depth += 1;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::Name(n) => {
                self.add_def(n, USE, e.span)?;
                if n == "super" && self.cur().kind.is_function() {
                    self.add_def("__class__", USE, e.span)?;
                }
                Ok(())
            }
            ExprKind::Constant(_) => Ok(()),
            ExprKind::JoinedStr(parts) => self.fstring(parts),
            ExprKind::BinOp { .. } => {
                // Long `a + b + c + ...` chains nest to the left: walk them without recursion.
                let (first, rest) = left_spine(e);
                self.expr(first)?;
                rest.iter().rev().try_for_each(|node| match &node.kind {
                    ExprKind::BinOp { right, .. } => self.expr(right),
                    _ => Ok(()),
                })
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))
            }
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)
            }
            ExprKind::Slice { lower, upper, step } => {
                self.opt_expr(lower.as_deref())?;
                self.opt_expr(upper.as_deref())?;
                self.opt_expr(step.as_deref())
            }
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                self.exprs(items)
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values) {
                    self.opt_expr(k.as_ref())?;
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, &[elt])
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, &[elt])
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, &[elt])
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, &[key, value]),
            ExprKind::Lambda { params, body } => {
                self.param_defaults(params)?;
                self.enter(ScopeKind::Lambda, "<lambda>", e.span);
                self.params(params)?;
                self.expr(body)?;
                self.leave(node_id(e));
                Ok(())
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Starred(inner) => self.expr(inner),
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.named_target(target)
            }
            ExprKind::Yield(v) => self.opt_expr(v.as_deref()),
            ExprKind::YieldFrom(v) | ExprKind::Await(v) => self.expr(v),
        }
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> R {
        for p in parts {
            if let FStringPart::Formatted {
                value, format_spec, ..
            } = p
            {
                self.expr(value)?;
                if let Some(spec) = format_spec {
                    self.fstring(spec)?;
                }
            }
        }
        Ok(())
    }

    fn comprehension(&mut self, e: &Expr, name: &str, gens: &[Comprehension], elts: &[&Expr]) -> R {
        let Some(first) = gens.first() else {
            return Ok(());
        };
        // The outermost iterable is evaluated in the enclosing scope.
        self.expr(&first.iter)?;
        self.enter(ScopeKind::Comprehension, name, e.span);
        self.add_def(".0", DEF_PARAM, e.span)?;
        self.cur().params.push(".0".to_string());
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.comp_target(&g.target)?;
            self.exprs(&g.ifs)?;
        }
        for elt in elts {
            self.expr(elt)?;
        }
        self.leave(node_id(e));
        Ok(())
    }

    fn comp_target(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::Name(n) => self.add_def(n, DEF_LOCAL | DEF_COMP_ITER, e.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.comp_target(i))
            }
            ExprKind::Starred(inner) => self.comp_target(inner),
            _ => self.expr(e),
        }
    }

    /// `name := value`: inside a comprehension the name binds in the enclosing function (or
    /// module) scope, as PEP 572 says.
    fn named_target(&mut self, target: &Expr) -> R {
        let ExprKind::Name(name) = &target.kind else {
            return self.target(target);
        };
        if self.cur().kind != ScopeKind::Comprehension {
            return self.add_def(name, DEF_LOCAL, target.span);
        }
        for i in (0..self.stack.len()).rev() {
            let kind = self.stack[i].kind;
            match kind {
                ScopeKind::Comprehension => {
                    if self.stack[i].flags(name) & DEF_COMP_ITER != 0 {
                        return Err(CompileError::new(
                            format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                            target.span,
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    self.mark_comprehensions_from(i + 1, name, DEF_NONLOCAL, target.span);
                    self.stack[i].insert(name, DEF_LOCAL, target.span);
                    return Ok(());
                }
                ScopeKind::Module => {
                    self.mark_comprehensions_from(i + 1, name, DEF_GLOBAL, target.span);
                    self.stack[i].insert(name, DEF_GLOBAL, target.span);
                    return Ok(());
                }
                ScopeKind::Class => {
                    return Err(CompileError::new(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.span,
                    ));
                }
            }
        }
        Ok(())
    }

    fn mark_comprehensions_from(&mut self, from: usize, name: &str, flag: u32, span: Span) {
        for t in &mut self.stack[from..] {
            t.insert(name, flag | USE, span);
            if let Some(i) = t.index.get(name).copied() {
                t.symbols[i].decl_span = span;
            }
        }
    }
}

/// How deeply expressions may nest (CPython raises RecursionError during compilation for
/// similar depths); long left-nested operator chains do not count.
pub const MAX_EXPR_NESTING: u32 = 200;

/// For `((a op b) op c) op d`: the leftmost operand and the BinOp nodes from the outermost in.
pub(crate) fn left_spine(e: &Expr) -> (&Expr, Vec<&Expr>) {
    let mut nodes = Vec::new();
    let mut cur = e;
    while let ExprKind::BinOp { left, .. } = &cur.kind {
        nodes.push(cur);
        cur = left;
    }
    (cur, nodes)
}

// ---------------------------------------------------------------------------------------------
// Second pass: resolve scopes (CPython's analyze_block / analyze_name).

/// `bound`: names bound in enclosing function scopes (None at module level). `global`: names
/// declared global in enclosing scopes. Free names of this scope and its children are added to
/// `free` for the parent.
fn analyze(
    t: &mut SymbolTable,
    bound: Option<&FxHashSet<String>>,
    global: &FxHashSet<String>,
    free: &mut FxHashSet<String>,
) -> Result<(), CompileError> {
    let mut local: FxHashSet<String> = FxHashSet::default();
    // analyze_name updates these copies; class scopes pass the unmodified ones to children.
    let mut global_here = global.clone();
    let mut bound_here: Option<FxHashSet<String>> = bound.cloned();
    for sym in &mut t.symbols {
        let flags = sym.flags;
        let name = &sym.name;
        sym.scope = if flags & DEF_GLOBAL != 0 {
            global_here.insert(name.clone());
            if let Some(b) = bound_here.as_mut() {
                b.remove(name);
            }
            Scope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            let Some(b) = bound else {
                return Err(CompileError::new(
                    "nonlocal declaration not allowed at module level",
                    sym.decl_span,
                ));
            };
            if !b.contains(name) {
                return Err(CompileError::new(
                    format!("no binding for nonlocal '{name}' found"),
                    sym.decl_span,
                ));
            }
            free.insert(name.clone());
            Scope::Free
        } else if flags & DEF_BOUND != 0 {
            local.insert(name.clone());
            global_here.remove(name);
            Scope::Local
        } else if bound.is_some_and(|b| b.contains(name)) {
            free.insert(name.clone());
            Scope::Free
        } else {
            Scope::GlobalImplicit
        };
    }

    // What the children see.
    let (child_bound, child_global) = if t.kind == ScopeKind::Class {
        let mut b = bound.cloned().unwrap_or_default();
        b.insert("__class__".to_string());
        (b, global.clone())
    } else {
        let mut b = bound_here.unwrap_or_default();
        if t.kind.is_function() {
            b.extend(local.iter().cloned());
        }
        (b, global_here)
    };
    let mut new_free: FxHashSet<String> = FxHashSet::default();
    for child in &mut t.children {
        analyze(child, Some(&child_bound), &child_global, &mut new_free)?;
    }

    // Locals captured by children become cells.
    if t.kind.is_function() {
        for sym in &mut t.symbols {
            if sym.scope == Scope::Local && new_free.remove(&sym.name) {
                sym.scope = Scope::Cell;
            }
        }
    } else if t.kind == ScopeKind::Class && new_free.remove("__class__") {
        t.needs_class_closure = true;
    }

    // Free names of children not resolved here pass through this scope (CPython's
    // update_symbols).
    let mut pass: Vec<&String> = new_free.iter().collect();
    pass.sort();
    for name in pass {
        if let Some(&i) = t.index.get(name) {
            let sym = &mut t.symbols[i];
            if t.kind == ScopeKind::Class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                sym.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name)) {
            continue;
        }
        t.insert(name, 0, Span::default());
        if let Some(&i) = t.index.get(name) {
            t.symbols[i].scope = Scope::Free;
        }
    }
    free.extend(new_free);
    finish_lists(t);
    Ok(())
}

fn finish_lists(t: &mut SymbolTable) {
    t.varnames.clear();
    t.cellvars.clear();
    t.freevars.clear();
    if t.kind.is_function() {
        t.varnames = t.params.clone();
        for sym in &t.symbols {
            if sym.scope == Scope::Local && sym.flags & DEF_PARAM == 0 {
                t.varnames.push(sym.name.clone());
            }
        }
    }
    for sym in &t.symbols {
        if sym.scope == Scope::Cell {
            t.cellvars.push(sym.name.clone());
        }
        if sym.scope == Scope::Free || sym.flags & DEF_FREE_CLASS != 0 {
            t.freevars.push(sym.name.clone());
        }
    }
    if t.needs_class_closure {
        t.cellvars.push("__class__".to_string());
    }
}
