//! The format-spec mini-language (`format(x, ".3f")`, f-string `{x:>8}`, `{n:,}`) and
//! `str.format` / `%` formatting, following CPython's Python/formatter_unicode.c digit for digit.
//!
//! The pure layer (`parse_spec`, `format_int`, `format_float`, `format_str`) needs no VM and
//! reports errors as [`FmtError`]; [`format_value`] dispatches on the value and turns errors into
//! Python exceptions.

pub(crate) mod float;
mod percent;
pub use percent::bytes_percent_format;
mod template;

use std::sync::Arc;

pub use float::{double_to_string, float_repr, FloatFlags};

use crate::interp::vm::Vm;
use crate::object::error::{PyErr, PyResult};
use crate::object::value::{PyStr, Value};

/// A formatting error before it becomes a Python exception.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FmtError {
    Value(String),
    Type(String),
    Overflow(String),
}

impl FmtError {
    pub fn into_py(self, vm: &Vm) -> PyErr {
        match self {
            FmtError::Value(m) => vm.value_error(m),
            FmtError::Type(m) => vm.type_error(m),
            FmtError::Overflow(m) => vm.overflow_error(m),
        }
    }
}

/// Thousands separator requested in a spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    None,
    Comma,
    Underscore,
    /// `_` with b/o/x/X: every four digits.
    UnderscoreFour,
}

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    pub fill: char,
    pub align: char,
    pub sign: Option<char>,
    pub no_neg_0: bool,
    pub alt: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    /// The type char (the caller's default when omitted: 's' for str, 'd' for int, none for
    /// float).
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FmtError> {
    let start = *pos;
    let mut n: usize = 0;
    while *pos < chars.len() && chars[*pos].is_ascii_digit() {
        let d = chars[*pos] as usize - '0' as usize;
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d))
            .filter(|&n| n <= i32::MAX as usize)
            .ok_or_else(|| FmtError::Value("Too many decimal digits in format string".into()))?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(n) })
}

