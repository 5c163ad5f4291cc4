//! Parameter lists of `def` and `lambda`.

use super::{PResult, Parser};
use crate::ast::{Param, Params};
use crate::diagnostic::SyntaxError;
use crate::lexer::Tok;
use crate::span::Span;

impl Parser<'_> {
    /// Parameters up to (not including) `close` (`)` for def, `:` for lambda).
    pub(super) fn param_list(&mut self, close: Tok, annotations: bool) -> PResult<Params> {
        let mut params = Params::default();
        let mut seen_star = false;
        let mut seen_slash = false;
        let mut seen_default = false;
        let mut bare_star: Option<Span> = None;
        while !self.at(close) {
            let start = self.start();
            if self.at(Tok::Slash) {
                let span = self.advance().span;
                if seen_slash {
                    return Err(SyntaxError::new("/ may appear only once", span));
                }
                if seen_star {
                    return Err(SyntaxError::new("/ must be ahead of *", span));
                }
                if params.args.is_empty() {
                    return Err(SyntaxError::new(
                        "at least one argument must precede /",
                        span,
                    ));
                }
                seen_slash = true;
                params.posonly = std::mem::take(&mut params.args);
            } else if self.at(Tok::Star) {
                let span = self.advance().span;
                if seen_star {
                    return Err(SyntaxError::new("* argument may appear only once", span));
                }
                seen_star = true;
                if self.at(Tok::Comma) || self.at(close) {
                    bare_star = Some(span);
                } else {
                    let p = self.param(start, annotations)?;
                    if self.at(Tok::Equal) {
                        return Err(SyntaxError::new(
                            "var-positional argument cannot have default value",
                            self.span(),
                        ));
                    }
                    params.vararg = Some(p);
                }
            } else if self.at(Tok::DoubleStar) {
                self.advance();
                let p = self.param(start, annotations)?;
                if self.at(Tok::Equal) {
                    return Err(SyntaxError::new(
                        "var-keyword argument cannot have default value",
                        self.span(),
                    ));
                }
                params.kwarg = Some(p);
                self.eat(Tok::Comma);
                if !self.at(close) {
                    if self.at(Tok::Name)
                        || self.at(Tok::Star)
                        || self.at(Tok::DoubleStar)
                        || self.at(Tok::Slash)
                    {
                        return Err(SyntaxError::new(
                            "arguments cannot follow var-keyword argument",
                            self.span(),
                        ));
                    }
                    return Err(self.invalid());
                }
                break;
            } else {
                let mut p = self.param(start, annotations)?;
                if self.eat(Tok::Equal) {
                    p.default = Some(self.expression()?);
                    if !seen_star {
                        seen_default = true;
                    }
                } else if seen_default && !seen_star {
                    return Err(SyntaxError::new(
                        "non-default argument follows default argument",
                        p.span,
                    ));
                }
                p.span = self.since(start);
                if seen_star {
                    params.kwonly.push(p);
                } else {
                    params.args.push(p);
                }
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        if let Some(span) = bare_star {
            if params.kwonly.is_empty() {
                return Err(SyntaxError::new("named arguments must follow bare *", span));
            }
        }
        if !self.at(close) {
            return Err(self.invalid());
        }
        self.check_duplicates(&params)?;
        Ok(params)
    }

    fn param(&mut self, start: u32, annotations: bool) -> PResult<Param> {
        let (name, _) = self.expect_name()?;
        let annotation = if annotations && self.eat(Tok::Colon) {
            Some(self.expression()?)
        } else {
            None
        };
        Ok(Param {
            name,
            default: None,
            annotation,
            span: self.since(start),
        })
    }

    fn check_duplicates(&self, params: &Params) -> PResult<()> {
        let all: Vec<&Param> = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg)
            .collect();
        let mut seen = std::collections::HashSet::with_capacity(all.len());
        for p in all {
            if !seen.insert(p.name.as_str()) {
                return Err(SyntaxError::new(
                    format!("duplicate argument '{}' in function definition", p.name),
                    p.span,
                ));
            }
        }
        Ok(())
    }
}
