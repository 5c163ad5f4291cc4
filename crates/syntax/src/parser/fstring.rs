//! String atoms: implicit concatenation of adjacent literals and f-strings. The expression of
//! a replacement field is tokenized straight from the original source (so its spans point into
//! the file) and parsed by a sub-parser that shares the nesting depth.

use super::{expr, PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind, FStringPart};
use crate::diagnostic::SyntaxError;
use crate::lexer::Tok;
use crate::span::Span;
use crate::strings::{decode_bytes, decode_str, escape, literal_char, Escaped, StrToken};

fn push_literal(parts: &mut Vec<FStringPart>, s: String) {
    if s.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(last)) = parts.last_mut() {
        last.push_str(&s);
    } else {
        parts.push(FStringPart::Literal(s));
    }
}

fn fstring_error(message: &str, at: usize) -> SyntaxError {
    SyntaxError::new(format!("f-string: {message}"), Span::new(at, at + 1))
}

impl Parser<'_> {
    /// One or more adjacent STRING tokens.
    pub(super) fn strings(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut parts: Vec<FStringPart> = Vec::new();
        let mut is_fstring = false;
        let mut bytes: Option<Vec<u8>> = None;
        let mut saw_str = false;
        while self.at(Tok::String) {
            let span = self.span();
            let tok = StrToken::new(self.src, span);
            self.advance();
            if tok.bytes {
                if saw_str {
                    return Err(SyntaxError::new(
                        "cannot mix bytes and nonbytes literals",
                        span,
                    ));
                }
                let b = decode_bytes(self.src, &tok, span)?;
                bytes.get_or_insert_with(Vec::new).extend_from_slice(&b);
                continue;
            }
            if bytes.is_some() {
                return Err(SyntaxError::new(
                    "cannot mix bytes and nonbytes literals",
                    span,
                ));
            }
            saw_str = true;
            if tok.fstring {
                is_fstring = true;
                let mut i = tok.start;
                self.fstring_parts(&tok, &mut i, &mut parts, 0)?;
            } else {
                push_literal(&mut parts, decode_str(self.src, &tok)?);
            }
        }
        let span = self.since(start);
        if let Some(b) = bytes {
            return Ok(expr(ExprKind::Constant(Constant::Bytes(b)), span));
        }
        if is_fstring {
            return Ok(expr(ExprKind::JoinedStr(parts), span));
        }
        let s = match parts.pop() {
            Some(FStringPart::Literal(s)) => s,
            _ => String::new(),
        };
        Ok(expr(ExprKind::Constant(Constant::Str(s)), span))
    }

    /// Parse f-string contents from `*i` up to the end of the token (nesting 0) or up to the
    /// `}` closing a format spec (nesting > 0, `*i` is left on that `}`).
    fn fstring_parts(
        &mut self,
        tok: &StrToken,
        i: &mut usize,
        parts: &mut Vec<FStringPart>,
        nesting: u32,
    ) -> PResult<()> {
        let src = self.src;
        let b = src.as_bytes();
        let mut lit = String::new();
        while *i < tok.end {
            match b[*i] {
                b'{' if b.get(*i + 1) == Some(&b'{') && *i + 1 < tok.end => {
                    lit.push('{');
                    *i += 2;
                }
                b'{' => {
                    push_literal(parts, std::mem::take(&mut lit));
                    if nesting >= 2 {
                        return Err(fstring_error("expressions nested too deeply", *i));
                    }
                    *i += 1;
                    self.replacement_field(tok, i, parts, nesting)?;
                }
                b'}' if nesting > 0 => break,
                b'}' if b.get(*i + 1) == Some(&b'}') && *i + 1 < tok.end => {
                    lit.push('}');
                    *i += 2;
                }
                b'}' => return Err(fstring_error("single '}' is not allowed", *i)),
                b'\\' if !tok.raw => {
                    let (e, next) = escape(src, *i, false, tok.start)?;
                    match e {
                        Escaped::Char(c) => lit.push(c),
                        Escaped::Byte(v) => lit.push(v as char),
                        Escaped::Nothing => {}
                        Escaped::Backslash => lit.push('\\'),
                    }
                    *i = next;
                }
                _ => *i = literal_char(src, *i, &mut lit),
            }
        }
        push_literal(parts, lit);
        Ok(())
    }

    /// A `{expr!c:spec}` field; `*i` is just after the `{`, and is left after the `}`.
    fn replacement_field(
        &mut self,
        tok: &StrToken,
        i: &mut usize,
        parts: &mut Vec<FStringPart>,
        nesting: u32,
    ) -> PResult<()> {
        let src = self.src;
        let b = src.as_bytes();
        let expr_start = *i;
        let mut j = *i;
        let mut depth = 0u32;
        let mut debug = false;
        // Find the end of the expression.
        loop {
            if j >= tok.end {
                return Err(fstring_error(
                    "expecting '}'",
                    j.min(src.len().saturating_sub(1)),
                ));
            }
            match b[j] {
                q @ (b'\'' | b'"') => {
                    let close = src[j + 1..tok.end].find(q as char);
                    match close {
                        Some(k) => {
                            if let Some(bs) = src[j + 1..j + 1 + k].find('\\') {
                                let at = j + 1 + bs;
                                return Err(SyntaxError::new(
                                    "f-string expression part cannot include a backslash",
                                    Span::new(at, at + 1),
                                ));
                            }
                            j += k + 2
                        }
                        None => return Err(fstring_error("unterminated string", j)),
                    }
                    continue;
                }
                b'\\' => {
                    return Err(SyntaxError::new(
                        "f-string expression part cannot include a backslash",
                        Span::new(j, j + 1),
                    ))
                }
                b'#' => {
                    return Err(SyntaxError::new(
                        "f-string expression part cannot include '#'",
                        Span::new(j, j + 1),
                    ))
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' if depth == 0 => {
                    return Err(fstring_error(&format!("unmatched '{}'", b[j] as char), j));
                }
                b')' | b']' => depth -= 1,
                b'}' if depth == 0 => break,
                b'}' => depth -= 1,
                b'!' if depth == 0 && b.get(j + 1) != Some(&b'=') => break,
                b':' if depth == 0 => break,
                b'=' | b'!' | b'<' | b'>' if b.get(j + 1) == Some(&b'=') => {
                    j += 2;
                    continue;
                }
                b'=' if depth == 0 => {
                    debug = true;
                    break;
                }
                _ => {}
            }
            j += src[j..].chars().next().map_or(1, char::len_utf8);
        }
        let expr_end = j;
        if src[expr_start..expr_end].trim().is_empty() {
            return Err(fstring_error("empty expression not allowed", expr_end));
        }
        let value = self.fstring_expr(expr_start, expr_end)?;
        let mut debug_text = None;
        if debug {
            j += 1;
            while j < tok.end && matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                j += 1;
            }
            debug_text = Some(src[expr_start..j].to_string());
        }
        let mut conversion = None;
        if j < tok.end && b[j] == b'!' {
            let c = src[j + 1..].chars().next().unwrap_or('}');
            let after = j + 1 + c.len_utf8();
            if !matches!(c, 's' | 'r' | 'a') || after >= tok.end || !matches!(b[after], b':' | b'}')
            {
                return Err(fstring_error(
                    "invalid conversion character: expected 's', 'r', or 'a'",
                    (j + 1).min(tok.end),
                ));
            }
            conversion = Some(c);
            j = after;
        }
        let mut format_spec = None;
        if j < tok.end && b[j] == b':' {
            j += 1;
            let mut spec = Vec::new();
            self.fstring_parts(tok, &mut j, &mut spec, nesting + 1)?;
            format_spec = Some(spec);
        }
        if j >= tok.end || b[j] != b'}' {
            return Err(fstring_error(
                "expecting '}'",
                j.min(src.len().saturating_sub(1)),
            ));
        }
        *i = j + 1;
        parts.push(FStringPart::Formatted {
            value: Box::new(value),
            conversion,
            format_spec,
            debug_text,
        });
        Ok(())
    }

    fn fstring_expr(&mut self, start: usize, end: usize) -> PResult<Expr> {
        let tokens = crate::indent::tokenize_fragment(self.src, start, end)?;
        let mut sub = Parser::new(self.src, tokens, self.depth + 1);
        let prefix = |mut e: SyntaxError| {
            if !e.message.starts_with("f-string") {
                e.message = format!("f-string: {}", e.message);
            }
            e
        };
        if sub.depth > super::MAX_EXPR_DEPTH {
            return Err(SyntaxError::new(
                "too many nested parentheses",
                Span::new(start, end),
            ));
        }
        let e = sub.star_expressions_or_yield().map_err(prefix)?;
        if !sub.at(Tok::EndMarker) {
            return Err(prefix(sub.missing_comma(e.span.start)));
        }
        Ok(e)
    }
}
