//! Statements and control flow.

use gilvm_syntax::ast::*;

use super::{Compiler, FBlock, NameCtx, R};
use crate::code::Const;
use crate::op::Op;
use crate::CompileError;

impl<'a> Compiler<'a> {
    pub(crate) fn stmts(&mut self, body: &'a [Stmt]) -> R {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    pub(crate) fn stmt(&mut self, s: &'a Stmt) -> R {
        let saved = self.set_span(s.span);
        let r = self.stmt_inner(s);
        self.set_span(saved);
        r
    }

    /// `if`/`elif`/`else`. An elif chain is an `If` nested alone in `orelse`, arbitrarily deep:
    /// walk it with a loop (every branch jumps to the one shared end label).
    fn if_chain(&mut self, s: &'a Stmt) -> R {
        let end = self.new_label();
        let mut cur = s;
        while let StmtKind::If { test, body, orelse } = &cur.kind {
            self.set_span(cur.span);
            let else_l = if orelse.is_empty() {
                end
            } else {
                self.new_label()
            };
            self.jump_if(test, false, else_l)?;
            self.stmts(body)?;
            if orelse.is_empty() {
                break;
            }
            self.emit_jump(Op::Jump, end);
            self.bind(else_l);
            match orelse.as_slice() {
                [next @ Stmt {
                    kind: StmtKind::If { .. },
                    ..
                }] => cur = next,
                _ => {
                    self.stmts(orelse)?;
                    break;
                }
            }
        }
        self.set_span(s.span);
        self.bind(end);
        Ok(())
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> R {
        match &s.kind {
            StmtKind::Expr(e) if self.displays_expressions() => {
                let hook = self.name_index(crate::compile::DISPLAYHOOK);
                self.emit(Op::LoadGlobal(hook));
                self.expr(e)?;
                self.emit(Op::Call(1));
                self.emit(Op::Pop);
                Ok(())
            }
            StmtKind::Expr(e) => {
                if matches!(e.kind, ExprKind::Constant(_)) {
                    return Ok(()); // docstrings and `...`
                }
                self.expr(e)?;
                self.emit(Op::Pop);
                Ok(())
            }
            StmtKind::Assign { targets, value } => self.assign(targets, value),
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => self.ann_assign(target, annotation, value.as_ref()),
            StmtKind::If { .. } => self.if_chain(s),
            StmtKind::While { test, body, orelse } => self.while_loop(test, body, orelse),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    if !self.in_async_context() {
                        return Err(CompileError::new(
                            "'async for' outside async function",
                            s.span,
                        ));
                    }
                    self.mark_coroutine();
                    return self.async_for_loop(target, iter, body, orelse, s.span);
                }
                self.for_loop(target, iter, body, orelse)
            }
            StmtKind::Break => self.break_continue(true, s),
            StmtKind::Continue => self.break_continue(false, s),
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Return(value) => self.return_stmt(value.as_ref(), s),
            StmtKind::FunctionDef(f) => self.function_def(f, s.span),
            StmtKind::ClassDef(c) => self.class_def(c, s.span),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse, *is_star)
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, *is_star)
                }
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::Raise(n));
                Ok(())
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, true, end)?;
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.bind(end);
                Ok(())
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    if !self.is_coroutine() {
                        return Err(CompileError::new(
                            "'async with' outside async function",
                            s.span,
                        ));
                    }
                    return self.async_with_stmt(items, body);
                }
                self.with_stmt(items, body)
            }
            StmtKind::Import(aliases) => self.import(aliases),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(module, names, *level, s),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.delete_target(t)),
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases),
        }
    }

    fn while_loop(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> R {
        // Test at the top once, then at the bottom of every iteration (one jump per loop).
        let body_l = self.new_label();
        let cont = self.new_label();
        let else_l = self.new_label();
        let end = self.new_label();
        self.jump_if(test, false, else_l)?;
        self.bind(body_l);
        self.unit_mut()
            .fblocks
            .push(FBlock::While { cont, brk: end });
        self.stmts(body)?;
        self.unit_mut().fblocks.pop();
        self.bind(cont);
        self.jump_if(test, true, body_l)?;
        self.bind(else_l);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn for_loop(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> R {
        let start = self.new_label();
        let exit = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.emit(Op::GetIter);
        self.bind(start);
        self.emit_jump(Op::ForIter, exit);
        self.store_target(target)?;
        self.unit_mut().fblocks.push(FBlock::For {
            cont: start,
            brk: end,
        });
        self.stmts(body)?;
        self.unit_mut().fblocks.pop();
        self.emit_jump(Op::Jump, start);
        self.bind(exit);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `async for` (see `Op::GetANext` for the layout).
    fn async_for_loop(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        span: gilvm_syntax::Span,
    ) -> R {
        let start = self.new_label();
        let handler = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.set_span(span);
        self.emit(Op::GetAIter);
        self.bind(start);
        self.emit_async_next(handler);
        self.store_target(target)?;
        self.unit_mut().fblocks.push(FBlock::For {
            cont: start,
            brk: end,
        });
        self.stmts(body)?;
        self.unit_mut().fblocks.pop();
        self.emit_jump(Op::Jump, start);
        self.bind(handler);
        self.set_span(span);
        self.emit(Op::EndAsyncFor);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// [aiter] -> [aiter, next value]; StopAsyncIteration goes to `handler` (an EndAsyncFor).
    pub(crate) fn emit_async_next(&mut self, handler: super::Label) {
        self.emit_jump(Op::SetupExcept, handler);
        self.emit(Op::GetANext);
        self.emit(Op::LoadNone);
        self.emit(Op::YieldFrom);
        self.emit(Op::PopBlock);
    }

    fn return_stmt(&mut self, value: Option<&'a Expr>, s: &Stmt) -> R {
        if !self.scope_kind().is_function() {
            return Err(CompileError::new("'return' outside function", s.span));
        }
        if value.is_some() && self.unit().return_value.is_none() {
            self.unit_mut().return_value = Some(s.span);
        }
        match value {
            Some(v) if !matches!(v.kind, ExprKind::Constant(_)) => {
                self.expr(v)?;
                self.unwind_for_return(true)?;
                self.set_span(s.span);
            }
            _ => {
                self.unwind_for_return(false)?;
                self.set_span(s.span);
                match value.map(|v| &v.kind) {
                    Some(ExprKind::Constant(c)) => self.load_const(super::constant(c)),
                    _ => self.emit(Op::LoadNone),
                }
            }
        }
        self.emit(Op::Return);
        Ok(())
    }

    fn break_continue(&mut self, is_break: bool, s: &Stmt) -> R {
        if !self.unwind_to_loop(is_break)? {
            let msg = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(CompileError::new(msg, s.span));
        }
        Ok(())
    }

    /// try/except/else:
    ///
    /// ```text
    ///     SetupExcept H; body; PopBlock; orelse; Jump END
    /// H:  [exc] <type>; CheckExcMatch; PopJumpIfFalse NEXT; (store name | Pop); handler body;
    ///     PopExcept; Jump END
    /// NEXT: ...; Reraise
    /// END:
    /// ```
    pub(crate) fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        is_star: bool,
    ) -> R {
        if is_star {
            return self.try_except_star(body, handlers, orelse);
        }
        if handlers.is_empty() {
            // `try: ... finally:` with the finally handled by the caller, or a degenerate try.
            self.stmts(body)?;
            return self.stmts(orelse);
        }
        let handler = self.new_label();
        let end = self.new_label();
        self.emit_jump(Op::SetupExcept, handler);
        self.unit_mut().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit_mut().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(orelse)?;
        self.emit_jump(Op::Jump, end);
        self.bind(handler);
        for (i, h) in handlers.iter().enumerate() {
            let saved = self.set_span(h.span);
            let next = self.new_label();
            match &h.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.set_span(h.span);
                    self.emit(Op::CheckExcMatch);
                    self.emit_jump(Op::PopJumpIfFalse, next);
                }
                None if i + 1 < handlers.len() => {
                    return Err(CompileError::new("default 'except:' must be last", h.span));
                }
                None => {}
            }
            match &h.name {
                Some(name) => {
                    // The name is unbound at the end of the handler, even when the body raises.
                    let cleanup = self.new_label();
                    self.name_op(name, NameCtx::Store)?;
                    self.emit_jump(Op::SetupExcept, cleanup);
                    self.unit_mut()
                        .fblocks
                        .push(FBlock::Handler { name: Some(name) });
                    self.stmts(&h.body)?;
                    self.unit_mut().fblocks.pop();
                    self.set_span(h.span);
                    self.emit(Op::PopBlock);
                    self.emit(Op::PopExcept);
                    self.unbind(name)?;
                    self.emit_jump(Op::Jump, end);
                    self.bind(cleanup);
                    self.unbind(name)?;
                    self.emit(Op::Reraise);
                }
                None => {
                    self.emit(Op::Pop);
                    self.unit_mut().fblocks.push(FBlock::Handler { name: None });
                    self.stmts(&h.body)?;
                    self.unit_mut().fblocks.pop();
                    self.set_span(h.span);
                    self.emit(Op::PopExcept);
                    self.emit_jump(Op::Jump, end);
                }
            }
            self.bind(next);
            if i + 1 == handlers.len() && h.typ.is_some() {
                self.emit(Op::Reraise);
            }
            self.set_span(saved);
        }
        self.bind(end);
        Ok(())
    }

    /// try/except* (PEP 654): each clause takes its part of what the clauses before left.
    ///
    /// ```text
    ///     SetupExcept H; body; PopBlock; orelse; Jump END
    /// H:  [orig] Dup; BuildList 0; Rot2                      [orig, list, rest]
    ///     per clause: <type>; CheckEgMatch; PopJumpIfFalse NOMATCH;   [orig, list, rest, match]
    ///       (store name | Pop); SetupExcept C; body; PopBlock; (unbind name); Jump NEXT
    ///     C: [.., raised] PopExcept; (unbind name); ListAppend 2; Jump NEXT
    ///     NOMATCH: Pop
    ///     NEXT:
    ///     ListAppend 1; PrepReraiseStar; PopJumpIfTrue RERAISE; Pop; PopExcept; Jump END
    /// RERAISE: Reraise
    /// END:
    /// ```
    fn try_except_star(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> R {
        let handler = self.new_label();
        let end = self.new_label();
        self.emit_jump(Op::SetupExcept, handler);
        self.unit_mut().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit_mut().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(orelse)?;
        self.emit_jump(Op::Jump, end);
        self.bind(handler);
        let saved = self.set_span(handlers.first().map_or(self.unit().span, |h| h.span));
        self.emit(Op::Dup);
        self.emit(Op::BuildList(0));
        self.emit(Op::Rot2);
        for h in handlers {
            self.set_span(h.span);
            let nomatch = self.new_label();
            let next = self.new_label();
            let cleanup = self.new_label();
            let Some(t) = &h.typ else {
                return Err(CompileError::new(
                    "expected one or more exception types",
                    h.span,
                ));
            };
            self.expr(t)?;
            self.set_span(h.span);
            self.emit(Op::CheckEgMatch);
            self.emit_jump(Op::PopJumpIfFalse, nomatch);
            match &h.name {
                Some(name) => self.name_op(name, NameCtx::Store)?,
                None => self.emit(Op::Pop),
            }
            self.emit_jump(Op::SetupExcept, cleanup);
            self.unit_mut().fblocks.push(FBlock::StarHandler);
            self.stmts(&h.body)?;
            self.unit_mut().fblocks.pop();
            self.set_span(h.span);
            self.emit(Op::PopBlock);
            if let Some(name) = &h.name {
                self.unbind(name)?;
            }
            self.emit_jump(Op::Jump, next);
            self.bind(cleanup);
            self.emit(Op::PopExcept);
            if let Some(name) = &h.name {
                self.unbind(name)?;
            }
            self.emit(Op::ListAppend(2));
            self.emit_jump(Op::Jump, next);
            self.bind(nomatch);
            self.emit(Op::Pop);
            self.bind(next);
        }
        let reraise = self.new_label();
        self.emit(Op::ListAppend(1));
        self.emit(Op::PrepReraiseStar);
        self.emit_jump(Op::PopJumpIfTrue, reraise);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit_jump(Op::Jump, end);
        self.bind(reraise);
        self.emit(Op::Reraise);
        self.set_span(saved);
        self.bind(end);
        Ok(())
    }

    /// `name = None; del name` (CPython's cleanup of `except E as name`).
    pub(crate) fn unbind(&mut self, name: &str) -> R {
        self.emit(Op::LoadNone);
        self.name_op(name, NameCtx::Store)?;
        self.name_op(name, NameCtx::Delete)
    }

    /// try/finally (with optional except clauses inside):
    ///
    /// ```text
    ///     SetupExcept F; <try/except/else>; PopBlock; finally body; Jump END
    /// F:  [exc] finally body; Reraise
    /// END:
    /// ```
    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        is_star: bool,
    ) -> R {
        let fin = self.new_label();
        let end = self.new_label();
        self.emit_jump(Op::SetupExcept, fin);
        self.unit_mut().fblocks.push(FBlock::FinallyTry(finalbody));
        self.try_except(body, handlers, orelse, is_star)?;
        self.unit_mut().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(finalbody)?;
        self.emit_jump(Op::Jump, end);
        self.bind(fin);
        self.unit_mut().fblocks.push(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.unit_mut().fblocks.pop();
        self.emit(Op::Reraise);
        self.bind(end);
        Ok(())
    }

    /// with:
    ///
    /// ```text
    ///     <cm>; BeforeWith; (store target | Pop); SetupExcept H; body; PopBlock;
    ///     LoadNone x3; Call 3; Pop; Jump END
    /// H:  [exit, exc] WithExceptStart; PopJumpIfTrue SWALLOW; Reraise
    /// SWALLOW: Pop; Pop; PopExcept
    /// END:
    /// ```
    fn with_stmt(&mut self, items: &'a [WithItem], body: &'a [Stmt]) -> R {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let handler = self.new_label();
        let swallow = self.new_label();
        let end = self.new_label();
        self.expr(&item.context_expr)?;
        self.emit(Op::BeforeWith);
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => self.emit(Op::Pop),
        }
        self.emit_jump(Op::SetupExcept, handler);
        self.unit_mut().fblocks.push(FBlock::With);
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with_stmt(rest, body)?;
        }
        self.unit_mut().fblocks.pop();
        self.emit(Op::PopBlock);
        self.call_exit_none();
        self.emit_jump(Op::Jump, end);
        self.bind(handler);
        self.emit(Op::WithExceptStart);
        self.emit_jump(Op::PopJumpIfTrue, swallow);
        self.emit(Op::Reraise);
        self.bind(swallow);
        self.emit(Op::Pop);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.bind(end);
        Ok(())
    }

    /// `async with`: as `with_stmt`, awaiting `__aenter__()` and `__aexit__(...)`.
    fn async_with_stmt(&mut self, items: &'a [WithItem], body: &'a [Stmt]) -> R {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let handler = self.new_label();
        let swallow = self.new_label();
        let end = self.new_label();
        self.expr(&item.context_expr)?;
        self.emit(Op::BeforeAsyncWith);
        self.emit_await();
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => self.emit(Op::Pop),
        }
        self.emit_jump(Op::SetupExcept, handler);
        self.unit_mut().fblocks.push(FBlock::AsyncWith);
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.async_with_stmt(rest, body)?;
        }
        self.unit_mut().fblocks.pop();
        self.emit(Op::PopBlock);
        self.call_aexit_none();
        self.emit_jump(Op::Jump, end);
        self.bind(handler);
        self.emit(Op::WithExceptStart);
        self.emit_await();
        self.emit_jump(Op::PopJumpIfTrue, swallow);
        self.emit(Op::Reraise);
        self.bind(swallow);
        self.emit(Op::Pop);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.bind(end);
        Ok(())
    }

    /// [awaitable] -> [result]
    pub(crate) fn emit_await(&mut self) {
        self.emit(Op::GetAwaitable);
        self.emit(Op::LoadNone);
        self.emit(Op::YieldFrom);
    }

    /// [aexit] -> []: `await aexit(None, None, None)`, result discarded.
    pub(crate) fn call_aexit_none(&mut self) {
        self.emit(Op::LoadNone);
        self.emit(Op::LoadNone);
        self.emit(Op::LoadNone);
        self.emit(Op::Call(3));
        self.emit_await();
        self.emit(Op::Pop);
    }

    /// [exit] -> []: `exit(None, None, None)`, result discarded.
    pub(crate) fn call_exit_none(&mut self) {
        self.emit(Op::LoadNone);
        self.emit(Op::LoadNone);
        self.emit(Op::LoadNone);
        self.emit(Op::Call(3));
        self.emit(Op::Pop);
    }

    /// `import a.b.c [as d]`: `[level 0, fromlist] ImportName(a.b.c)`. The fromlist constant
    /// is None for a plain import (the top-level package `a` is pushed and bound) and True for
    /// `as` (the module `a.b.c` itself is pushed).
    fn import(&mut self, aliases: &'a [Alias]) -> R {
        for a in aliases {
            let saved = self.set_span(a.span);
            let full = self.name_index(&a.name);
            self.emit(Op::LoadSmallInt(0));
            let leaf = a.asname.is_some() && a.name.contains('.');
            self.load_const(if leaf { Const::Bool(true) } else { Const::None });
            self.emit(Op::ImportName(full));
            match &a.asname {
                Some(asname) => self.name_op(asname, NameCtx::Store)?,
                None => {
                    let top = a.name.split('.').next().unwrap_or(&a.name);
                    self.name_op(top, NameCtx::Store)?
                }
            }
            self.set_span(saved);
        }
        Ok(())
    }

    /// `from [.]module import a as b, c` / `from module import *`: `[level, ('a', 'c')]
    /// ImportName(module)`, then one ImportFrom per name (or ImportStar).
    fn import_from(&mut self, module: &str, names: &'a [Alias], level: u32, _s: &Stmt) -> R {
        let m = self.name_index(module);
        self.emit(Op::LoadSmallInt(level as i32));
        let fromlist: Vec<Const> = names
            .iter()
            .map(|a| Const::Str(a.name.as_str().into()))
            .collect();
        self.load_const(Const::Tuple(fromlist.into()));
        self.emit(Op::ImportName(m));
        if names.len() == 1 && names[0].name == "*" {
            if self.scope_kind() != crate::symtable::ScopeKind::Module {
                return Err(CompileError::new(
                    "import * only allowed at module level",
                    names[0].span,
                ));
            }
            self.emit(Op::ImportStar);
            return Ok(());
        }
        for a in names {
            let saved = self.set_span(a.span);
            if a.name == "*" {
                return Err(CompileError::new(
                    "invalid syntax: '*' must be the only name imported",
                    a.span,
                ));
            }
            let i = self.name_index(&a.name);
            self.emit(Op::ImportFrom(i));
            self.name_op(a.asname.as_deref().unwrap_or(&a.name), NameCtx::Store)?;
            self.set_span(saved);
        }
        self.emit(Op::Pop);
        Ok(())
    }

    /// A constant used by several statement forms.
    pub(crate) fn load_str(&mut self, s: &str) {
        let i = self.add_const(Const::Str(s.into()));
        self.emit(Op::LoadConst(i));
    }
}
