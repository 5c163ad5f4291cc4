//! Raw tokens, produced by a `logos` state machine. Whitespace, comments and backslash line
//! continuations are skipped here; physical newlines come out as [`Tok::Newline`] and the
//! indentation layer ([`crate::indent`]) turns them into NEWLINE / INDENT / DEDENT.
//!
//! String literals are matched by their prefix and opening quote; a callback then scans to the
//! closing quote (escapes are decoded later, by [`crate::strings`]). Names and string tokens
//! carry no payload: the parser slices the source with the token's span.

use crate::diagnostic::SyntaxError;
use crate::span::{LineIndex, Span};
use logos::Logos;

/// An error found by a lexer callback. `Default` (no message) means "no token matched here",
/// which [`lex_error`] turns into the CPython message for the offending character.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LexError {
    pub message: Option<String>,
    pub span: Option<Span>,
}

impl LexError {
    fn at(message: impl Into<String>, start: usize, end: usize) -> LexError {
        LexError {
            message: Some(message.into()),
            span: Some(Span::new(start, end)),
        }
    }
}

#[derive(Logos, Clone, Copy, Debug, PartialEq)]
#[logos(error = LexError)]
#[logos(skip r"[ \t\x0C]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
#[logos(skip r"\\(\r\n|\n|\r)")]
pub enum Tok {
    #[regex(r"\r\n|\n|\r")]
    Newline,
    /// Produced by the indentation layer only.
    Indent,
    /// Produced by the indentation layer only.
    Dedent,
    /// End of input; produced by the indentation layer only.
    EndMarker,

    #[regex(r"[A-Za-z_][A-Za-z0-9_]*", lex_name)]
    #[regex(r"[^\x00-\x7F]", lex_unicode_name)]
    Name,
    /// An int literal that fits an i64.
    Int(i64),
    /// An int literal too large for an i64: the parser reads its digits from the source text.
    BigInt,
    /// Matched by the int regexes; the callbacks emit `Int` or `BigInt` instead.
    #[regex(r"[0-9](_?[0-9])*", lex_decimal)]
    #[regex(r"0[xX](_?[0-9a-fA-F])+", |lex| lex_radix(lex, 16))]
    #[regex(r"0[oO](_?[0-7])+", |lex| lex_radix(lex, 8))]
    #[regex(r"0[bB](_?[01])+", |lex| lex_radix(lex, 2))]
    IntLiteral,
    #[regex(
        r"[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?",
        lex_float
    )]
    #[regex(r"\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?", lex_float)]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*", lex_float)]
    Float(f64),
    /// An imaginary literal (`1j`, `1.5J`, `1e3j`): its imaginary part.
    #[regex(r"[0-9](_?[0-9])*[jJ]", lex_imag)]
    #[regex(
        r"[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?[jJ]",
        lex_imag
    )]
    #[regex(r"\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?[jJ]", lex_imag)]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*[jJ]", lex_imag)]
    Imag(f64),
    #[regex(r#"([rRbBfFuU]|[rR][bBfF]|[bBfF][rR])?['"]"#, lex_string)]
    String,

    // Keywords.
    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,

    // Operators and delimiters.
    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(";")]
    Semi,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("->")]
    Arrow,
    #[token(":=")]
    ColonEqual,
    #[token("@")]
    At,
    #[token("=")]
    Equal,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    DoubleStar,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("|")]
    VBar,
    #[token("&")]
    Amper,
    #[token("^")]
    Circumflex,
    #[token("~")]
    Tilde,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinusEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("@=")]
    AtEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VBarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
}

impl Tok {
    /// The name used in token dumps (CPython's `token` module names where they exist).
    pub fn name(self) -> &'static str {
        match self {
            Tok::Newline => "NEWLINE",
            Tok::Indent => "INDENT",
            Tok::Dedent => "DEDENT",
            Tok::EndMarker => "ENDMARKER",
            Tok::Name => "NAME",
            Tok::Int(_) | Tok::BigInt | Tok::IntLiteral => "INT",
            Tok::Float(_) => "FLOAT",
            Tok::Imag(_) => "IMAGINARY",
            Tok::String => "STRING",
            t if t.is_keyword() => "KEYWORD",
            _ => "OP",
        }
    }

    pub fn is_keyword(self) -> bool {
        matches!(
            self,
            Tok::False
                | Tok::None
                | Tok::True
                | Tok::And
                | Tok::As
                | Tok::Assert
                | Tok::Async
                | Tok::Await
                | Tok::Break
                | Tok::Class
                | Tok::Continue
                | Tok::Def
                | Tok::Del
                | Tok::Elif
                | Tok::Else
                | Tok::Except
                | Tok::Finally
                | Tok::For
                | Tok::From
                | Tok::Global
                | Tok::If
                | Tok::Import
                | Tok::In
                | Tok::Is
                | Tok::Lambda
                | Tok::Nonlocal
                | Tok::Not
                | Tok::Or
                | Tok::Pass
                | Tok::Raise
                | Tok::Return
                | Tok::Try
                | Tok::While
                | Tok::With
                | Tok::Yield
        )
    }
}

