//! The indentation layer, in the manner of starlark-rust's lexer: it walks the raw `logos`
//! tokens and produces NEWLINE at the end of each logical line, INDENT / DEDENT when the
//! indentation changes, and a final NEWLINE + DEDENTs + ENDMARKER at the end of the input.
//! Inside brackets newlines are ignored; blank and comment-only lines never count.
//! Bracket matching errors (`unmatched ')'`, `'(' was never closed`) are reported here.

use crate::diagnostic::SyntaxError;
use crate::lexer::{lex_error, Tok, Token};
use crate::span::{LineIndex, Span};
use logos::Logos;

/// CPython's limit on nested brackets (the tokenizer's MAXLEVEL).
pub const MAX_PAREN_DEPTH: usize = 200;
/// CPython's limit on indentation levels (the tokenizer's MAXINDENT).
pub const MAX_INDENT_DEPTH: usize = 100;

/// Tokenize a whole file.
pub fn tokenize(src: &str) -> Result<Vec<Token>, SyntaxError> {
    // A UTF-8 byte order mark at the start is skipped, as CPython does.
    let start = if src.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    Layout::new(src, start, false).run(&src[start..])
}

/// Tokenize `src[start..end]` as if it were inside brackets (the expression of an f-string
/// replacement field): no NEWLINE/INDENT/DEDENT, spans relative to the whole `src`.
pub fn tokenize_fragment(src: &str, start: usize, end: usize) -> Result<Vec<Token>, SyntaxError> {
    let text = src.get(start..end).unwrap_or("");
    Layout::new(src, start, true).run(text)
}

struct Layout<'s> {
    src: &'s str,
    offset: usize,
    fragment: bool,
    out: Vec<Token>,
    /// (column with tabs to multiples of 8, column with tabs counted as 1).
    indents: Vec<(u32, u32)>,
    brackets: Vec<(Tok, Span)>,
    at_line_start: bool,
    line_start: usize,
}

impl<'s> Layout<'s> {
    fn new(src: &'s str, offset: usize, fragment: bool) -> Layout<'s> {
        Layout {
            src,
            offset,
            fragment,
            out: Vec::new(),
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            at_line_start: true,
            line_start: offset,
        }
    }

    fn run(mut self, text: &str) -> Result<Vec<Token>, SyntaxError> {
        self.out.reserve(text.len() / 3 + 8);
        let mut lexer = Tok::lexer(text).spanned();
        for (res, range) in &mut lexer {
            let kind = match res {
                Ok(kind) => kind,
                Err(e) => return Err(lex_error(e, text, range, self.offset)),
            };
            let span = Span::new(range.start + self.offset, range.end + self.offset);
            if kind == Tok::Newline {
                if self.fragment || !self.brackets.is_empty() || self.at_line_start {
                    self.line_start = span.end as usize;
                    continue;
                }
                self.out.push(Token { kind, span });
                self.at_line_start = true;
                self.line_start = span.end as usize;
                continue;
            }
            if self.at_line_start && !self.fragment {
                self.indentation(span)?;
            }
            self.at_line_start = false;
            self.brackets(kind, span)?;
            self.out.push(Token { kind, span });
        }
        let end = self.offset + text.len();
        if let Some(&(open, span)) = self.brackets.last() {
            let c = bracket_char(open);
            return Err(SyntaxError::new(format!("'{c}' was never closed"), span));
        }
        let eof = Span::new(end, end);
        if !self.fragment {
            if !self.at_line_start {
                self.out.push(Token {
                    kind: Tok::Newline,
                    span: eof,
                });
            }
            for _ in 1..self.indents.len() {
                self.out.push(Token {
                    kind: Tok::Dedent,
                    span: eof,
                });
            }
        }
        self.out.push(Token {
            kind: Tok::EndMarker,
            span: eof,
        });
        Ok(self.out)
    }

    /// The first token of a logical line starts at `span`: compare its indentation with the
    /// stack and emit INDENT / DEDENTs.
    fn indentation(&mut self, span: Span) -> Result<(), SyntaxError> {
        let (mut col, mut alt) = (0u32, 0u32);
        let first = span.start as usize;
        for b in self.src.as_bytes()[self.line_start..first].iter() {
            match b {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                b'\x0C' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
        }
        let tab_error = || {
            SyntaxError::tab(
                "inconsistent use of tabs and spaces in indentation",
                Span::new(first, first),
            )
        };
        let (top, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if alt != top_alt {
                return Err(tab_error());
            }
        } else if col > top {
            if alt <= top_alt {
                return Err(tab_error());
            }
            if self.indents.len() > MAX_INDENT_DEPTH {
                return Err(SyntaxError::indentation(
                    "too many levels of indentation",
                    span,
                ));
            }
            self.indents.push((col, alt));
            self.out.push(Token {
                kind: Tok::Indent,
                span: Span::new(self.line_start, first),
            });
        } else {
            while self.indents.last().is_some_and(|&(c, _)| c > col) {
                self.indents.pop();
                self.out.push(Token {
                    kind: Tok::Dedent,
                    span: Span::new(first, first),
                });
            }
            let (top, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                return Err(SyntaxError::indentation(
                    "unindent does not match any outer indentation level",
                    Span::new(first, first),
                ));
            }
            if alt != top_alt {
                return Err(tab_error());
            }
        }
        Ok(())
    }

    fn brackets(&mut self, kind: Tok, span: Span) -> Result<(), SyntaxError> {
        match kind {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if self.brackets.len() >= MAX_PAREN_DEPTH {
                    return Err(SyntaxError::new("too many nested parentheses", span));
                }
                self.brackets.push((kind, span));
            }
            Tok::RPar | Tok::RSqb | Tok::RBrace => {
                let close = bracket_char(kind);
                let Some((open, open_span)) = self.brackets.pop() else {
                    return Err(SyntaxError::new(format!("unmatched '{close}'"), span));
                };
                let expected = match open {
                    Tok::LPar => Tok::RPar,
                    Tok::LSqb => Tok::RSqb,
                    _ => Tok::RBrace,
                };
                if kind != expected {
                    let open_c = bracket_char(open);
                    let index = LineIndex::new(self.src);
                    let (open_line, close_line) =
                        (index.line(open_span.start), index.line(span.start));
                    let message = if open_line == close_line {
                        format!("closing parenthesis '{close}' does not match opening parenthesis '{open_c}'")
                    } else {
                        format!(
                            "closing parenthesis '{close}' does not match opening parenthesis '{open_c}' on line {open_line}"
                        )
                    };
                    return Err(SyntaxError::new(message, span));
                }
            }
            _ => {}
        }
        Ok(())
    }
}

fn bracket_char(t: Tok) -> char {
    match t {
        Tok::LPar => '(',
        Tok::RPar => ')',
        Tok::LSqb => '[',
        Tok::RSqb => ']',
        Tok::LBrace => '{',
        _ => '}',
    }
}
