//! Expressions, from `lambda` and conditional expressions down to atoms.

use super::atoms::check_comp_elt;
use super::{expr, PResult, Parser};
use crate::ast::*;
use crate::diagnostic::SyntaxError;
use crate::lexer::Tok;
use crate::span::Span;

/// Binary operators handled by precedence climbing, with their precedence (higher binds
/// tighter). `**` is handled separately (right-associative, above unary operators).
fn binop(t: Tok) -> Option<(BinOp, u8)> {
    Some(match t {
        Tok::VBar => (BinOp::BitOr, 1),
        Tok::Circumflex => (BinOp::BitXor, 2),
        Tok::Amper => (BinOp::BitAnd, 3),
        Tok::LeftShift => (BinOp::LShift, 4),
        Tok::RightShift => (BinOp::RShift, 4),
        Tok::Plus => (BinOp::Add, 5),
        Tok::Minus => (BinOp::Sub, 5),
        Tok::Star => (BinOp::Mult, 6),
        Tok::Slash => (BinOp::Div, 6),
        Tok::DoubleSlash => (BinOp::FloorDiv, 6),
        Tok::Percent => (BinOp::Mod, 6),
        Tok::At => (BinOp::MatMult, 6),
        _ => return None,
    })
}

fn unary_op(t: Tok) -> Option<UnaryOp> {
    match t {
        Tok::Minus => Some(UnaryOp::USub),
        Tok::Plus => Some(UnaryOp::UAdd),
        Tok::Tilde => Some(UnaryOp::Invert),
        _ => None,
    }
}

fn apply_unary(prefix: Vec<(UnaryOp, u32)>, mut e: Expr) -> Expr {
    for (op, start) in prefix.into_iter().rev() {
        let span = Span {
            start,
            end: e.span.end,
        };
        e = expr(
            ExprKind::UnaryOp {
                op,
                operand: Box::new(e),
            },
            span,
        );
    }
    e
}

/// Can this token start an expression? (Used for "Perhaps you forgot a comma?".)
pub(super) fn starts_expr(t: Tok) -> bool {
    matches!(
        t,
        Tok::Name
            | Tok::Int(_)
            | Tok::BigInt
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::String
            | Tok::True
            | Tok::False
            | Tok::None
            | Tok::Ellipsis
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::Minus
            | Tok::Plus
            | Tok::Tilde
            | Tok::Not
            | Tok::Lambda
            | Tok::Await
    )
}