/// Parse a spec. `default_align` is '>' for numbers and '<' for strings; `type_name` is used
/// in the "Invalid format specifier" message.
pub fn parse_spec(
    spec: &str,
    default_align: char,
    default_ty: Option<char>,
    type_name: &str,
) -> Result<Spec, FmtError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut s = Spec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alt: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        ty: default_ty,
    };
    let mut fill_specified = false;
    let mut align_specified = false;
    if end - pos >= 2 && is_align(chars[pos + 1]) {
        s.align = chars[pos + 1];
        s.fill = chars[pos];
        fill_specified = true;
        align_specified = true;
        pos += 2;
    } else if end - pos >= 1 && is_align(chars[pos]) {
        s.align = chars[pos];
        align_specified = true;
        pos += 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        s.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        s.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        s.alt = true;
        pos += 1;
    }
    if !fill_specified && pos < end && chars[pos] == '0' {
        s.fill = '0';
        if !align_specified && default_align == '>' {
            s.align = '=';
        }
        pos += 1;
    }
    s.width = get_integer(&chars, &mut pos)?;
    if pos < end && chars[pos] == ',' {
        s.grouping = Grouping::Comma;
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if s.grouping != Grouping::None {
            return Err(FmtError::Value("Cannot specify both ',' and '_'.".into()));
        }
        s.grouping = Grouping::Underscore;
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && s.grouping == Grouping::Underscore {
        return Err(FmtError::Value("Cannot specify both ',' and '_'.".into()));
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        s.precision = get_integer(&chars, &mut pos)?;
        if s.precision.is_none() {
            return Err(FmtError::Value("Format specifier missing precision".into()));
        }
    }
    if end - pos > 1 {
        return Err(FmtError::Value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if end - pos == 1 {
        s.ty = Some(chars[pos]);
    }
    if s.grouping != Grouping::None {
        match s.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if s.grouping == Grouping::Underscore => {
                s.grouping = Grouping::UnderscoreFour;
            }
            Some(t) => {
                let sep = if s.grouping == Grouping::Comma {
                    ','
                } else {
                    '_'
                };
                let shown = if (' '..'\x7f').contains(&t) {
                    t.to_string()
                } else {
                    format!("\\x{:x}", t as u32)
                };
                return Err(FmtError::Value(format!(
                    "Cannot specify '{sep}' with '{shown}'."
                )));
            }
        }
    }
    Ok(s)
}

fn unknown_code(ty: char, type_name: &str) -> FmtError {
    if (' '..'\x7f').contains(&ty) {
        FmtError::Value(format!(
            "Unknown format code '{ty}' for object of type '{type_name}'"
        ))
    } else {
        FmtError::Value(format!(
            "Unknown format code '\\x{:x}' for object of type '{type_name}'",
            ty as u32
        ))
    }
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: group `digits` (ASCII digits) from the
/// right, padding with zeros (and separators) up to `min_width` characters.
pub(crate) fn insert_grouping(
    digits: &str,
    min_width: i64,
    group: usize,
    sep: Option<char>,
) -> String {
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width;
    // Pieces from the right.
    let mut pieces: Vec<String> = Vec::new();
    let take = |remaining: i64, l: i64| -> String {
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        let mut piece = "0".repeat(n_zeros as usize);
        let start = (remaining - n_chars) as usize;
        piece.push_str(&digits[start..remaining as usize]);
        piece
    };
    let mut broke = false;
    if let Some(sep) = sep {
        let _ = sep;
        loop {
            let l = (group as i64).min(remaining.max(min_width).max(1));
            pieces.push(take(remaining, l));
            let n_chars = remaining.min(l).max(0);
            remaining -= n_chars;
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                broke = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broke {
        let l = remaining.max(min_width).max(1);
        pieces.push(take(remaining, l));
    }
    pieces.reverse();
    match sep {
        Some(sep) => pieces.join(&sep.to_string()),
        None => pieces.concat(),
    }
}

/// Lay out a number: `sign_char` is '-' for negatives, `digits` the integer digits (ASCII),
/// `remainder` everything after them (decimal point, fraction, exponent, '%', or the one char
/// of 'c'). CPython's `calc_number_widths` + `fill_number`.
fn layout_number(
    spec: &Spec,
    negative: bool,
    prefix: &str,
    digits: &str,
    remainder: &str,
) -> String {
    let sign = match spec.sign {
        Some('+') => Some(if negative { '-' } else { '+' }),
        Some(' ') => Some(if negative { '-' } else { ' ' }),
        _ if negative => Some('-'),
        _ => None,
    };
    let n_sign = sign.is_some() as i64;
    let n_remainder = remainder.chars().count() as i64;
    let n_non_digit = n_sign + prefix.chars().count() as i64 + n_remainder;
    let width = spec.width.map(|w| w as i64).unwrap_or(-1);
    let min_width = if spec.fill == '0' && spec.align == '=' {
        width - n_non_digit
    } else {
        0
    };
    let grouped = if digits.is_empty() {
        String::new()
    } else {
        let (group, sep) = match spec.grouping {
            Grouping::None => (0, None),
            Grouping::Comma => (3, Some(',')),
            Grouping::Underscore => (3, Some('_')),
            Grouping::UnderscoreFour => (4, Some('_')),
        };
        insert_grouping(digits, min_width, group, sep)
    };
    let n_padding = width - (n_non_digit + grouped.len() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match spec.align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let mut out = String::new();
    let fill = |out: &mut String, n: i64| {
        for _ in 0..n {
            out.push(spec.fill);
        }
    };
    fill(&mut out, lpad);
    if let Some(c) = sign {
        out.push(c);
    }
    out.push_str(prefix);
    fill(&mut out, spad);
    out.push_str(&grouped);
    out.push_str(remainder);
    fill(&mut out, rpad);
    out
}

/// Pad a string to the spec's width with its fill and alignment.
fn pad_str(spec: &Spec, s: &str) -> String {
    let len = s.chars().count();
    let width = spec.width.unwrap_or(0);
    if len >= width {
        return s.to_string();
    }
    let n = width - len;
    let (l, r) = match spec.align {
        '>' => (n, 0),
        '^' => (n / 2, n - n / 2),
        _ => (0, n),
    };
    let mut out = String::with_capacity(s.len() + n);
    out.extend(std::iter::repeat_n(spec.fill, l));
    out.push_str(s);
    out.extend(std::iter::repeat_n(spec.fill, r));
    out
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let sp = parse_spec(spec, '<', Some('s'), "str")?;
    match sp.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    if let Some(sign) = sp.sign {
        return Err(FmtError::Value(if sign == ' ' {
            "Space not allowed in string format specifier".into()
        } else {
            "Sign not allowed in string format specifier".into()
        }));
    }
    if sp.no_neg_0 {
        return Err(FmtError::Value(
            "Negative zero coercion (z) not allowed in string format specifier".into(),
        ));
    }
    if sp.alt {
        return Err(FmtError::Value(
            "Alternate form (#) not allowed in string format specifier".into(),
        ));
    }
    if sp.align == '=' {
        return Err(FmtError::Value(
            "'=' alignment not allowed in string format specifier".into(),
        ));
    }
    let truncated: String;
    let s = match sp.precision {
        Some(p) if s.chars().count() > p => {
            truncated = s.chars().take(p).collect();
            truncated.as_str()
        }
        _ => s,
    };
    Ok(pad_str(&sp, s))
}

/// `format(n, spec)` for an int (`type_name` is "int" or "bool" for messages).
pub fn format_int(n: i64, spec: &str, type_name: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(n.to_string());
    }
    let sp = parse_spec(spec, '>', Some('d'), type_name)?;
    int_with_spec(n, &sp, type_name)
}

/// What an integer presentation type refuses: a precision, and `z`.
fn int_spec_allowed(sp: &Spec) -> Result<(), FmtError> {
    if sp.precision.is_some() {
        return Err(FmtError::Value(
            "Precision not allowed in integer format specifier".into(),
        ));
    }
    if sp.no_neg_0 {
        return Err(FmtError::Value(
            "Negative zero coercion (z) not allowed in integer format specifier".into(),
        ));
    }
    Ok(())
}

fn int_with_spec(n: i64, sp: &Spec, type_name: &str) -> Result<String, FmtError> {
    let ty = sp.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return float_with_spec(n as f64, sp),
        t => return Err(unknown_code(t, type_name)),
    }
    int_spec_allowed(sp)?;
    if ty == 'c' {
        if sp.sign.is_some() {
            return Err(FmtError::Value(
                "Sign not allowed with integer format specifier 'c'".into(),
            ));
        }
        if sp.alt {
            return Err(FmtError::Value(
                "Alternate form (#) not allowed with integer format specifier 'c'".into(),
            ));
        }
        let c = u32::try_from(n)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| FmtError::Overflow("%c arg not in range(0x110000)".into()))?;
        return Ok(layout_number(sp, false, "", "", &c.to_string()));
    }
    let a = n.unsigned_abs();
    let (digits, prefix) = match ty {
        'b' => (format!("{a:b}"), "0b"),
        'o' => (format!("{a:o}"), "0o"),
        'x' => (format!("{a:x}"), "0x"),
        'X' => (format!("{a:X}"), "0X"),
        _ => (a.to_string(), ""),
    };
    let prefix = if sp.alt { prefix } else { "" };
    Ok(layout_number(sp, n < 0, prefix, &digits, ""))
}

/// The digits of a big int's magnitude for a conversion type, and the type's `#` prefix.
pub(crate) fn big_digits(mag: &num_bigint::BigUint, ty: char) -> (String, &'static str) {
    match ty {
        'b' => (mag.to_str_radix(2), "0b"),
        'o' => (mag.to_str_radix(8), "0o"),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        _ => (mag.to_string(), ""),
    }
}

/// `format(n, spec)` for an int past 64 bits (`spec` not empty).
pub fn format_bigint(n: &num_bigint::BigInt, spec: &str) -> Result<String, FmtError> {
    use num_traits::ToPrimitive;
    let sp = parse_spec(spec, '>', Some('d'), "int")?;
    let ty = sp.ty.unwrap_or('d');
    match ty {
        'b' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'c' => {
            return Err(FmtError::Overflow(
                "Python int too large to convert to C long".into(),
            ))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = n
                .to_f64()
                .filter(|x| x.is_finite())
                .ok_or_else(|| FmtError::Overflow("int too large to convert to float".into()))?;
            return float_with_spec(x, &sp);
        }
        t => return Err(unknown_code(t, "int")),
    }
    int_spec_allowed(&sp)?;
    let (digits, prefix) = big_digits(n.magnitude(), ty);
    let prefix = if sp.alt { prefix } else { "" };
    Ok(layout_number(
        &sp,
        n.sign() == num_bigint::Sign::Minus,
        prefix,
        &digits,
        "",
    ))
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let sp = parse_spec(spec, '>', None, "float")?;
    match sp.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'n') => float_with_spec(x, &sp),
        Some(t) => Err(unknown_code(t, "float")),
    }
}

