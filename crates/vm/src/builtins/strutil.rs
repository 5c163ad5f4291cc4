//! Pure string algorithms behind the str methods, following CPython's Objects/unicodeobject.c
//! and Objects/stringlib (whitespace rules, splitting, case mapping, padding).

/// `str.isspace()` for one char: Unicode White_Space plus the ASCII separators \x1c-\x1f,
/// which CPython also treats as whitespace.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Line boundaries of `str.splitlines`.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Is `c` a cased character (has upper/lower case)?
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase()
}

/// Byte offset of the char at char index `i` (or `s.len()` past the end).
pub fn byte_offset(s: &str, ascii: bool, i: usize) -> usize {
    if ascii {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.len())
}

/// Char index of byte offset `b`.
pub fn char_index(s: &str, ascii: bool, b: usize) -> usize {
    if ascii {
        b
    } else {
        s[..b].chars().count()
    }
}

/// `s.split()` (no separator): runs of whitespace separate; leading/trailing whitespace is
/// dropped; at most `maxsplit` splits (negative: no limit).
pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(py_isspace);
    let mut splits = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && splits >= maxsplit {
            out.push(rest.to_string());
            return out;
        }
        match rest.find(py_isspace) {
            Some(i) => {
                out.push(rest[..i].to_string());
                rest = rest[i..].trim_start_matches(py_isspace);
                splits += 1;
            }
            None => {
                out.push(rest.to_string());
                rest = "";
            }
        }
    }
    out
}

/// `s.rsplit()` (no separator).
pub fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(py_isspace);
    let mut splits = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && splits >= maxsplit {
            out.push(rest.to_string());
            break;
        }
        match rest.rfind(py_isspace) {
            Some(i) => {
                let c_len = rest[i..].chars().next().map(char::len_utf8).unwrap_or(1);
                out.push(rest[i + c_len..].to_string());
                rest = rest[..i].trim_end_matches(py_isspace);
                splits += 1;
            }
            None => {
                out.push(rest.to_string());
                rest = "";
            }
        }
    }
    out.reverse();
    out
}

/// `s.split(sep, maxsplit)` with a non-empty separator.
pub fn split_sep(s: &str, sep: &str, maxsplit: i64) -> Vec<String> {
    if maxsplit < 0 {
        s.split(sep).map(str::to_string).collect()
    } else {
        s.splitn(maxsplit as usize + 1, sep)
            .map(str::to_string)
            .collect()
    }
}

/// `s.rsplit(sep, maxsplit)` with a non-empty separator.
pub fn rsplit_sep(s: &str, sep: &str, maxsplit: i64) -> Vec<String> {
    let mut out: Vec<String> = if maxsplit < 0 {
        s.rsplit(sep).map(str::to_string).collect()
    } else {
        s.rsplitn(maxsplit as usize + 1, sep)
            .map(str::to_string)
            .collect()
    };
    out.reverse();
    out
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(j, '\n')) = iter.peek() {
                    iter.next();
                    end = j + 1;
                }
            }
            out.push(if keepends {
                s[start..end].to_string()
            } else {
                s[start..i].to_string()
            });
            start = end;
        }
    }
    if start < s.len() {
        out.push(s[start..].to_string());
    }
    out
}

/// `s.title()`
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `s.capitalize()`: first char upper-cased, the rest lower-cased.
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    let mut out = String::with_capacity(s.len());
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
    }
    for c in chars {
        out.extend(c.to_lowercase());
    }
    out
}