/// A token with its byte span in the whole source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Token {
    pub kind: Tok,
    pub span: Span,
}

/// Continue an identifier into non-ASCII characters (`café`). Unicode identifiers are
/// approximated with `char::is_alphanumeric` (XID_Continue also has combining marks).
fn lex_name(lex: &mut logos::Lexer<Tok>) {
    let rest = lex.remainder();
    if rest.as_bytes().first().is_some_and(|b| !b.is_ascii()) {
        let n: usize = rest
            .chars()
            .take_while(|&c| c.is_alphanumeric() || c == '_')
            .map(char::len_utf8)
            .sum();
        lex.bump(n);
    }
}

/// An identifier starting with a non-ASCII letter, or an invalid character.
fn lex_unicode_name(lex: &mut logos::Lexer<Tok>) -> Result<(), LexError> {
    let c = lex.slice().chars().next().unwrap_or('\0');
    if !c.is_alphabetic() {
        return Err(LexError::default());
    }
    let rest = lex.remainder();
    let n: usize = rest
        .chars()
        .take_while(|&c| c.is_alphanumeric() || c == '_')
        .map(char::len_utf8)
        .sum();
    lex.bump(n);
    Ok(())
}

/// Keywords that may directly follow a number without a space (`1if x else 2`); CPython
/// accepts these with a warning.
const KEYWORDS_AFTER_NUMBER: [&str; 8] = ["and", "else", "for", "if", "in", "is", "not", "or"];

/// Reject `1abc`, `0x1g`, `1_`: a number directly followed by an identifier character.
fn check_number_end(lex: &logos::Lexer<Tok>, kind: &str) -> Result<(), LexError> {
    let rest = lex.remainder();
    let Some(c) = rest.chars().next() else {
        return Ok(());
    };
    if !(c.is_alphanumeric() || c == '_') {
        return Ok(());
    }
    if KEYWORDS_AFTER_NUMBER.iter().any(|k| {
        rest.starts_with(k)
            && !rest[k.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
    }) {
        return Ok(());
    }
    let start = lex.span().start;
    let end = lex.span().end + c.len_utf8();
    let text = lex.slice();
    let msg = match (text, c) {
        ("0", 'x' | 'X') => "invalid hexadecimal literal".to_string(),
        ("0", 'o' | 'O' | 'b' | 'B') => {
            let (name, ok): (&str, fn(char) -> bool) = if matches!(c, 'o' | 'O') {
                ("octal", |d| ('0'..='7').contains(&d))
            } else {
                ("binary", |d| d == '0' || d == '1')
            };
            match rest[1..].chars().next() {
                Some(d) if d.is_ascii_digit() && !ok(d) => {
                    format!("invalid digit '{d}' in {name} literal")
                }
                _ => format!("invalid {name} literal"),
            }
        }
        _ if kind == "octal" && c.is_ascii_digit() => {
            format!("invalid digit '{c}' in octal literal")
        }
        _ if kind == "binary" && c.is_ascii_digit() => {
            format!("invalid digit '{c}' in binary literal")
        }
        _ => format!("invalid {kind} literal"),
    };
    Err(LexError::at(msg, start, end))
}

fn lex_decimal(lex: &mut logos::Lexer<Tok>) -> Result<Tok, LexError> {
    check_number_end(lex, "decimal")?;
    let text = lex.slice();
    if text.starts_with('0') && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        let r = lex.span();
        return Err(LexError::at(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            r.start,
            r.end,
        ));
    }
    let digits: String = text.chars().filter(|&c| c != '_').collect();
    // CPython 3.11 refuses decimal literals past its int/str conversion limit at compile time.
    const MAX_STR_DIGITS: usize = 4300;
    if digits.len() > MAX_STR_DIGITS {
        let r = lex.span();
        return Err(LexError::at(
            format!(
                "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                digits.len()
            ),
            r.start,
            r.end,
        ));
    }
    Ok(digits.parse::<i64>().map_or(Tok::BigInt, Tok::Int))
}

fn lex_radix(lex: &mut logos::Lexer<Tok>, radix: u32) -> Result<Tok, LexError> {
    let kind = match radix {
        16 => "hexadecimal",
        8 => "octal",
        _ => "binary",
    };
    check_number_end(lex, kind)?;
    let digits: String = lex.slice()[2..].chars().filter(|&c| c != '_').collect();
    Ok(i64::from_str_radix(&digits, radix).map_or(Tok::BigInt, Tok::Int))
}