fn float_with_spec(x: f64, sp: &Spec) -> Result<String, FmtError> {
    let mut flags = FloatFlags {
        alt: sp.alt,
        no_neg_0: sp.no_neg_0,
        ..FloatFlags::default()
    };
    let mut ty = sp.ty.unwrap_or('\0');
    let mut default_precision = 6;
    if ty == '\0' {
        flags.add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match sp.precision {
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
        None => default_precision,
    };
    let mut buf = double_to_string(val, ty, precision, flags);
    if add_pct {
        buf.push('%');
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let n_int = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    Ok(layout_number(
        sp,
        negative,
        "",
        &body[..n_int],
        &body[n_int..],
    ))
}

/// The name of a value's type as CPython's format messages show it.
fn type_name_of(vm: &Vm, v: &Value) -> String {
    vm.type_name(v)
}

/// `format(v, spec)`: apply a format spec to a value (user `__format__` is consulted first).
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    let r = match v {
        Value::Str(s) => format_str(s.as_str(), spec),
        Value::Bool(b) => {
            if spec.is_empty() {
                return Ok(if *b { "True".into() } else { "False".into() });
            }
            format_int(*b as i64, spec, "bool")
        }
        Value::Int(n) => format_int(*n, spec, "int"),
        Value::BigInt(b) if spec.is_empty() => {
            return crate::protocol::bigint::big_to_string(vm, b)
        }
        Value::BigInt(b) => format_bigint(b, spec),
        Value::Float(x) => format_float(*x, spec),
        Value::Instance(_) => return format_user(vm, v, spec),
        Value::Native(_) if crate::protocol::complex::as_complex(v).is_some() => {
            let z = crate::protocol::complex::as_complex(v)
                .unwrap_or(crate::protocol::complex::Complex { re: 0.0, im: 0.0 });
            crate::protocol::complex::format_complex(z, spec)
        }
        _ => {
            if spec.is_empty() {
                return vm.to_str(v);
            }
            Err(FmtError::Type(format!(
                "unsupported format string passed to {}.__format__",
                type_name_of(vm, v)
            )))
        }
    };
    r.map_err(|e| e.into_py(vm))
}

/// Instances: a user `__format__` if the class defines one, else `object.__format__`.
fn format_user(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    // A `__format__` of the class's Python-level part; the built-in types' own `__format__`
    // (int's, str's...) is what the fallback below does.
    let has_format = {
        let class = vm.type_of(v);
        crate::object::lookup::user_lookup(&class, "__format__", vm.gil()).is_some()
    };
    if has_format {
        let method = vm.get_attr(v, "__format__")?;
        let r = vm.call(&method, &[Value::str(spec)])?;
        return match r {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => Err(vm.type_error(format!(
                "__format__ must return a str, not {}",
                vm.type_name(&other)
            ))),
        };
    }
    if spec.is_empty() {
        return vm.to_str(v);
    }
    if let Value::Instance(i) = v {
        if let Some(p) = &i.payload {
            let p = p.clone();
            return format_value(vm, &p, spec);
        }
    }
    Err(vm.type_error(format!(
        "unsupported format string passed to {}.__format__",
        vm.type_name(v)
    )))
}

/// `ascii(s)`-style escaping of a repr: non-ASCII chars become `\\xhh`, `\\uhhhh` or
/// `\\Uhhhhhhhh`.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// `fmt % args` for str (`"%d items" % n`, `"%s=%.2f" % (k, v)`, `"%(name)s" % d`).
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    percent::percent_format(vm, fmt, args)
}

