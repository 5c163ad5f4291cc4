//! Scopes that become code objects: def, lambda and class bodies.

use std::sync::Arc;

use gilvm_syntax::ast::*;
use gilvm_syntax::Span;

use super::expr::const_value;
use super::{Compiler, NameCtx, R};
use crate::code::{CodeObject, Const};
use crate::op::*;
use crate::symtable::{node_id, SymbolTable};
use crate::CompileError;

impl<'a> Compiler<'a> {
    pub(crate) fn child_scope(
        &self,
        node: usize,
        span: Span,
    ) -> Result<&'a SymbolTable, CompileError> {
        let st: &'a SymbolTable = self.unit().st;
        st.child(node)
            .ok_or_else(|| CompileError::new("internal compiler error: missing scope", span))
    }

    /// Push the closure tuple (if the code has free variables) and the code constant, then
    /// MakeFunction with `flags` plus the closure flag.
    pub(crate) fn make_function(&mut self, code: CodeObject, mut flags: u32, span: Span) -> R {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let i = self.cell_index(name, span)?;
                self.emit(Op::LoadClosure(i));
            }
            self.emit(Op::BuildTuple(code.freevars.len() as u32));
            flags |= MAKE_FUNCTION_CLOSURE;
        }
        let c = self.add_const(Const::Code(Arc::new(code)));
        self.emit(Op::LoadConst(c));
        self.emit(Op::MakeFunction(flags));
        Ok(())
    }

    /// Evaluate positional defaults (a tuple) and keyword-only defaults (a dict) in the
    /// enclosing scope; returns the MakeFunction flags.
    fn defaults(&mut self, params: &'a Params) -> Result<u32, CompileError> {
        let mut flags = 0;
        let positional: Vec<&'a Param> = params.posonly.iter().chain(&params.args).collect();
        let mut seen_default = false;
        let mut defaults: Vec<&'a Expr> = Vec::new();
        for p in &positional {
            match &p.default {
                Some(d) => {
                    seen_default = true;
                    defaults.push(d);
                }
                None if seen_default => {
                    return Err(CompileError::new(
                        "non-default argument follows default argument",
                        p.span,
                    ));
                }
                None => {}
            }
        }
        if !defaults.is_empty() {
            let consts: Option<Vec<Const>> = defaults.iter().map(|d| const_value(d)).collect();
            match consts {
                Some(c) => {
                    let i = self.add_const(Const::Tuple(c.into()));
                    self.emit(Op::LoadConst(i));
                }
                None => {
                    for d in &defaults {
                        self.expr(d)?;
                    }
                    self.emit(Op::BuildTuple(defaults.len() as u32));
                }
            }
            flags |= MAKE_FUNCTION_DEFAULTS;
        }
        let mut nkw = 0;
        for p in &params.kwonly {
            if let Some(d) = &p.default {
                self.load_str(&p.name);
                self.expr(d)?;
                nkw += 1;
            }
        }
        if nkw > 0 {
            self.emit(Op::BuildMap(nkw));
            flags |= MAKE_FUNCTION_KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Evaluate the parameter and return annotations into a dict in CPython 3.11's order
    /// (`args`, then positional-only, `*args`, keyword-only, `**kwargs`, `return`); returns the
    /// MakeFunction flag (0 when there are none).
    fn annotations(
        &mut self,
        params: &'a Params,
        returns: Option<&'a Expr>,
    ) -> Result<u32, CompileError> {
        let mut n = 0;
        let all = params
            .args
            .iter()
            .chain(&params.posonly)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg);
        for p in all {
            if let Some(a) = &p.annotation {
                self.load_str(&p.name);
                self.expr(a)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_str("return");
            self.expr(r)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Op::BuildMap(n));
        Ok(MAKE_FUNCTION_ANNOTATIONS)
    }

    fn set_params(&mut self, params: &Params) {
        let argcount = (params.posonly.len() + params.args.len()) as u32;
        self.set_arg_counts(
            argcount,
            params.posonly.len() as u32,
            params.kwonly.len() as u32,
            params.vararg.is_some(),
            params.kwarg.is_some(),
        );
    }

    pub(crate) fn function_def(&mut self, f: &'a FunctionDef, span: Span) -> R {
        self.exprs(&f.decorators)?;
        let mut flags = self.defaults(&f.params)?;
        flags |= self.annotations(&f.params, f.returns.as_ref())?;
        let st = self.child_scope(node_id(f), span)?;
        let qualname = self.child_qualname(&f.name);
        self.enter_unit(st, &f.name, qualname, span);
        self.set_params(&f.params);
        if f.is_async {
            self.mark_coroutine();
        }
        self.stmts(&f.body)?;
        if let Some(last) = f.body.last() {
            self.set_span(last.span);
        }
        if self.unit().flags.coroutine && self.unit().flags.generator {
            if let Some(at) = self.unit().return_value {
                return Err(crate::CompileError::new(
                    "'return' with value in async generator",
                    at,
                ));
            }
        }
        self.emit(Op::LoadNone);
        self.emit(Op::Return);
        let mut code = self.leave_unit();
        code.docstring = docstring(&f.body);
        self.set_span(span);
        self.make_function(code, flags, span)?;
        for _ in &f.decorators {
            self.emit(Op::Call(1));
        }
        self.name_op(&f.name, NameCtx::Store)
    }

    pub(crate) fn lambda(&mut self, e: &'a Expr, params: &'a Params, body: &'a Expr) -> R {
        let flags = self.defaults(params)?;
        let st = self.child_scope(node_id(e), e.span)?;
        let qualname = self.child_qualname("<lambda>");
        self.enter_unit(st, "<lambda>", qualname, e.span);
        self.set_params(params);
        self.expr(body)?;
        self.emit(Op::Return);
        let code = self.leave_unit();
        self.make_function(code, flags, e.span)
    }

    /// `class C(B, metaclass=M): body`: the body is a function run by BuildClass with a fresh
    /// namespace; it records `__module__` and `__qualname__` first, as CPython does.
    pub(crate) fn class_def(&mut self, c: &'a ClassDef, span: Span) -> R {
        self.exprs(&c.decorators)?;
        let st = self.child_scope(node_id(c), span)?;
        let qualname = self.child_qualname(&c.name);
        self.enter_unit(st, &c.name, qualname.clone(), span);
        let name = self.name_index("__name__");
        self.emit(Op::LoadName(name));
        let module = self.name_index("__module__");
        self.emit(Op::StoreName(module));
        self.load_str(&qualname);
        let q = self.name_index("__qualname__");
        self.emit(Op::StoreName(q));
        if let Some(Stmt {
            kind:
                StmtKind::Expr(Expr {
                    kind: ExprKind::Constant(Constant::Str(doc)),
                    ..
                }),
            ..
        }) = c.body.first()
        {
            self.load_str(doc);
            let d = self.name_index("__doc__");
            self.emit(Op::StoreName(d));
        }
        self.setup_annotations(&c.body)?;
        self.stmts(&c.body)?;
        if let Some(last) = c.body.last() {
            self.set_span(last.span);
        }
        if st.needs_class_closure {
            let i = self.cell_index("__class__", span)?;
            self.emit(Op::LoadClosure(i));
        } else {
            self.emit(Op::LoadNone);
        }
        self.emit(Op::Return);
        let code = self.leave_unit();
        self.set_span(span);
        self.make_function(code, 0, span)?;
        self.load_str(&c.name);
        for b in &c.bases {
            if matches!(b.kind, ExprKind::Starred(_)) {
                return Err(CompileError::new(
                    "starred base classes are not supported",
                    b.span,
                ));
            }
            self.expr(b)?;
        }
        self.set_span(span);
        let nbases = c.bases.len() as u32;
        if c.keywords.is_empty() {
            self.emit(Op::BuildClass(nbases));
        } else {
            let mut names = Vec::new();
            for k in &c.keywords {
                match &k.arg {
                    Some(n) => names.push(Const::Str(n.as_str().into())),
                    None => {
                        return Err(CompileError::new(
                            "'**' in a class definition is not supported",
                            k.span,
                        ));
                    }
                }
            }
            if nbases > 0xFFFF || names.len() > 0xFFFF {
                return Err(CompileError::new("too many base classes or keywords", span));
            }
            let i = self.add_const(Const::Tuple(names.into()));
            self.emit(Op::LoadConst(i));
            for k in &c.keywords {
                self.expr(&k.value)?;
            }
            self.set_span(span);
            self.emit(Op::BuildClassKw(nbases | ((c.keywords.len() as u32) << 16)));
        }
        for _ in &c.decorators {
            self.emit(Op::Call(1));
        }
        self.name_op(&c.name, NameCtx::Store)
    }
}

/// The docstring of a body: its first statement, when that is a string literal.
fn docstring(body: &[Stmt]) -> Option<Arc<str>> {
    match &body.first()?.kind {
        StmtKind::Expr(e) => match &e.kind {
            ExprKind::Constant(Constant::Str(s)) => Some(s.as_str().into()),
            _ => None,
        },
        _ => None,
    }
}
