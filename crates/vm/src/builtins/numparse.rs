//! `int(str, base)` and `float(str)` parsing with CPython's rules (whitespace, signs, base
//! prefixes, underscores between digits, inf/nan spellings).

use super::strutil::py_isspace;

#[derive(Debug, PartialEq, Eq)]
pub enum IntParseError {
    /// Not a valid literal: "invalid literal for int() with base 10: 'x'".
    Invalid,
    /// Valid but outside gilvm's 64-bit ints.
    Overflow,
}

/// Parse an int literal as `int(s, base)` does; `base` is 0 or 2..=36.
pub fn parse_int(s: &str, base: u32) -> Result<i64, IntParseError> {
    let s = s.trim_matches(py_isspace);
    let (negative, mut rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut base = base;
    let lower_prefix = rest.get(..2).map(|p| p.to_ascii_lowercase());
    let prefix_base = match lower_prefix.as_deref() {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 0,
    };
    let mut had_prefix = false;
    if prefix_base != 0 && (base == 0 || base == prefix_base) {
        base = prefix_base;
        rest = &rest[2..];
        had_prefix = true;
        // An underscore may follow the prefix: 0x_ff.
        if let Some(r) = rest.strip_prefix('_') {
            rest = r;
        }
    }
    let decimal_base0 = base == 0;
    if base == 0 {
        base = 10;
    }
    if rest.is_empty() || rest.starts_with('_') || rest.ends_with('_') || rest.contains("__") {
        return Err(IntParseError::Invalid);
    }
    let mut value: i128 = 0;
    let mut overflow = false;
    for c in rest.chars() {
        if c == '_' {
            continue;
        }
        let d = c.to_digit(base).ok_or(IntParseError::Invalid)?;
        if !overflow {
            value = value * base as i128 + d as i128;
            if value > i64::MAX as i128 + 1 {
                overflow = true;
            }
        }
    }
    // With base 0, a decimal literal may not have leading zeros ("010"), except zero itself.
    if decimal_base0
        && !had_prefix
        && rest.starts_with('0')
        && rest.chars().any(|c| c != '0' && c != '_')
    {
        return Err(IntParseError::Invalid);
    }
    if overflow {
        return Err(IntParseError::Overflow);
    }
    let value = if negative { -value } else { value };
    i64::try_from(value).map_err(|_| IntParseError::Overflow)
}

/// Parse a float literal as `float(s)` does; `None` if invalid.
pub fn parse_float(s: &str) -> Option<f64> {
    let s = s.trim_matches(py_isspace);
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    // Digits, '.', exponent; underscores only between digits.
    let bytes = body.as_bytes();
    if bytes.is_empty() {
        return None;
    }
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-' => {}
            b'_' => {
                let before = i
                    .checked_sub(1)
                    .map(|j| bytes[j].is_ascii_digit())
                    .unwrap_or(false);
                let after = bytes
                    .get(i + 1)
                    .map(|c| c.is_ascii_digit())
                    .unwrap_or(false);
                if !before || !after {
                    return None;
                }
            }
            _ => return None,
        }
    }
    let cleaned: String = body.chars().filter(|&c| c != '_').collect();
    // Rust accepts the same grammar for these characters ("1.", ".5", "1e5", "1E+05").
    let v: f64 = cleaned.parse().ok()?;
    Some(if negative { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_like_cpython() {
        assert_eq!(parse_int("42", 10), Ok(42));
        assert_eq!(parse_int("  -42\n", 10), Ok(-42));
        assert_eq!(parse_int("+7", 10), Ok(7));
        assert_eq!(parse_int("1_000_000", 10), Ok(1_000_000));
        assert_eq!(parse_int("ff", 16), Ok(255));
        assert_eq!(parse_int("0xff", 16), Ok(255));
        assert_eq!(parse_int("0xff", 0), Ok(255));
        assert_eq!(parse_int("0x_ff", 0), Ok(255));
        assert_eq!(parse_int("0b101", 0), Ok(5));
        assert_eq!(parse_int("0o17", 8), Ok(15));
        assert_eq!(parse_int("z", 36), Ok(35));
        assert_eq!(parse_int("000", 0), Ok(0));
        assert_eq!(parse_int("010", 10), Ok(10));
        assert_eq!(parse_int("-9223372036854775808", 10), Ok(i64::MIN));
        for bad in [
            "", " ", "x", "1.5", "010", "1__0", "_1", "1_", "0x", "--1", "1 2", "0b2",
        ] {
            let base = if bad == "010" || bad == "0x" { 0 } else { 10 };
            assert_eq!(parse_int(bad, base), Err(IntParseError::Invalid), "{bad:?}");
        }
        assert_eq!(parse_int("0x10", 10), Err(IntParseError::Invalid));
        assert_eq!(
            parse_int("9223372036854775808", 10),
            Err(IntParseError::Overflow)
        );
        assert_eq!(
            parse_int("99999999999999999999999", 10),
            Err(IntParseError::Overflow)
        );
    }

    #[test]
    fn floats_like_cpython() {
        assert_eq!(parse_float("1.5"), Some(1.5));
        assert_eq!(parse_float(" -2.5e3 "), Some(-2500.0));
        assert_eq!(parse_float("1_000.5"), Some(1000.5));
        assert_eq!(parse_float(".5"), Some(0.5));
        assert_eq!(parse_float("5."), Some(5.0));
        assert_eq!(parse_float("1E+05"), Some(1e5));
        assert_eq!(parse_float("inf"), Some(f64::INFINITY));
        assert_eq!(parse_float("-Infinity"), Some(f64::NEG_INFINITY));
        assert!(parse_float("nan").is_some_and(f64::is_nan));
        for bad in [
            "", "abc", "1_", "_1", "1__0", "1.5.5", "e5", ".", "0x10", "1e", "in f",
        ] {
            assert_eq!(parse_float(bad), None, "{bad:?}");
        }
    }
}