/// `fmt.format(*args, **kwargs)`.
pub fn str_format(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kwargs: &[(Arc<PyStr>, Value)],
) -> PyResult<String> {
    template::str_format(vm, fmt, args, kwargs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fi(n: i64, spec: &str) -> String {
        format_int(n, spec, "int").unwrap_or_else(|e| format!("{e:?}"))
    }
    fn ff(x: f64, spec: &str) -> String {
        format_float(x, spec).unwrap_or_else(|e| format!("{e:?}"))
    }
    fn fs(s: &str, spec: &str) -> String {
        format_str(s, spec).unwrap_or_else(|e| format!("{e:?}"))
    }

    #[test]
    fn int_specs_match_cpython() {
        // Expected values from python3 format(n, spec).
        let cases: &[(i64, &str, &str)] = &[
            (1234, "010,", "00,001,234"),
            (1234, "09,", "0,001,234"),
            (1234, "08,", "0,001,234"),
            (1234, "011,", "000,001,234"),
            (1234, "012,", "0,000,001,234"),
            (12345, "_x", "3039"),
            (123456789, "_x", "75b_cd15"),
            (255, "#010x", "0x000000ff"),
            (-255, "#010x", "-0x00000ff"),
            (5, "c", "\x05"),
            (1234, "n", "1234"),
            (12, "+05", "+0012"),
            (12, " d", " 12"),
            (12, "=+8", "+     12"),
            (12, "<05", "12000"),
            (3, ".2f", "3.00"),
            (3, "e", "3.000000e+00"),
            (3, "%", "300.000000%"),
            (
                1 << 40,
                "_b",
                "1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000",
            ),
            (1234, "X", "4D2"),
            (-1, "b", "-1"),
            (0, "#o", "0o0"),
            (1234567, ",", "1,234,567"),
            (-1234567, "_", "-1_234_567"),
            (42, "^9", "   42    "),
            (42, "*<6", "42****"),
            (i64::MIN, "", "-9223372036854775808"),
            (i64::MIN, "x", "-8000000000000000"),
            (65, "05c", "0000A"),
            (7, "#b", "0b111"),
        ];
        for &(n, spec, want) in cases {
            assert_eq!(fi(n, spec), want, "format({n}, {spec:?})");
        }
    }

    #[test]
    fn float_specs_match_cpython() {
        // Expected values from python3 format(x, spec).
        let cases: &[(f64, &str, &str)] = &[
            (2.675, ".2f", "2.67"),
            (1e20, ",.0f", "100,000,000,000,000,000,000"),
            (0.1, ".20f", "0.10000000000000000555"),
            (10.0, ".2", "1e+01"),
            (100.0, ".2", "1e+02"),
            (1234.5, ".2", "1.2e+03"),
            (f64::NAN, "+", "+nan"),
            (f64::NEG_INFINITY, "010", "-000000inf"),
            (0.0001, "", "0.0001"),
            (1e16, "", "1e+16"),
            (1e-5, "g", "1e-05"),
            (123456789.0, "g", "1.23457e+08"),
            (1.5, "10.3%", "  150.000%"),
            (1234567.891, "_.2f", "1_234_567.89"),
            (-0.0, "", "-0.0"),
            (-0.0, "z.1f", "0.0"),
            (3.0, "#g", "3.00000"),
            (3.0, "#.0f", "3."),
            (3.0, "#.0e", "3.e+00"),
            (1234.5, "n", "1234.5"),
            (1.0, "", "1.0"),
            (12.0, ".0", "1e+01"),
            (0.5, ".0f", "0"),
            (1.5, ".0f", "2"),
            (123.456, "E", "1.234560E+02"),
            (f64::INFINITY, "F", "INF"),
            (f64::INFINITY, "#g", "inf"),
            (-1234.5678, "=+15,.2f", "-      1,234.57"),
            (9.999, ".3g", "10"),
            (0.00001234, ".3g", "1.23e-05"),
            (1e-7, ".0e", "1e-07"),
            (3.14259, "08.3f", "0003.143"),
            (-3.14259, "08.3f", "-003.143"),
            (1234.5, "012,.1f", "00,001,234.5"),
            (0.5, "%", "50.000000%"),
            (2.5, ">8", "     2.5"),
            (1e100, "", "1e+100"),
            (123.0, "g", "123"),
            (0.1 + 0.2, "", "0.30000000000000004"),
        ];
        for &(x, spec, want) in cases {
            assert_eq!(ff(x, spec), want, "format({x}, {spec:?})");
        }
    }

    #[test]
    fn str_specs_match_cpython() {
        let cases: &[(&str, &str, &str)] = &[
            ("ab", "^7", "  ab   "),
            ("ab", "*^7", "**ab***"),
            ("abc", ".2", "ab"),
            ("ab", "05", "ab000"),
            ("ab", ">4", "  ab"),
            ("héllo", "^9", "  héllo  "),
            ("x", "", "x"),
        ];
        for &(s, spec, want) in cases {
            assert_eq!(fs(s, spec), want, "format({s:?}, {spec:?})");
        }
    }

    #[test]
    fn errors_match_cpython() {
        let v = |m: &str| FmtError::Value(m.to_string());
        assert_eq!(
            format_int(1, ".2d", "int"),
            Err(v("Precision not allowed in integer format specifier"))
        );
        assert_eq!(
            format_float(1.0, "d"),
            Err(v("Unknown format code 'd' for object of type 'float'"))
        );
        assert_eq!(
            format_str("a", "+"),
            Err(v("Sign not allowed in string format specifier"))
        );
        assert_eq!(
            format_str("a", " "),
            Err(v("Space not allowed in string format specifier"))
        );
        assert_eq!(
            format_str("a", "#"),
            Err(v(
                "Alternate form (#) not allowed in string format specifier"
            ))
        );
        assert_eq!(
            format_str("a", "="),
            Err(v("'=' alignment not allowed in string format specifier"))
        );
        assert_eq!(
            format_str("a", "d"),
            Err(v("Unknown format code 'd' for object of type 'str'"))
        );
        assert_eq!(
            format_int(1, ",x", "int"),
            Err(v("Cannot specify ',' with 'x'."))
        );
        assert_eq!(
            format_int(1, ",_", "int"),
            Err(v("Cannot specify both ',' and '_'."))
        );
        assert_eq!(
            format_int(1, ".f", "int"),
            Err(v("Format specifier missing precision"))
        );
        assert_eq!(
            format_float(1.5, "c"),
            Err(v("Unknown format code 'c' for object of type 'float'"))
        );
        assert_eq!(
            format_int(1, "s", "int"),
            Err(v("Unknown format code 's' for object of type 'int'"))
        );
        assert_eq!(format_str("a", ","), Err(v("Cannot specify ',' with 's'.")));
        assert_eq!(
            format_int(12, "5.3.2", "int"),
            Err(v(
                "Invalid format specifier '5.3.2' for object of type 'int'"
            ))
        );
        assert_eq!(
            format_float(1.5, "xx"),
            Err(v(
                "Invalid format specifier 'xx' for object of type 'float'"
            ))
        );
        assert_eq!(
            format_int(5, "+c", "int"),
            Err(v("Sign not allowed with integer format specifier 'c'"))
        );
        assert_eq!(
            format_int(-5, "c", "int"),
            Err(FmtError::Overflow("%c arg not in range(0x110000)".into()))
        );
        assert_eq!(
            format_int(12, "z", "int"),
            Err(v(
                "Negative zero coercion (z) not allowed in integer format specifier"
            ))
        );
        assert_eq!(format_int(1, "d", "bool"), Ok("1".into()));
        assert_eq!(format_int(1, ">5", "bool"), Ok("    1".into()));
    }
}