impl Parser<'_> {
    /// `star_expressions`: `a`, `a, *b, c`, with a trailing comma making a tuple.
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.at(Tok::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if !(starts_expr(self.tok()) || self.at(Tok::Star)) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(expr(ExprKind::Tuple(elts), self.since(start)))
    }

    /// `yield ...` or `star_expressions` (the right-hand side of an assignment).
    pub(super) fn star_expressions_or_yield(&mut self) -> PResult<Expr> {
        if self.at(Tok::Yield) {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            let start = self.start();
            self.advance();
            self.enter()?;
            let value = self.binary(1)?;
            self.leave();
            return Ok(expr(ExprKind::Starred(Box::new(value)), self.since(start)));
        }
        self.expression()
    }

    /// `*x` (in a display) or a named expression.
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            return self.star_expression();
        }
        self.named_expression()
    }

    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        if !self.in_func {
            return Err(SyntaxError::new("'yield' outside function", self.span()));
        }
        self.expect(Tok::Yield)?;
        if self.eat(Tok::From) {
            let value = self.expression()?;
            return Ok(expr(
                ExprKind::YieldFrom(Box::new(value)),
                self.since(start),
            ));
        }
        let value = if starts_expr(self.tok()) || self.at(Tok::Star) {
            Some(Box::new(self.star_expressions()?))
        } else {
            None
        };
        Ok(expr(ExprKind::Yield(value), self.since(start)))
    }

    /// `name := value` or an expression.
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        if self.at(Tok::Name) && self.peek(1) == Tok::ColonEqual {
            let start = self.start();
            let (name, span) = self.expect_name()?;
            self.advance();
            let value = self.expression()?;
            let target = expr(ExprKind::Name(name), span);
            let kind = ExprKind::NamedExpr {
                target: Box::new(target),
                value: Box::new(value),
            };
            return Ok(expr(kind, self.since(start)));
        }
        let e = self.expression()?;
        if self.at(Tok::ColonEqual) {
            let what = super::targets::describe(&e);
            return Err(SyntaxError::new(
                format!("cannot use assignment expressions with {what}"),
                e.span,
            ));
        }
        Ok(e)
    }

    /// `expression`: a lambda, a conditional expression, or a disjunction.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        r
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        // Fast path: a lone name or number followed by a delimiter (most arguments, targets
        // and values) skips the descent through every precedence level.
        if matches!(
            self.tok(),
            Tok::Name
                | Tok::Int(_)
                | Tok::BigInt
                | Tok::Float(_)
                | Tok::Imag(_)
                | Tok::True
                | Tok::False
                | Tok::None
        ) && matches!(
            self.peek(1),
            Tok::Comma
                | Tok::RPar
                | Tok::RSqb
                | Tok::RBrace
                | Tok::Colon
                | Tok::Newline
                | Tok::Equal
                | Tok::Semi
        ) {
            return self.atom();
        }
        if self.at(Tok::Lambda) {
            return self.lambda();
        }
        let first = self.disjunction()?;
        if !self.at(Tok::If) {
            return Ok(first);
        }
        // `a if b else c if d else e`, parsed with a loop and folded from the right.
        let mut chain: Vec<(Expr, Expr)> = Vec::new();
        let mut body = first;
        let orelse = loop {
            self.advance(); // `if`
            let test = self.disjunction()?;
            if !self.eat(Tok::Else) {
                if matches!(
                    self.tok(),
                    Tok::Newline
                        | Tok::EndMarker
                        | Tok::RPar
                        | Tok::RSqb
                        | Tok::RBrace
                        | Tok::Comma
                ) {
                    let span = body.span.to(test.span);
                    return Err(SyntaxError::new(
                        "expected 'else' after 'if' expression",
                        span,
                    ));
                }
                return Err(self.invalid());
            }
            chain.push((body, test));
            if self.at(Tok::Lambda) {
                break self.lambda()?;
            }
            let next = self.disjunction()?;
            if !self.at(Tok::If) {
                break next;
            }
            body = next;
        };
        let mut acc = orelse;
        while let Some((body, test)) = chain.pop() {
            let span = body.span.to(acc.span);
            let kind = ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(acc),
            };
            acc = expr(kind, span);
        }
        Ok(acc)
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.expect(Tok::Lambda)?;
        let params = self.param_list(Tok::Colon, false)?;
        self.expect(Tok::Colon)?;
        let saved = self.in_func;
        self.in_func = true;
        let body = self.expression();
        self.in_func = saved;
        let body = body?;
        let kind = ExprKind::Lambda {
            params: Box::new(params),
            body: Box::new(body),
        };
        Ok(expr(kind, self.since(start)))
    }

    /// `a or b or c`
    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.conjunction()?;
        if !self.at(Tok::Or) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(Tok::Or) {
            values.push(self.conjunction()?);
        }
        Ok(expr(
            ExprKind::BoolOp {
                op: BoolOp::Or,
                values,
            },
            self.since(start),
        ))
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.inversion()?;
        if !self.at(Tok::And) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(Tok::And) {
            values.push(self.inversion()?);
        }
        Ok(expr(
            ExprKind::BoolOp {
                op: BoolOp::And,
                values,
            },
            self.since(start),
        ))
    }

    /// `not not x`: the `not`s are counted with a loop.
    fn inversion(&mut self) -> PResult<Expr> {
        let mut nots = Vec::new();
        while self.at(Tok::Not) {
            nots.push((UnaryOp::Not, self.start()));
            self.advance();
        }
        let e = self.comparison()?;
        Ok(apply_unary(nots, e))
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.binary(1)?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let op = match self.tok() {
                Tok::EqEqual => CmpOp::Eq,
                Tok::NotEqual => CmpOp::NotEq,
                Tok::Less => CmpOp::Lt,
                Tok::LessEqual => CmpOp::LtE,
                Tok::Greater => CmpOp::Gt,
                Tok::GreaterEqual => CmpOp::GtE,
                Tok::In => CmpOp::In,
                Tok::Not if self.peek(1) == Tok::In => {
                    self.advance();
                    CmpOp::NotIn
                }
                Tok::Is if self.peek(1) == Tok::Not => {
                    self.advance();
                    CmpOp::IsNot
                }
                Tok::Is => CmpOp::Is,
                _ => break,
            };
            self.advance();
            ops.push(op);
            comparators.push(self.binary(1)?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let kind = ExprKind::Compare {
            left: Box::new(left),
            ops,
            comparators,
        };
        Ok(expr(kind, self.since(start)))
    }

    /// Precedence climbing over `| ^ & << >> + - * / // % @`. Recursion depth is bounded by
    /// the number of precedence levels; a flat chain is a loop.
    pub(super) fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let mut lhs = self.factor()?;
        while let Some((op, prec)) = binop(self.tok()) {
            if prec < min_prec {
                break;
            }
            self.advance();
            let rhs = self.binary(prec + 1)?;
            let span = lhs.span.to(rhs.span);
            lhs = expr(
                ExprKind::BinOp {
                    left: Box::new(lhs),
                    op,
                    right: Box::new(rhs),
                },
                span,
            );
        }
        Ok(lhs)
    }

    fn unary_prefix(&mut self) -> Vec<(UnaryOp, u32)> {
        let mut prefix = Vec::new();
        while let Some(op) = unary_op(self.tok()) {
            prefix.push((op, self.start()));
            self.advance();
        }
        prefix
    }

    /// Unary `+ - ~` and `**`. `-2**2` is `-(2**2)`, `2**-1` is `2**(-1)`, `a**b**c` is
    /// `a**(b**c)`; all parsed with loops.
    fn factor(&mut self) -> PResult<Expr> {
        let prefix = self.unary_prefix();
        if prefix.len() as u32 + self.depth > super::MAX_EXPR_DEPTH {
            return Err(SyntaxError::new("too many nested parentheses", self.span()));
        }
        let base = self.await_primary()?;
        if !self.at(Tok::DoubleStar) {
            return Ok(apply_unary(prefix, base));
        }
        let mut chain = vec![(prefix, base)];
        while self.eat(Tok::DoubleStar) {
            let pre = self.unary_prefix();
            let operand = self.await_primary()?;
            chain.push((pre, operand));
        }
        let Some((pre, last)) = chain.pop() else {
            return Err(self.invalid());
        };
        let mut acc = apply_unary(pre, last);
        while let Some((pre, operand)) = chain.pop() {
            let span = operand.span.to(acc.span);
            acc = expr(
                ExprKind::BinOp {
                    left: Box::new(operand),
                    op: BinOp::Pow,
                    right: Box::new(acc),
                },
                span,
            );
            acc = apply_unary(pre, acc);
        }
        Ok(acc)
    }

    fn await_primary(&mut self) -> PResult<Expr> {
        if self.at(Tok::Await) {
            let start = self.start();
            self.advance();
            let value = self.primary()?;
            return Ok(expr(ExprKind::Await(Box::new(value)), self.since(start)));
        }
        self.primary()
    }

    /// An atom followed by any number of `.name`, `(args)`, `[index]` (a loop).
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut e = self.atom()?;
        loop {
            match self.tok() {
                Tok::Dot => {
                    self.advance();
                    let (attr, _) = self.expect_name()?;
                    let kind = ExprKind::Attribute {
                        value: Box::new(e),
                        attr,
                    };
                    e = expr(kind, self.since(start));
                }
                Tok::LPar => {
                    self.advance();
                    e = self.call(e, start)?;
                }
                Tok::LSqb => {
                    self.advance();
                    let index = self.slices()?;
                    self.expect(Tok::RSqb)?;
                    let kind = ExprKind::Subscript {
                        value: Box::new(e),
                        index: Box::new(index),
                    };
                    e = expr(kind, self.since(start));
                }
                _ => return Ok(e),
            }
        }
    }

    fn slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.slice()?;
        if !self.at(Tok::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if self.at(Tok::RSqb) {
                break;
            }
            elts.push(self.slice()?);
        }
        Ok(expr(ExprKind::Tuple(elts), self.since(start)))
    }

    fn slice(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            return self.star_expression();
        }
        let start = self.start();
        let lower = if self.at(Tok::Colon) {
            None
        } else {
            let e = self.named_expression()?;
            if !self.at(Tok::Colon) {
                return Ok(e);
            }
            Some(Box::new(e))
        };
        self.expect(Tok::Colon)?;
        let ends = |t: Tok| matches!(t, Tok::Colon | Tok::Comma | Tok::RSqb);
        let upper = if ends(self.tok()) {
            None
        } else {
            Some(Box::new(self.expression()?))
        };
        let step = if self.eat(Tok::Colon) {
            if ends(self.tok()) {
                None
            } else {
                Some(Box::new(self.expression()?))
            }
        } else {
            None
        };
        Ok(expr(
            ExprKind::Slice { lower, upper, step },
            self.since(start),
        ))
    }

    /// Call arguments, after the `(`.
    fn call(&mut self, func: Expr, start: u32) -> PResult<Expr> {
        let open = self.toks[self.pos - 1].span.start;
        let (args, keywords) = self.arguments(open)?;
        let kind = ExprKind::Call {
            func: Box::new(func),
            args,
            keywords,
        };
        Ok(expr(kind, self.since(start)))
    }

    /// Arguments of a call or class header, after the `(` (at byte `open`), through the `)`.
    pub(super) fn arguments(&mut self, open: u32) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_unpack = false;
        loop {
            if self.eat(Tok::RPar) {
                break;
            }
            let astart = self.start();
            if self.eat(Tok::Star) {
                let value = self.expression()?;
                let span = self.since(astart);
                if self.at(Tok::For) {
                    return Err(SyntaxError::new(
                        "iterable unpacking cannot be used in comprehension",
                        span,
                    ));
                }
                if seen_unpack {
                    return Err(SyntaxError::new(
                        "iterable argument unpacking follows keyword argument unpacking",
                        span,
                    ));
                }
                args.push(expr(ExprKind::Starred(Box::new(value)), span));
            } else if self.eat(Tok::DoubleStar) {
                let value = self.expression()?;
                keywords.push(Keyword {
                    arg: None,
                    value,
                    span: self.since(astart),
                });
                seen_unpack = true;
            } else if self.at(Tok::Name) && self.peek(1) == Tok::Equal {
                let (name, _) = self.expect_name()?;
                self.advance();
                let value = self.expression()?;
                let span = self.since(astart);
                if keywords
                    .iter()
                    .any(|k| k.arg.as_deref() == Some(name.as_str()))
                {
                    return Err(SyntaxError::new(
                        format!("keyword argument repeated: {name}"),
                        span,
                    ));
                }
                keywords.push(Keyword {
                    arg: Some(name),
                    value,
                    span,
                });
            } else {
                let mut e = self.named_expression()?;
                if self.at(Tok::For) || self.at(Tok::Async) && self.peek(1) == Tok::For {
                    let generators = self.comp_clauses()?;
                    let sole = args.is_empty() && keywords.is_empty() && self.at(Tok::RPar);
                    let span = if sole {
                        Span {
                            start: open,
                            end: self.span().end,
                        }
                    } else {
                        self.since(astart)
                    };
                    check_comp_elt(&e)?;
                    let kind = ExprKind::GeneratorExp {
                        elt: Box::new(e),
                        generators,
                    };
                    e = expr(kind, span);
                    if !sole {
                        return Err(SyntaxError::new(
                            "Generator expression must be parenthesized",
                            self.since(astart),
                        ));
                    }
                } else if self.at(Tok::Equal) {
                    return Err(SyntaxError::new(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        Span {
                            start: astart,
                            end: self.span().end,
                        },
                    ));
                }
                if seen_unpack {
                    return Err(SyntaxError::new(
                        "positional argument follows keyword argument unpacking",
                        e.span,
                    ));
                }
                if !keywords.is_empty() {
                    return Err(SyntaxError::new(
                        "positional argument follows keyword argument",
                        e.span,
                    ));
                }
                args.push(e);
            }
            if !self.eat(Tok::Comma) {
                if self.at(Tok::RPar) {
                    continue;
                }
                return Err(self.missing_comma(astart));
            }
        }
        Ok((args, keywords))
    }

    /// The error when an element of a display or call is not followed by `,` or the closer.
    pub(super) fn missing_comma(&self, elt_start: u32) -> SyntaxError {
        if starts_expr(self.tok()) {
            let span = Span {
                start: elt_start,
                end: self.span().end,
            };
            return SyntaxError::new("invalid syntax. Perhaps you forgot a comma?", span);
        }
        self.invalid()
    }

    /// A comma-separated list of targets (`for` loops, comprehensions, `del`); items are
    /// parsed at `|` level so `in` is not taken as a comparison.
    pub(super) fn target_list(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.target_item()?;
        if !self.at(Tok::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if !(starts_expr(self.tok()) || self.at(Tok::Star)) {
                break;
            }
            elts.push(self.target_item()?);
        }
        Ok(expr(ExprKind::Tuple(elts), self.since(start)))
    }

    fn target_item(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            let start = self.start();
            self.advance();
            let value = self.binary(1)?;
            return Ok(expr(ExprKind::Starred(Box::new(value)), self.since(start)));
        }
        self.binary(1)
    }
}
