//! String literal tokens: prefixes, quotes and escape sequences.

use crate::diagnostic::SyntaxError;
use crate::span::Span;

/// The parts of a string token: its flags and the byte range of its contents in the source.
#[derive(Clone, Copy, Debug)]
pub struct StrToken {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
    /// Contents, between the quotes (absolute byte offsets).
    pub start: usize,
    pub end: usize,
}

impl StrToken {
    /// Split a STRING token's text (as matched by the lexer, so well formed).
    pub fn new(src: &str, span: Span) -> StrToken {
        let text = &src[span.range()];
        let prefix_len = text.find(['\'', '"']).unwrap_or(0);
        let prefix = &text[..prefix_len];
        let rest = &text.as_bytes()[prefix_len..];
        let quote_len = if rest.len() >= 6 && rest[0] == rest[1] && rest[1] == rest[2] {
            3
        } else {
            1
        };
        let has = |c: char| prefix.chars().any(|p| p.eq_ignore_ascii_case(&c));
        StrToken {
            raw: has('r'),
            bytes: has('b'),
            fstring: has('f'),
            start: span.start as usize + prefix_len + quote_len,
            end: (span.end as usize).saturating_sub(quote_len),
        }
    }
}

/// What one escape sequence stands for.
pub enum Escaped {
    Char(char),
    Byte(u8),
    /// A backslash-newline: nothing.
    Nothing,
    /// Not an escape: the backslash stays, the next character is processed normally.
    Backslash,
}

fn unicode_error(msg: &str, span: Span, base: usize) -> SyntaxError {
    let (a, b) = (
        (span.start as usize).saturating_sub(base),
        (span.end as usize).saturating_sub(base + 1),
    );
    SyntaxError::new(
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {a}-{b}: {msg}"
        ),
        span,
    )
}

/// Decode the escape sequence starting with the backslash at `src[i]`. Returns what it stands
/// for and the index just after it. `base` is where the literal's contents start (for the
/// positions in CPython's message).
pub fn escape(
    src: &str,
    i: usize,
    bytes: bool,
    base: usize,
) -> Result<(Escaped, usize), SyntaxError> {
    let b = src.as_bytes();
    let Some(&c) = b.get(i + 1) else {
        return Ok((Escaped::Backslash, i + 1));
    };
    let simple = |ch: char| Ok((Escaped::Char(ch), i + 2));
    match c {
        b'\n' => Ok((Escaped::Nothing, i + 2)),
        b'\r' => Ok((
            Escaped::Nothing,
            if b.get(i + 2) == Some(&b'\n') {
                i + 3
            } else {
                i + 2
            },
        )),
        b'\\' => simple('\\'),
        b'\'' => simple('\''),
        b'"' => simple('"'),
        b'a' => simple('\x07'),
        b'b' => simple('\x08'),
        b'f' => simple('\x0c'),
        b'n' => simple('\n'),
        b'r' => simple('\r'),
        b't' => simple('\t'),
        b'v' => simple('\x0b'),
        b'0'..=b'7' => {
            let mut j = i + 1;
            let mut v: u32 = 0;
            while j < b.len() && j < i + 4 && (b'0'..=b'7').contains(&b[j]) {
                v = v * 8 + (b[j] - b'0') as u32;
                j += 1;
            }
            if bytes {
                Ok((Escaped::Byte((v & 0xff) as u8), j))
            } else {
                Ok((Escaped::Char(char::from_u32(v).unwrap_or('\u{fffd}')), j))
            }
        }
        b'x' | b'u' | b'U' if c == b'x' || !bytes => {
            let (n, name) = match c {
                b'x' => (2, "truncated \\xXX escape"),
                b'u' => (4, "truncated \\uXXXX escape"),
                _ => (8, "truncated \\UXXXXXXXX escape"),
            };
            let digits = src
                .get(i + 2..i + 2 + n)
                .filter(|d| d.bytes().all(|d| d.is_ascii_hexdigit()));
            let hex_end = (i + 2..(i + 2 + n).min(b.len()))
                .find(|&k| !b[k].is_ascii_hexdigit())
                .unwrap_or((i + 2 + n).min(b.len()));
            let span = Span::new(i, hex_end);
            let Some(digits) = digits else {
                return Err(unicode_error(name, span, base));
            };
            let v = u32::from_str_radix(digits, 16).map_err(|_| unicode_error(name, span, base))?;
            if bytes {
                return Ok((Escaped::Byte(v as u8), i + 2 + n));
            }
            match char::from_u32(v) {
                Some(ch) => Ok((Escaped::Char(ch), i + 2 + n)),
                None if (0xd800..0xe000).contains(&v) => Err(SyntaxError::new(
                    "lone surrogate escapes (\\ud800-\\udfff) are not supported by gilvm",
                    span,
                )),
                None => Err(unicode_error("illegal Unicode character", span, base)),
            }
        }
        b'N' if !bytes => {
            let end = src[i..].find('}').map(|e| i + e + 1).unwrap_or(i + 2);
            Err(SyntaxError::new(
                "\\N{...} escapes are not supported",
                Span::new(i, end),
            ))
        }
        _ => Ok((Escaped::Backslash, i + 1)),
    }
}

