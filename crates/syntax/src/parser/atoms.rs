//! Atoms: names, constants, parenthesised expressions, list/set/dict displays and
//! comprehensions.

use super::{expr, PResult, Parser};
use crate::ast::*;
use crate::diagnostic::SyntaxError;
use crate::lexer::Tok;

impl Parser<'_> {
    /// `for x in y if c ...` clauses (at least one).
    pub(super) fn comp_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        loop {
            let is_async = self.at(Tok::Async) && self.peek(1) == Tok::For;
            if is_async {
                self.advance();
            }
            if !self.eat(Tok::For) {
                return Err(self.invalid());
            }
            let target = self.target_list()?;
            super::targets::check_store(&target, false)?;
            self.expect(Tok::In)?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(Tok::If) {
                ifs.push(self.disjunction()?);
            }
            gens.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
            if !(self.at(Tok::For) || self.at(Tok::Async) && self.peek(1) == Tok::For) {
                return Ok(gens);
            }
        }
    }

    pub(super) fn atom(&mut self) -> PResult<Expr> {
        let span = self.span();
        let constant = |c: Constant| Ok(expr(ExprKind::Constant(c), span));
        match self.tok() {
            Tok::Name => {
                let name = self.text().to_string();
                self.advance();
                Ok(expr(ExprKind::Name(name), span))
            }
            Tok::Int(v) => {
                self.advance();
                constant(Constant::Int(v))
            }
            Tok::BigInt => {
                // Digits without underscores, lowercase, with the radix prefix kept.
                let text: String = self
                    .text()
                    .chars()
                    .filter(|&c| c != '_')
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                self.advance();
                constant(Constant::BigInt(text))
            }
            Tok::Float(v) => {
                self.advance();
                constant(Constant::Float(v))
            }
            Tok::Imag(v) => {
                self.advance();
                constant(Constant::Imag(v))
            }
            Tok::True => {
                self.advance();
                constant(Constant::Bool(true))
            }
            Tok::False => {
                self.advance();
                constant(Constant::Bool(false))
            }
            Tok::None => {
                self.advance();
                constant(Constant::None)
            }
            Tok::Ellipsis => {
                self.advance();
                constant(Constant::Ellipsis)
            }
            Tok::String => self.strings(),
            Tok::LPar => self.paren(),
            Tok::LSqb => self.list_display(),
            Tok::LBrace => self.brace_display(),
            _ => Err(self.invalid()),
        }
    }

    fn paren(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.advance();
        if self.eat(Tok::RPar) {
            return Ok(expr(ExprKind::Tuple(Vec::new()), self.since(start)));
        }
        if self.at(Tok::Yield) {
            let e = self.yield_expr()?;
            self.expect(Tok::RPar)?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        if self.at(Tok::For) || self.at(Tok::Async) && self.peek(1) == Tok::For {
            check_comp_elt(&first)?;
            let generators = self.comp_clauses()?;
            self.expect(Tok::RPar)?;
            let kind = ExprKind::GeneratorExp {
                elt: Box::new(first),
                generators,
            };
            return Ok(expr(kind, self.since(start)));
        }
        if self.eat(Tok::RPar) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(SyntaxError::new(
                    "cannot use starred expression here",
                    first.span,
                ));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        let mut elt_start = elts[0].span.start;
        while !self.eat(Tok::RPar) {
            if !self.eat(Tok::Comma) {
                return Err(self.missing_comma(elt_start));
            }
            if self.eat(Tok::RPar) {
                break;
            }
            elt_start = self.start();
            elts.push(self.star_named_expression()?);
        }
        Ok(expr(ExprKind::Tuple(elts), self.since(start)))
    }

    fn list_display(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.advance();
        if self.eat(Tok::RSqb) {
            return Ok(expr(ExprKind::List(Vec::new()), self.since(start)));
        }
        let first = self.star_named_expression()?;
        if self.at(Tok::For) || self.at(Tok::Async) && self.peek(1) == Tok::For {
            check_comp_elt(&first)?;
            let generators = self.comp_clauses()?;
            self.expect(Tok::RSqb)?;
            let kind = ExprKind::ListComp {
                elt: Box::new(first),
                generators,
            };
            return Ok(expr(kind, self.since(start)));
        }
        let elts = self.display_rest(first, Tok::RSqb)?;
        Ok(expr(ExprKind::List(elts), self.since(start)))
    }

    /// The remaining elements of a list or set display, through the closer.
    fn display_rest(&mut self, first: Expr, close: Tok) -> PResult<Vec<Expr>> {
        let mut elt_start = first.span.start;
        let mut elts = vec![first];
        while !self.eat(close) {
            if !self.eat(Tok::Comma) {
                return Err(self.missing_comma(elt_start));
            }
            if self.eat(close) {
                break;
            }
            elt_start = self.start();
            elts.push(self.star_named_expression()?);
        }
        Ok(elts)
    }

    fn brace_display(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.advance();
        if self.eat(Tok::RBrace) {
            return Ok(expr(
                ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
                self.since(start),
            ));
        }
        let mut keys = Vec::new();
        let mut values = Vec::new();
        if self.eat(Tok::DoubleStar) {
            keys.push(None);
            values.push(self.binary(1)?);
            if self.at(Tok::For) {
                return Err(SyntaxError::new(
                    "dict unpacking cannot be used in dict comprehension",
                    self.since(start),
                ));
            }
        } else {
            let first = self.star_named_expression()?;
            if self.at(Tok::For) || self.at(Tok::Async) && self.peek(1) == Tok::For {
                check_comp_elt(&first)?;
                let generators = self.comp_clauses()?;
                self.expect(Tok::RBrace)?;
                let kind = ExprKind::SetComp {
                    elt: Box::new(first),
                    generators,
                };
                return Ok(expr(kind, self.since(start)));
            }
            if !self.at(Tok::Colon) || matches!(first.kind, ExprKind::Starred(_)) {
                let elts = self.display_rest(first, Tok::RBrace)?;
                return Ok(expr(ExprKind::Set(elts), self.since(start)));
            }
            self.advance();
            let value = self.expression()?;
            if self.at(Tok::For) || self.at(Tok::Async) && self.peek(1) == Tok::For {
                let generators = self.comp_clauses()?;
                self.expect(Tok::RBrace)?;
                let kind = ExprKind::DictComp {
                    key: Box::new(first),
                    value: Box::new(value),
                    generators,
                };
                return Ok(expr(kind, self.since(start)));
            }
            keys.push(Some(first));
            values.push(value);
        }
        let mut elt_start = start;
        while !self.eat(Tok::RBrace) {
            if !self.eat(Tok::Comma) {
                return Err(self.missing_comma(elt_start));
            }
            if self.eat(Tok::RBrace) {
                break;
            }
            elt_start = self.start();
            if self.eat(Tok::DoubleStar) {
                keys.push(None);
                values.push(self.binary(1)?);
                continue;
            }
            let key = self.expression()?;
            if !self.at(Tok::Colon) {
                return Err(SyntaxError::new(
                    "':' expected after dictionary key",
                    key.span,
                ));
            }
            self.advance();
            keys.push(Some(key));
            values.push(self.expression()?);
        }
        Ok(expr(ExprKind::Dict { keys, values }, self.since(start)))
    }
}

pub(super) fn check_comp_elt(e: &Expr) -> PResult<()> {
    if matches!(e.kind, ExprKind::Starred(_)) {
        return Err(SyntaxError::new(
            "iterable unpacking cannot be used in comprehension",
            e.span,
        ));
    }
    Ok(())
}