fn lex_float(lex: &mut logos::Lexer<Tok>) -> Result<f64, LexError> {
    check_number_end(lex, "decimal")?;
    let text: String = lex.slice().chars().filter(|&c| c != '_').collect();
    text.parse::<f64>().map_err(|_| {
        let r = lex.span();
        LexError::at("invalid decimal literal", r.start, r.end)
    })
}

fn lex_imag(lex: &mut logos::Lexer<Tok>) -> Result<f64, LexError> {
    check_number_end(lex, "imaginary")?;
    let text = lex.slice();
    let text: String = text[..text.len() - 1]
        .chars()
        .filter(|&c| c != '_')
        .collect();
    text.parse::<f64>().map_err(|_| {
        let r = lex.span();
        LexError::at("invalid imaginary literal", r.start, r.end)
    })
}

/// Scan a string literal from just after its opening quote to just after its closing quote.
fn lex_string(lex: &mut logos::Lexer<Tok>) -> Result<(), LexError> {
    let opening = lex.slice();
    let quote = opening.as_bytes()[opening.len() - 1];
    let start = lex.span().start;
    let rest = lex.remainder().as_bytes();
    let triple = rest.len() >= 2 && rest[0] == quote && rest[1] == quote;
    let mut i = if triple { 2 } else { 0 };
    loop {
        let Some(&b) = rest.get(i) else {
            let src = lex.source();
            let message = if triple {
                let last = if src.ends_with('\n') {
                    src.len() - 1
                } else {
                    src.len()
                };
                let line = LineIndex::new(src).line(last as u32);
                format!("unterminated triple-quoted string literal (detected at line {line})")
            } else {
                let line = LineIndex::new(src).line(start as u32);
                format!("unterminated string literal (detected at line {line})")
            };
            return Err(LexError::at(message, start, start));
        };
        match b {
            b'\\' => {
                // Skip the escaped character (a `\r\n` pair counts as one).
                i += 1;
                if rest.get(i) == Some(&b'\r') && rest.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                if i < rest.len() {
                    i += 1;
                }
            }
            b'\n' | b'\r' if !triple => {
                let src = lex.source();
                let line = LineIndex::new(src).line(start as u32);
                let message = format!("unterminated string literal (detected at line {line})");
                return Err(LexError::at(message, start, start));
            }
            _ if b == quote => {
                if !triple {
                    i += 1;
                    break;
                }
                if rest.get(i + 1) == Some(&quote) && rest.get(i + 2) == Some(&quote) {
                    i += 3;
                    break;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    lex.bump(i);
    Ok(())
}

/// Turn a logos error at `range` (relative to `text`, which starts at byte `offset` of the
/// file) into a SyntaxError with CPython's wording.
pub(crate) fn lex_error(
    err: LexError,
    text: &str,
    range: std::ops::Range<usize>,
    offset: usize,
) -> SyntaxError {
    if let (Some(message), Some(span)) = (err.message, err.span) {
        let span = Span::new(span.start as usize + offset, span.end as usize + offset);
        return SyntaxError::new(message, span);
    }
    let rest = &text[range.start..];
    let c = rest.chars().next().unwrap_or('\0');
    let start = range.start + offset;
    let span = Span::new(start, start + c.len_utf8());
    if c == '\\' {
        if rest.len() == 1 {
            return SyntaxError::new(
                "unexpected EOF while parsing",
                Span::new(start + 1, start + 1),
            );
        }
        return SyntaxError::new(
            "unexpected character after line continuation character",
            span,
        );
    }
    if c == '!' {
        return SyntaxError::new("invalid syntax", span);
    }
    if c.is_control() || c == '\u{feff}' {
        return SyntaxError::new(
            format!("invalid non-printable character U+{:04X}", c as u32),
            span,
        );
    }
    SyntaxError::new(
        format!("invalid character '{c}' (U+{:04X})", c as u32),
        span,
    )
}

/// The token dump used by the golden tests: one token per line, `KIND 'text' line:col`.
pub fn dump_tokens(src: &str) -> Result<String, SyntaxError> {
    let tokens = crate::indent::tokenize(src)?;
    let index = LineIndex::new(src);
    let mut out = String::new();
    for t in tokens {
        let (line, col) = index.line_col(src, t.span.start);
        let text = src.get(t.span.range()).unwrap_or("");
        let name = t.kind.name();
        out.push_str(&format!("{name} {text:?} {line}:{col}\n"));
    }
    Ok(out)
}
