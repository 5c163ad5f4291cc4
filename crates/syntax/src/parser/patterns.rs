//! The `match` statement (PEP 634): `match` and `case` are soft keywords, recognised only where
//! a statement starts with the name `match` followed by a subject and `:` NEWLINE. Patterns
//! follow CPython's grammar (`patterns`, `as_pattern`, `or_pattern`, `closed_pattern`); the
//! checks that CPython makes in its compiler (unreachable cases, names bound twice, or-patterns
//! binding different names) are made by gilvm's compiler too.

use super::{expr, PResult, Parser};
use crate::ast::*;
use crate::diagnostic::SyntaxError;
use crate::lexer::Tok;
use crate::span::Span;

fn pat(kind: PatternKind, span: Span) -> Pattern {
    Pattern { kind, span }
}

fn opt_name(name: String) -> Option<String> {
    (name != "_").then_some(name)
}

impl Parser<'_> {
    /// At the name `match`: parse a match statement, or give `None` (and consume nothing) when
    /// the line is not one (`match = 3`, `match(x)`, `match.attr`).
    pub(super) fn try_match_stmt(&mut self) -> PResult<Option<Stmt>> {
        let saved = (self.pos, self.last_end, self.depth);
        let start = self.start();
        self.advance();
        let subject = match self.match_subject() {
            Ok(e) if self.at(Tok::Colon) && self.peek(1) == Tok::Newline => e,
            _ => {
                (self.pos, self.last_end, self.depth) = saved;
                return Ok(None);
            }
        };
        self.advance(); // `:`
        self.advance(); // NEWLINE
        if !self.at(Tok::Indent) {
            let line = crate::span::LineIndex::new(self.src).line(start);
            let message =
                format!("expected an indented block after 'match' statement on line {line}");
            return Err(SyntaxError::indentation(message, self.span()));
        }
        self.advance();
        let mut cases = Vec::new();
        while !self.eat(Tok::Dedent) {
            if self.at(Tok::EndMarker) {
                break;
            }
            if !(self.at(Tok::Name) && self.text() == "case") {
                return Err(self.invalid());
            }
            cases.push(self.case_block()?);
        }
        let kind = StmtKind::Match { subject, cases };
        Ok(Some(Stmt {
            kind,
            span: self.since(start),
        }))
    }

    /// `subject_expr: star_named_expression ',' star_named_expressions? | named_expression`
    fn match_subject(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_named_expression()?;
        if !self.at(Tok::Comma) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.invalid());
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if self.at(Tok::Colon) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(expr(ExprKind::Tuple(elts), self.since(start)))
    }

    fn case_block(&mut self) -> PResult<MatchCase> {
        let start = self.start();
        self.advance(); // `case`
        let pattern = self.patterns()?;
        let guard = if self.eat(Tok::If) {
            Some(self.named_expression()?)
        } else {
            None
        };
        let body = self.block("'case' statement", start)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    /// `patterns: open_sequence_pattern | pattern`
    fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.maybe_star_pattern()?;
        if !self.at(Tok::Comma) {
            if matches!(first.kind, PatternKind::MatchStar(_)) {
                return Err(self.invalid());
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(Tok::Comma) {
            if self.at(Tok::Colon) || self.at(Tok::If) {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok(pat(PatternKind::MatchSequence(items), self.since(start)))
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        if self.eat(Tok::Star) {
            let (name, _) = self.expect_name()?;
            return Ok(pat(
                PatternKind::MatchStar(opt_name(name)),
                self.since(start),
            ));
        }
        self.pattern()
    }

    /// `pattern: or_pattern ['as' NAME]`
    fn pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let p = self.or_pattern()?;
        if !self.eat(Tok::As) {
            return Ok(p);
        }
        let (name, span) = self.expect_name()?;
        if matches!(self.tok(), Tok::Dot | Tok::LPar | Tok::LSqb) {
            return Err(self.invalid());
        }
        if name == "_" {
            return Err(SyntaxError::new("cannot use '_' as a target", span));
        }
        let kind = PatternKind::MatchAs {
            pattern: Some(Box::new(p)),
            name: Some(name),
        };
        Ok(pat(kind, self.since(start)))
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.closed_pattern()?;
        if !self.at(Tok::VBar) {
            return Ok(first);
        }
        let mut alts = vec![first];
        while self.eat(Tok::VBar) {
            alts.push(self.closed_pattern()?);
        }
        Ok(pat(PatternKind::MatchOr(alts), self.since(start)))
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.closed_pattern_inner();
        self.leave();
        r
    }

    fn closed_pattern_inner(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let span = self.span();
        match self.tok() {
            Tok::Int(_) | Tok::BigInt | Tok::Float(_) | Tok::Imag(_) | Tok::String | Tok::Minus => {
                let e = self.literal_expr()?;
                Ok(pat(PatternKind::MatchValue(e), self.since(start)))
            }
            Tok::None | Tok::True | Tok::False => {
                let c = match self.advance().kind {
                    Tok::None => Constant::None,
                    Tok::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                Ok(pat(PatternKind::MatchSingleton(c), span))
            }
            Tok::Name => {
                let name_or_attr = self.name_or_attr()?;
                if self.at(Tok::LPar) {
                    return self.class_pattern(name_or_attr, start);
                }
                match &name_or_attr.kind {
                    ExprKind::Name(name) => {
                        let kind = PatternKind::MatchAs {
                            pattern: None,
                            name: opt_name(name.clone()),
                        };
                        Ok(pat(kind, span))
                    }
                    _ => Ok(pat(
                        PatternKind::MatchValue(name_or_attr),
                        self.since(start),
                    )),
                }
            }
            Tok::LPar => {
                self.advance();
                if self.eat(Tok::RPar) {
                    return Ok(pat(
                        PatternKind::MatchSequence(Vec::new()),
                        self.since(start),
                    ));
                }
                let first = self.maybe_star_pattern()?;
                if self.eat(Tok::RPar) {
                    if matches!(first.kind, PatternKind::MatchStar(_)) {
                        return Err(SyntaxError::new("invalid syntax", first.span));
                    }
                    return Ok(first);
                }
                let items = self.sequence_rest(first, Tok::RPar)?;
                Ok(pat(PatternKind::MatchSequence(items), self.since(start)))
            }
            Tok::LSqb => {
                self.advance();
                if self.eat(Tok::RSqb) {
                    return Ok(pat(
                        PatternKind::MatchSequence(Vec::new()),
                        self.since(start),
                    ));
                }
                let first = self.maybe_star_pattern()?;
                let items = if self.eat(Tok::RSqb) {
                    vec![first]
                } else {
                    self.sequence_rest(first, Tok::RSqb)?
                };
                Ok(pat(PatternKind::MatchSequence(items), self.since(start)))
            }
            Tok::LBrace => self.mapping_pattern(),
            _ => Err(self.invalid()),
        }
    }

    /// After the first item of a bracketed sequence pattern: `, item ...` up to `close`.
    fn sequence_rest(&mut self, first: Pattern, close: Tok) -> PResult<Vec<Pattern>> {
        let mut items = vec![first];
        loop {
            if !self.eat(Tok::Comma) {
                self.expect(close)?;
                break;
            }
            if self.eat(close) {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok(items)
    }

    /// A literal: a number (with an optional sign, or `a + bj`), or strings (not f-strings).
    fn literal_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        let neg = self.eat(Tok::Minus);
        if neg
            && !matches!(
                self.tok(),
                Tok::Int(_) | Tok::BigInt | Tok::Float(_) | Tok::Imag(_)
            )
        {
            return Err(self.invalid());
        }
        let is_number = !matches!(self.tok(), Tok::String);
        let mut e = self.atom()?;
        if let ExprKind::JoinedStr(_) = e.kind {
            return Err(SyntaxError::new(
                "patterns may only match literals and attribute lookups",
                e.span,
            ));
        }
        if neg {
            e = expr(
                ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(e),
                },
                self.since(start),
            );
        }
        if is_number && matches!(self.tok(), Tok::Plus | Tok::Minus) {
            // `real + imag j`: the left side must be real, the right side imaginary.
            if matches!(e.kind, ExprKind::Constant(Constant::Imag(_)))
                || matches!(&e.kind, ExprKind::UnaryOp { operand, .. }
                    if matches!(operand.kind, ExprKind::Constant(Constant::Imag(_))))
            {
                return Err(SyntaxError::new(
                    "real number required in complex literal",
                    e.span,
                ));
            }
            let op = if self.advance().kind == Tok::Plus {
                BinOp::Add
            } else {
                BinOp::Sub
            };
            let rhs = self.span();
            let imag = match self.tok() {
                Tok::Imag(v) => v,
                Tok::Int(_) | Tok::BigInt | Tok::Float(_) => {
                    return Err(SyntaxError::new(
                        "imaginary number required in complex literal",
                        rhs,
                    ))
                }
                _ => return Err(self.invalid()),
            };
            self.advance();
            let right = expr(ExprKind::Constant(Constant::Imag(imag)), rhs);
            return Ok(expr(
                ExprKind::BinOp {
                    left: Box::new(e),
                    op,
                    right: Box::new(right),
                },
                self.since(start),
            ));
        }
        Ok(e)
    }

    /// `NAME ('.' NAME)*` as a Name or Attribute expression.
    fn name_or_attr(&mut self) -> PResult<Expr> {
        let start = self.start();
        let (name, span) = self.expect_name()?;
        let mut e = expr(ExprKind::Name(name), span);
        while self.eat(Tok::Dot) {
            let (attr, _) = self.expect_name()?;
            e = expr(
                ExprKind::Attribute {
                    value: Box::new(e),
                    attr,
                },
                self.since(start),
            );
        }
        Ok(e)
    }

    fn class_pattern(&mut self, cls: Expr, start: u32) -> PResult<Pattern> {
        self.advance(); // `(`
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.eat(Tok::RPar) {
            if self.at(Tok::Name) && self.peek(1) == Tok::Equal {
                let (name, _) = self.expect_name()?;
                self.advance(); // `=`
                kwd_attrs.push(name);
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(SyntaxError::new(
                        "positional patterns follow keyword patterns",
                        p.span,
                    ));
                }
                patterns.push(p);
            }
            if !self.eat(Tok::Comma) {
                self.expect(Tok::RPar)?;
                break;
            }
        }
        let kind = PatternKind::MatchClass {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        };
        Ok(pat(kind, self.since(start)))
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        self.advance(); // `{`
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.eat(Tok::RBrace) {
            if self.eat(Tok::DoubleStar) {
                let (name, span) = self.expect_name()?;
                if name == "_" {
                    return Err(SyntaxError::new("invalid syntax", span));
                }
                rest = Some(name);
                self.eat(Tok::Comma);
                self.expect(Tok::RBrace)?;
                break;
            }
            let key = match self.tok() {
                Tok::Int(_)
                | Tok::BigInt
                | Tok::Float(_)
                | Tok::Imag(_)
                | Tok::String
                | Tok::Minus => self.literal_expr()?,
                Tok::None | Tok::True | Tok::False => self.atom()?,
                Tok::Name if self.peek(1) == Tok::Dot => self.name_or_attr()?,
                _ => return Err(self.invalid()),
            };
            self.expect(Tok::Colon)?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat(Tok::Comma) {
                self.expect(Tok::RBrace)?;
                break;
            }
        }
        let kind = PatternKind::MatchMapping {
            keys,
            patterns,
            rest,
        };
        Ok(pat(kind, self.since(start)))
    }
}