/// Push one source character of a literal, normalising `\r\n` and `\r` to `\n` (Python reads
/// source files with universal newlines). Returns the index after it.
pub fn literal_char(src: &str, i: usize, out: &mut String) -> usize {
    let b = src.as_bytes();
    if b[i] == b'\r' {
        out.push('\n');
        return if b.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    let c = src[i..].chars().next().unwrap_or('\u{fffd}');
    out.push(c);
    i + c.len_utf8()
}

/// Decode a plain (not f-) str literal's contents.
pub fn decode_str(src: &str, tok: &StrToken) -> Result<String, SyntaxError> {
    let mut out = String::with_capacity(tok.end - tok.start);
    let mut i = tok.start;
    while i < tok.end {
        if src.as_bytes()[i] == b'\\' && !tok.raw {
            let (e, next) = escape(src, i, false, tok.start)?;
            match e {
                Escaped::Char(c) => out.push(c),
                Escaped::Byte(b) => out.push(b as char),
                Escaped::Nothing => {}
                Escaped::Backslash => out.push('\\'),
            }
            i = next;
        } else {
            i = literal_char(src, i, &mut out);
        }
    }
    Ok(out)
}

/// Decode a bytes literal's contents.
pub fn decode_bytes(src: &str, tok: &StrToken, span: Span) -> Result<Vec<u8>, SyntaxError> {
    let mut out = Vec::with_capacity(tok.end - tok.start);
    let b = src.as_bytes();
    let mut i = tok.start;
    while i < tok.end {
        if !b[i].is_ascii() {
            return Err(SyntaxError::new(
                "bytes can only contain ASCII literal characters",
                span,
            ));
        }
        if b[i] == b'\\' && !tok.raw {
            let (e, next) = escape(src, i, true, tok.start)?;
            match e {
                Escaped::Char(c) => out.push(c as u8),
                Escaped::Byte(v) => out.push(v),
                Escaped::Nothing => {}
                Escaped::Backslash => out.push(b'\\'),
            }
            i = next;
        } else if b[i] == b'\r' {
            out.push(b'\n');
            i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(out)
}

// ---- the inverse: Python's repr of str and bytes (used by `gilvm dis` and the VM) ----

/// Is `c` printable in Python's sense (approximately: not a control, separator or unassigned
/// character; see LIMITATIONS)?
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let u = c as u32;
    !(u == 0xad
        || (0x2000..=0x200f).contains(&u)
        || (0x2028..=0x202e).contains(&u)
        || (0x2060..=0x206f).contains(&u)
        || u == 0xfeff
        || (0xd800..=0xdfff).contains(&u)
        || (0xe000..=0xf8ff).contains(&u)
        || u >= 0xf0000)
}

/// Python's `repr(str)`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x7f && (c as u32) >= 0x20 => out.push(c),
            c if is_printable(c) => out.push(c),
            c => {
                let u = c as u32;
                if u < 0x100 {
                    out.push_str(&format!("\\x{u:02x}"));
                } else if u < 0x10000 {
                    out.push_str(&format!("\\u{u:04x}"));
                } else {
                    out.push_str(&format!("\\U{u:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}
