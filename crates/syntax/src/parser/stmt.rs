//! Statements and blocks.

use super::expr::starts_expr;
use super::targets::{check_aug, check_del, check_store};
use super::{PResult, Parser, MAX_BLOCK_DEPTH};
use crate::ast::*;
use crate::diagnostic::SyntaxError;
use crate::lexer::Tok;
use crate::span::Span;

fn aug_op(t: Tok) -> Option<BinOp> {
    Some(match t {
        Tok::PlusEqual => BinOp::Add,
        Tok::MinusEqual => BinOp::Sub,
        Tok::StarEqual => BinOp::Mult,
        Tok::AtEqual => BinOp::MatMult,
        Tok::SlashEqual => BinOp::Div,
        Tok::DoubleSlashEqual => BinOp::FloorDiv,
        Tok::PercentEqual => BinOp::Mod,
        Tok::DoubleStarEqual => BinOp::Pow,
        Tok::LeftShiftEqual => BinOp::LShift,
        Tok::RightShiftEqual => BinOp::RShift,
        Tok::VBarEqual => BinOp::BitOr,
        Tok::CircumflexEqual => BinOp::BitXor,
        Tok::AmperEqual => BinOp::BitAnd,
        _ => return None,
    })
}

fn stmt(kind: StmtKind, span: Span) -> Stmt {
    Stmt { kind, span }
}