/// `s.swapcase()`
pub fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.istitle()`
pub fn istitle(s: &str) -> bool {
    let mut prev_cased = false;
    let mut any_cased = false;
    for c in s.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            any_cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            any_cased = true;
        } else {
            prev_cased = false;
        }
    }
    any_cased
}

/// `s.isidentifier()` (approximating XID_Start/XID_Continue by alphabetic/alphanumeric).
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// `s.center(width, fill)`: CPython puts the extra pad char on the left when both the margin
/// and the width are odd.
pub fn center(s: &str, len: usize, width: usize, fill: char) -> String {
    if len >= width {
        return s.to_string();
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    pad(s, left, marg - left, fill)
}

pub fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `s.zfill(width)`
pub fn zfill(s: &str, len: usize, width: usize) -> String {
    if len >= width {
        return s.to_string();
    }
    let fill = width - len;
    let (sign, rest) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &s[1..]),
        _ => (None, s),
    };
    let mut out = String::with_capacity(width);
    if let Some(c) = sign {
        out.push(c);
    }
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(rest);
    out
}

/// `s.expandtabs(tabsize)`
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// `s.replace(old, new, count)` including CPython's behaviour for an empty `old` (insert `new`
/// before every char and at the end).
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    if count == 0 {
        return s.to_string();
    }
    if old.is_empty() {
        let mut out = String::with_capacity(s.len() + new.len() * (s.len() + 1));
        let mut done = 0;
        for c in s.chars() {
            if count < 0 || done < count {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if count < 0 || done < count {
            out.push_str(new);
        }
        return out;
    }
    if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn splitting_like_cpython() {
        // Expected values from python3.
        assert_eq!(split_whitespace("  a b\t\nc  ", -1), v(&["a", "b", "c"]));
        assert_eq!(split_whitespace("  a b  c  ", 1), v(&["a", "b  c  "]));
        assert_eq!(split_whitespace("", -1), v(&[]));
        assert_eq!(split_whitespace("   ", -1), v(&[]));
        assert_eq!(split_whitespace(" a b ", 0), v(&["a b "]));
        assert_eq!(rsplit_whitespace("  a b  c  ", 1), v(&["  a b", "c"]));
        assert_eq!(rsplit_whitespace("a b c", -1), v(&["a", "b", "c"]));
        assert_eq!(split_sep("a,b,,c", ",", -1), v(&["a", "b", "", "c"]));
        assert_eq!(split_sep("a,b,c", ",", 1), v(&["a", "b,c"]));
        assert_eq!(split_sep("", ",", -1), v(&[""]));
        assert_eq!(rsplit_sep("a,b,c", ",", 1), v(&["a,b", "c"]));
        assert_eq!(
            splitlines("a\nb\r\nc\rd\x0ce", false),
            v(&["a", "b", "c", "d", "e"])
        );
        assert_eq!(splitlines("a\nb\r\n", true), v(&["a\n", "b\r\n"]));
        assert_eq!(splitlines("\n\nx", false), v(&["", "", "x"]));
    }

    #[test]
    fn case_and_padding_like_cpython() {
        assert_eq!(title("they're bill's friends"), "They'Re Bill'S Friends");
        assert_eq!(title("hello wORLD 3rd"), "Hello World 3Rd");
        assert_eq!(capitalize("hELLO World"), "Hello world");
        assert_eq!(swapcase("Hello ß"), "hELLO SS");
        assert!(istitle("Hello World"));
        assert!(!istitle("Hello world"));
        assert!(!istitle("123"));
        assert_eq!(center("ab", 2, 5, ' '), "  ab ");
        assert_eq!(center("abc", 3, 6, '*'), "*abc**");
        assert_eq!(center("a", 1, 4, '-'), "-a--");
        assert_eq!(zfill("-42", 3, 6), "-00042");
        assert_eq!(zfill("42", 2, 1), "42");
        assert_eq!(expandtabs("a\tbc\td", 4), "a   bc  d");
        assert_eq!(expandtabs("ab\n\tx", 8), "ab\n        x");
        assert_eq!(replace("ab", "", "-", -1), "-a-b-");
        assert_eq!(replace("ab", "", "-", 2), "-a-b");
        assert_eq!(replace("aaaa", "a", "b", 2), "bbaa");
        assert!(isidentifier("_x1"));
        assert!(!isidentifier("1x"));
        assert!(!isidentifier(""));
    }
}
