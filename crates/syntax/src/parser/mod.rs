//! A hand-written recursive-descent parser following CPython's grammar. Binary operators use
//! precedence climbing; flat chains (`a+b+...`, `a.b.c...`, elif chains, `x**y**z`) are parsed
//! with loops, and every recursion through brackets, unary operators or nested blocks is
//! counted so that deep nesting fails with a SyntaxError instead of overflowing the stack.

mod atoms;
mod expr;
mod fstring;
mod params;
mod patterns;
mod stmt;
mod targets;

use crate::ast::{Expr, ExprKind, Module};
use crate::diagnostic::SyntaxError;
use crate::lexer::{Tok, Token};
use crate::span::Span;

/// Nested expressions (brackets, unary operators, lambdas...) deeper than this are an error.
pub const MAX_EXPR_DEPTH: u32 = 250;
/// Nesting this many statement blocks is an error (CPython's tokenizer allows 100 indentation
/// levels, so this fires first).
pub const MAX_BLOCK_DEPTH: u32 = 100;

pub fn parse_module(src: &str) -> Result<Module, SyntaxError> {
    let tokens = crate::indent::tokenize(src)?;
    let mut p = Parser::new(src, tokens, 0);
    let body = p.parse_file()?;
    Ok(Module { body })
}

/// Parse a single expression (the `eval` input form): surrounding whitespace and newlines are
/// allowed.
pub fn parse_expression(src: &str) -> Result<Expr, SyntaxError> {
    let tokens = crate::indent::tokenize_fragment(src, 0, src.len())?;
    let mut p = Parser::new(src, tokens, 0);
    let e = p.star_expressions()?;
    p.expect_end()?;
    Ok(e)
}

pub(crate) struct Parser<'s> {
    src: &'s str,
    toks: Vec<Token>,
    pos: usize,
    /// End of the last consumed token that is not NEWLINE/INDENT/DEDENT.
    last_end: u32,
    /// Current expression nesting depth.
    depth: u32,
    /// Current statement block nesting depth.
    blocks: u32,
    /// Inside a `def` or `lambda` body (not counting class bodies within it).
    in_func: bool,
    /// Loops enclosing the current statement within the current function or class body.
    loops: u32,
    /// Enclosing `def`/`class` bodies.
    scopes: u32,
}

type PResult<T> = Result<T, SyntaxError>;

impl<'s> Parser<'s> {
    fn new(src: &'s str, toks: Vec<Token>, depth: u32) -> Parser<'s> {
        Parser {
            src,
            toks,
            pos: 0,
            last_end: 0,
            depth,
            blocks: 0,
            in_func: false,
            loops: 0,
            scopes: 0,
        }
    }

    // ----- token cursor -----

    fn tok(&self) -> Tok {
        self.toks.get(self.pos).map_or(Tok::EndMarker, |t| t.kind)
    }
    fn peek(&self, n: usize) -> Tok {
        self.toks
            .get(self.pos + n)
            .map_or(Tok::EndMarker, |t| t.kind)
    }
    fn span(&self) -> Span {
        self.toks
            .get(self.pos)
            .or(self.toks.last())
            .map_or(Span::default(), |t| t.span)
    }
    fn start(&self) -> u32 {
        self.span().start
    }
    fn text(&self) -> &'s str {
        self.src.get(self.span().range()).unwrap_or("")
    }
    fn advance(&mut self) -> Token {
        let t = self.toks.get(self.pos).copied().unwrap_or(Token {
            kind: Tok::EndMarker,
            span: self.span(),
        });
        if self.pos < self.toks.len() {
            self.pos += 1;
        }
        if !matches!(
            t.kind,
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::EndMarker
        ) {
            self.last_end = t.span.end;
        }
        t
    }
    fn at(&self, t: Tok) -> bool {
        self.tok() == t
    }
    fn eat(&mut self, t: Tok) -> bool {
        if self.at(t) {
            self.advance();
            true
        } else {
            false
        }
    }
    /// Span from `start` to the end of the last consumed token.
    fn since(&self, start: u32) -> Span {
        Span {
            start,
            end: self.last_end.max(start),
        }
    }

    // ----- errors -----

    /// "invalid syntax" at the current token (with CPython's special cases).
    fn invalid(&self) -> SyntaxError {
        let span = self.span();
        match self.tok() {
            Tok::Indent => SyntaxError::indentation("unexpected indent", span),
            Tok::Dedent => SyntaxError::indentation("unexpected unindent", span),
            _ => SyntaxError::new("invalid syntax", span),
        }
    }
    fn expect(&mut self, t: Tok) -> PResult<Token> {
        if self.at(t) {
            return Ok(self.advance());
        }
        if t == Tok::Colon && !matches!(self.tok(), Tok::Indent | Tok::Dedent) {
            // CPython points just after the previous token.
            let end = self.last_end as usize;
            return Err(SyntaxError::new("expected ':'", Span::new(end, end)));
        }
        Err(self.invalid())
    }
    fn expect_name(&mut self) -> PResult<(String, Span)> {
        if self.at(Tok::Name) {
            let text = self.text().to_string();
            let t = self.advance();
            return Ok((text, t.span));
        }
        Err(self.invalid())
    }
    fn expect_end(&mut self) -> PResult<()> {
        if self.at(Tok::EndMarker) {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    /// Enter one level of expression nesting.
    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_EXPR_DEPTH {
            return Err(SyntaxError::new("too many nested parentheses", self.span()));
        }
        Ok(())
    }
    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Run `f` as the body of a function (`func`) or class: loops outside do not count.
    fn in_scope<T>(&mut self, func: bool, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let saved = (self.in_func, self.loops);
        self.in_func = func;
        self.loops = 0;
        self.scopes += 1;
        let r = f(self);
        self.scopes -= 1;
        (self.in_func, self.loops) = saved;
        r
    }
}

fn expr(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}