impl Parser<'_> {
    pub(super) fn parse_file(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        while !self.at(Tok::EndMarker) {
            if self.eat(Tok::Newline) {
                continue;
            }
            self.statement(&mut body)?;
        }
        Ok(body)
    }

    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        match self.tok() {
            Tok::If
            | Tok::While
            | Tok::For
            | Tok::Try
            | Tok::With
            | Tok::Def
            | Tok::Class
            | Tok::At => {
                out.push(self.compound()?);
                Ok(())
            }
            Tok::Async if matches!(self.peek(1), Tok::Def | Tok::For | Tok::With) => {
                out.push(self.compound()?);
                Ok(())
            }
            Tok::Indent | Tok::Dedent => Err(self.invalid()),
            Tok::Name if self.text() == "match" => match self.try_match_stmt()? {
                Some(s) => {
                    out.push(s);
                    Ok(())
                }
                None => self.simple_stmts(out),
            },
            _ => self.simple_stmts(out),
        }
    }

    /// `a; b; c NEWLINE`
    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            out.push(self.simple_stmt()?);
            if !self.eat(Tok::Semi) || self.at(Tok::Newline) {
                break;
            }
        }
        if self.eat(Tok::Newline) {
            return Ok(());
        }
        Err(self.invalid())
    }

    /// A block after `:`: an indented suite or simple statements on the same line. `what`
    /// names the header for "expected an indented block after ...".
    pub(super) fn block(&mut self, what: &str, header: u32) -> PResult<Vec<Stmt>> {
        self.expect(Tok::Colon)?;
        let mut body = Vec::new();
        if !self.eat(Tok::Newline) {
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        if !self.at(Tok::Indent) {
            let line = crate::span::LineIndex::new(self.src).line(header);
            let message = format!("expected an indented block after {what} on line {line}");
            return Err(SyntaxError::indentation(message, self.span()));
        }
        self.advance();
        self.blocks += 1;
        if self.blocks >= MAX_BLOCK_DEPTH {
            return Err(SyntaxError::new(
                "too many statically nested blocks",
                self.span(),
            ));
        }
        while !self.eat(Tok::Dedent) {
            if self.at(Tok::EndMarker) {
                break;
            }
            self.statement(&mut body)?;
        }
        self.blocks -= 1;
        Ok(body)
    }

    fn loop_block(&mut self, what: &str, header: u32) -> PResult<Vec<Stmt>> {
        self.loops += 1;
        let r = self.block(what, header);
        self.loops -= 1;
        r
    }

    fn compound(&mut self) -> PResult<Stmt> {
        let start = self.start();
        match self.tok() {
            Tok::If => self.if_stmt(),
            Tok::While => {
                self.advance();
                let test = self.named_expression()?;
                let body = self.loop_block("'while' statement", start)?;
                let orelse = self.else_block()?;
                Ok(stmt(
                    StmtKind::While { test, body, orelse },
                    self.since(start),
                ))
            }
            Tok::For => self.for_stmt(start, false),
            Tok::Try => self.try_stmt(),
            Tok::With => self.with_stmt(start, false),
            Tok::Def => self.funcdef(start, Vec::new(), false),
            Tok::Class => self.classdef(Vec::new()),
            Tok::At => self.decorated(),
            Tok::Async => {
                self.advance();
                match self.tok() {
                    Tok::Def => self.funcdef(start, Vec::new(), true),
                    Tok::For => self.for_stmt(start, true),
                    _ => self.with_stmt(start, true),
                }
            }
            _ => Err(self.invalid()),
        }
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if self.at(Tok::Else) {
            let start = self.start();
            self.advance();
            return self.block("'else' statement", start);
        }
        Ok(Vec::new())
    }

    /// `if`/`elif`/`else`; a long elif chain is collected with a loop and folded into nested
    /// `If` statements from the end.
    fn if_stmt(&mut self) -> PResult<Stmt> {
        let mut branches = Vec::new();
        let mut orelse = Vec::new();
        let mut what = "'if' statement";
        loop {
            let start = self.start();
            self.advance(); // `if` / `elif`
            let test = self.named_expression()?;
            let body = self.block(what, start)?;
            branches.push((start, test, body));
            if self.at(Tok::Elif) {
                what = "'elif' statement";
                continue;
            }
            orelse = if self.at(Tok::Else) {
                self.else_block()?
            } else {
                orelse
            };
            break;
        }
        let end = self.last_end;
        loop {
            let Some((start, test, body)) = branches.pop() else {
                return Err(self.invalid());
            };
            let s = stmt(
                StmtKind::If { test, body, orelse },
                Span {
                    start,
                    end: end.max(start),
                },
            );
            if branches.is_empty() {
                return Ok(s);
            }
            orelse = vec![s];
        }
    }

    fn for_stmt(&mut self, start: u32, is_async: bool) -> PResult<Stmt> {
        self.expect(Tok::For)?;
        let target = self.target_list()?;
        check_store(&target, false)?;
        self.expect(Tok::In)?;
        let iter = self.star_expressions()?;
        let body = self.loop_block("'for' statement", start)?;
        let orelse = self.else_block()?;
        Ok(stmt(
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            },
            self.since(start),
        ))
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.advance();
        let body = self.block("'try' statement", start)?;
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        let mut is_star = false;
        while self.at(Tok::Except) {
            let hstart = self.start();
            self.advance();
            let star = self.eat(Tok::Star);
            if handlers.is_empty() {
                is_star = star;
            } else if star != is_star {
                return Err(SyntaxError::new(
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    self.since(hstart),
                ));
            }
            if star && self.at(Tok::Colon) {
                return Err(SyntaxError::new(
                    "expected one or more exception types",
                    self.span(),
                ));
            }
            if let Some(bare) = handlers.iter().find(|h| h.typ.is_none()) {
                return Err(SyntaxError::new(
                    "default 'except:' must be last",
                    bare.span,
                ));
            }
            let mut typ = None;
            let mut name = None;
            if !self.at(Tok::Colon) {
                let t = self.expression()?;
                if self.at(Tok::Comma) {
                    let span = t.span.to(self.span());
                    return Err(SyntaxError::new(
                        "multiple exception types must be parenthesized",
                        span,
                    ));
                }
                typ = Some(t);
                if self.eat(Tok::As) {
                    name = Some(self.expect_name()?.0);
                }
            }
            let what = if star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let body = self.block(what, hstart)?;
            handlers.push(ExceptHandler {
                typ,
                name,
                body,
                span: self.since(hstart),
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let mut finalbody = Vec::new();
        let has_finally = self.at(Tok::Finally);
        if has_finally {
            let fstart = self.start();
            self.advance();
            finalbody = self.block("'finally' statement", fstart)?;
        }
        if handlers.is_empty() && !has_finally {
            return Err(SyntaxError::new(
                "expected 'except' or 'finally' block",
                self.span(),
            ));
        }
        Ok(stmt(
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            },
            self.since(start),
        ))
    }

    fn with_stmt(&mut self, start: u32, is_async: bool) -> PResult<Stmt> {
        self.expect(Tok::With)?;
        let mut items = None;
        if self.at(Tok::LPar) {
            // Try `with (a as b, c):` first, as CPython does; fall back to an expression.
            let saved = (self.pos, self.last_end, self.depth);
            items = self.parenthesized_with_items().ok();
            if items.is_none() {
                (self.pos, self.last_end, self.depth) = saved;
            }
        }
        let items = match items {
            Some(items) => items,
            None => {
                let mut items = vec![self.with_item()?];
                while self.eat(Tok::Comma) {
                    items.push(self.with_item()?);
                }
                items
            }
        };
        let body = self.block("'with' statement", start)?;
        Ok(stmt(
            StmtKind::With {
                items,
                body,
                is_async,
            },
            self.since(start),
        ))
    }

    fn parenthesized_with_items(&mut self) -> PResult<Vec<WithItem>> {
        self.expect(Tok::LPar)?;
        let mut items = vec![self.with_item()?];
        while self.eat(Tok::Comma) {
            if self.at(Tok::RPar) {
                break;
            }
            items.push(self.with_item()?);
        }
        self.expect(Tok::RPar)?;
        if !self.at(Tok::Colon) {
            return Err(self.invalid());
        }
        Ok(items)
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat(Tok::As) {
            let target = self.target_list_item()?;
            check_store(&target, false)?;
            Some(target)
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    /// A single `with ... as` target (`x`, `(a, b)`, `[a, b]`, `a.b`).
    fn target_list_item(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(Tok::At) {
            decorators.push(self.named_expression()?);
            if !self.eat(Tok::Newline) {
                return Err(self.invalid());
            }
        }
        let start = self.start();
        match self.tok() {
            Tok::Def => self.funcdef(start, decorators, false),
            Tok::Async if self.peek(1) == Tok::Def => {
                self.advance();
                self.funcdef(start, decorators, true)
            }
            Tok::Class => self.classdef(decorators),
            _ => Err(self.invalid()),
        }
    }

    fn funcdef(&mut self, start: u32, decorators: Vec<Expr>, is_async: bool) -> PResult<Stmt> {
        self.expect(Tok::Def)?;
        let (name, _) = self.expect_name()?;
        self.expect(Tok::LPar)?;
        let params = self.param_list(Tok::RPar, true)?;
        self.expect(Tok::RPar)?;
        let returns = if self.eat(Tok::Arrow) {
            Some(self.expression()?)
        } else {
            None
        };
        let body = self.in_scope(true, |p| p.block("function definition", start))?;
        let def = FunctionDef {
            name,
            params,
            body,
            decorators,
            returns,
            is_async,
        };
        Ok(stmt(
            StmtKind::FunctionDef(Box::new(def)),
            self.since(start),
        ))
    }

    fn classdef(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let start = self.start();
        self.expect(Tok::Class)?;
        let (name, _) = self.expect_name()?;
        let (bases, keywords) = if self.at(Tok::LPar) {
            let open = self.advance().span.start;
            self.arguments(open)?
        } else {
            (Vec::new(), Vec::new())
        };
        let body = self.in_scope(false, |p| p.block("class definition", start))?;
        let class = ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
        };
        Ok(stmt(StmtKind::ClassDef(Box::new(class)), self.since(start)))
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kind = match self.tok() {
            Tok::Pass => {
                self.advance();
                StmtKind::Pass
            }
            Tok::Break => {
                let span = self.advance().span;
                if self.loops == 0 {
                    return Err(SyntaxError::new("'break' outside loop", span));
                }
                StmtKind::Break
            }
            Tok::Continue => {
                let span = self.advance().span;
                if self.loops == 0 {
                    return Err(SyntaxError::new("'continue' not properly in loop", span));
                }
                StmtKind::Continue
            }
            Tok::Return => {
                let span = self.advance().span;
                if !self.in_func {
                    return Err(SyntaxError::new("'return' outside function", span));
                }
                let value = if starts_expr(self.tok()) || self.at(Tok::Star) {
                    let v = self.star_expressions()?;
                    no_bare_star(&v)?;
                    Some(v)
                } else {
                    None
                };
                StmtKind::Return(value)
            }
            Tok::Raise => {
                self.advance();
                let (mut exc, mut cause) = (None, None);
                if starts_expr(self.tok()) {
                    exc = Some(self.expression()?);
                    if self.eat(Tok::From) {
                        cause = Some(self.expression()?);
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            Tok::Global | Tok::Nonlocal => {
                let global = self.at(Tok::Global);
                let span = self.advance().span;
                if !global && self.scopes == 0 {
                    return Err(SyntaxError::new(
                        "nonlocal declaration not allowed at module level",
                        span,
                    ));
                }
                let mut names = vec![self.expect_name()?.0];
                while self.eat(Tok::Comma) {
                    names.push(self.expect_name()?.0);
                }
                if global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            Tok::Del => {
                self.advance();
                let mut targets = Vec::new();
                loop {
                    let t = self.binary(1)?;
                    check_del(&t)?;
                    targets.push(t);
                    if !self.eat(Tok::Comma) || matches!(self.tok(), Tok::Newline | Tok::Semi) {
                        break;
                    }
                }
                StmtKind::Delete(targets)
            }
            Tok::Assert => {
                self.advance();
                let test = self.expression()?;
                let msg = if self.eat(Tok::Comma) {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            Tok::Import => self.import()?,
            Tok::From => self.import_from()?,
            _ => self.expr_stmt()?,
        };
        Ok(stmt(kind, self.since(start)))
    }

    /// Expression statements, assignments, augmented and annotated assignments.
    fn expr_stmt(&mut self) -> PResult<StmtKind> {
        let first = self.star_expressions_or_yield()?;
        if self.at(Tok::Equal) {
            let mut targets = vec![first];
            let value = loop {
                self.advance();
                let rhs = self.star_expressions_or_yield()?;
                if !self.at(Tok::Equal) {
                    break rhs;
                }
                targets.push(rhs);
            };
            let single = targets.len() == 1;
            for t in &targets {
                check_store(t, single)?;
            }
            no_bare_star(&value)?;
            return Ok(StmtKind::Assign { targets, value });
        }
        if self.at(Tok::Colon) {
            let message = match &first.kind {
                ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
                ExprKind::Tuple(_) => Some("only single target (not tuple) can be annotated"),
                ExprKind::List(_) => Some("only single target (not list) can be annotated"),
                _ => Some("illegal target for annotation"),
            };
            if let Some(message) = message {
                return Err(SyntaxError::new(message, first.span));
            }
            self.advance();
            let annotation = self.expression()?;
            let value = if self.eat(Tok::Equal) {
                Some(self.star_expressions_or_yield()?)
            } else {
                None
            };
            return Ok(StmtKind::AnnAssign {
                target: first,
                annotation,
                value,
            });
        }
        if let Some(op) = aug_op(self.tok()) {
            check_aug(&first)?;
            self.advance();
            let value = self.star_expressions_or_yield()?;
            no_bare_star(&value)?;
            return Ok(StmtKind::AugAssign {
                target: first,
                op,
                value,
            });
        }
        no_bare_star(&first)?;
        if matches!(&first.kind, ExprKind::Name(n) if n == "print" || n == "exec")
            && starts_expr(self.tok())
        {
            let ExprKind::Name(name) = &first.kind else {
                return Err(self.invalid());
            };
            let message =
                format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
            let mut end = self.span().end;
            while !matches!(self.tok(), Tok::Newline | Tok::EndMarker | Tok::Semi) {
                end = self.advance().span.end;
            }
            return Err(SyntaxError::new(
                message,
                Span {
                    start: first.span.start,
                    end,
                },
            ));
        }
        Ok(StmtKind::Expr(first))
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.expect_name()?.0;
        while self.eat(Tok::Dot) {
            name.push('.');
            name.push_str(&self.expect_name()?.0);
        }
        Ok(name)
    }

    fn import(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.dotted_name()?;
            let asname = if self.eat(Tok::As) {
                Some(self.expect_name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.since(start),
            });
            if !self.eat(Tok::Comma) {
                return Ok(StmtKind::Import(names));
            }
        }
    }

    fn import_from(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut level = 0;
        loop {
            if self.eat(Tok::Dot) {
                level += 1;
            } else if self.eat(Tok::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if self.at(Tok::Name) || level == 0 {
            self.dotted_name()?
        } else {
            String::new()
        };
        self.expect(Tok::Import)?;
        let mut names = Vec::new();
        if self.at(Tok::Star) {
            let span = self.advance().span;
            names.push(Alias {
                name: "*".into(),
                asname: None,
                span,
            });
            return Ok(StmtKind::ImportFrom {
                module,
                names,
                level,
            });
        }
        let parens = self.eat(Tok::LPar);
        loop {
            let start = self.start();
            let name = self.expect_name()?.0;
            let asname = if self.eat(Tok::As) {
                Some(self.expect_name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.since(start),
            });
            if !self.eat(Tok::Comma) {
                break;
            }
            if parens && self.at(Tok::RPar) {
                break;
            }
            if !parens && matches!(self.tok(), Tok::Newline | Tok::Semi) {
                return Err(SyntaxError::new(
                    "trailing comma not allowed without surrounding parentheses",
                    self.toks[self.pos - 1].span,
                ));
            }
        }
        if parens {
            self.expect(Tok::RPar)?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }
}

/// A bare `*x` is only valid inside a tuple, list or call.
fn no_bare_star(e: &Expr) -> PResult<()> {
    if let ExprKind::Starred(_) = e.kind {
        return Err(SyntaxError::new(
            "can't use starred expression here",
            e.span,
        ));
    }
    Ok(())
}
