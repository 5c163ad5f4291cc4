//! `str % args`: CPython's PyUnicode_Format, and `bytes % args` (PEP 461) in bytes mode: the
//! format and the result are then bytes carried as latin-1 text (one char per byte).

use super::{ascii_escape, double_to_string, FloatFlags};
use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::value::Value;

struct Args<'a> {
    items: &'a [Value],
    /// The single non-tuple argument, if any.
    single: Option<&'a Value>,
    /// CPython's argidx/arglen bookkeeping: for a single argument arglen = -1, argidx = -2.
    idx: i64,
    len: i64,
    mapping: Option<&'a Value>,
}

impl<'a> Args<'a> {
    fn next(&mut self, vm: &Vm) -> PyResult<Value> {
        if self.idx < self.len {
            let i = self.idx;
            self.idx += 1;
            return Ok(match self.single {
                Some(v) => v.clone(),
                None => self.items[i as usize].clone(),
            });
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

#[derive(Default)]
struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    percent_format_mode(vm, fmt, args, false)
}

/// `bytes % args`: the format's bytes in, the result's bytes out.
pub fn bytes_percent_format(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let text: String = fmt.iter().map(|&b| b as char).collect();
    let out = percent_format_mode(vm, &text, args, true)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

fn percent_format_mode(vm: &mut Vm, fmt: &str, args: &Value, bytes: bool) -> PyResult<String> {
    // A tuple subclass is a tuple of arguments too.
    let args = match args {
        Value::Instance(i) if matches!(i.payload, Some(Value::Tuple(_))) => {
            crate::object::class::strip(args)
        }
        other => other,
    };
    let mut a = match args {
        Value::Tuple(t) => Args {
            items: &t.items,
            single: None,
            idx: 0,
            len: t.items.len() as i64,
            mapping: None,
        },
        other => Args {
            items: &[],
            single: Some(other),
            idx: -2,
            len: -1,
            mapping: match other {
                Value::Dict(_) | Value::List(_) => Some(other),
                Value::Instance(_) => Some(other),
                Value::Native(_) if bytes && !crate::builtins::buffer::is_buffer(other) => {
                    Some(other)
                }
                _ => None,
            },
        },
    };
    let chars: Vec<char> = fmt.chars().collect();
    let n = chars.len();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    while i < n {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if i >= n {
            return Err(vm.value_error("incomplete format"));
        }
        if chars[i] == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        // %(key)
        let mut keyed: Option<Value> = None;
        if chars[i] == '(' {
            let mapping = match a.mapping {
                Some(m) => m.clone(),
                None => return Err(vm.type_error("format requires a mapping")),
            };
            i += 1;
            let start = i;
            let mut depth = 1;
            while i < n && depth > 0 {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key: String = chars[start..i - 1].iter().collect();
            let key = if bytes {
                crate::builtins::buffer::new_bytes(key.chars().map(|c| c as u32 as u8).collect())
            } else {
                Value::str(key)
            };
            keyed = Some(vm.get_item(&mapping, &key)?);
        }
        let mut flags = Flags::default();
        while i < n {
            match chars[i] {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: Option<usize> = None;
        if i < n && chars[i] == '*' {
            i += 1;
            let w = match a.next(vm)? {
                Value::Int(w) => w,
                Value::Bool(b) => b as i64,
                _ => return Err(vm.type_error("* wants int")),
            };
            if w < 0 {
                flags.left = true;
            }
            width = Some(w.unsigned_abs() as usize);
        } else {
            width = read_number(&chars, &mut i).or(width);
        }
        let mut precision: Option<usize> = None;
        if i < n && chars[i] == '.' {
            i += 1;
            if i < n && chars[i] == '*' {
                i += 1;
                let p = match a.next(vm)? {
                    Value::Int(p) => p,
                    Value::Bool(b) => b as i64,
                    _ => return Err(vm.type_error("* wants int")),
                };
                precision = Some(p.max(0) as usize);
            } else {
                precision = Some(read_number(&chars, &mut i).unwrap_or(0));
            }
        }
        if i >= n {
            return Err(vm.value_error("incomplete format"));
        }
        let ty = chars[i];
        let ty_index = i;
        i += 1;
        let value = match keyed.take() {
            Some(v) => v,
            None if ty == '%' => {
                a.next(vm)?;
                out.push('%');
                continue;
            }
            None => a.next(vm)?,
        };
        vm.check_alloc(width.unwrap_or(0).max(precision.unwrap_or(0)), 1)?;
        let piece = if bytes {
            convert_bytes(vm, ty, ty_index, &value, &flags, precision)?
        } else {
            convert(vm, ty, ty_index, &value, &flags, precision)?
        };
        let (body, numeric) = piece;
        out.push_str(&pad(body, numeric, &flags, width));
    }
    if a.idx < a.len && a.mapping.is_none() {
        let what = if bytes { "bytes" } else { "string" };
        return Err(vm.type_error(format!(
            "not all arguments converted during {what} formatting"
        )));
    }
    Ok(out)
}

fn read_number(chars: &[char], i: &mut usize) -> Option<usize> {
    let start = *i;
    let mut v: usize = 0;
    while *i < chars.len() && chars[*i].is_ascii_digit() {
        v = v
            .saturating_mul(10)
            .saturating_add(chars[*i] as usize - '0' as usize);
        *i += 1;
    }
    (*i > start).then_some(v)
}

/// A converted field: its text and, for numbers, where the digits start (after sign and
/// prefix) so zero padding can go there.
fn convert(
    vm: &mut Vm,
    ty: char,
    ty_index: usize,
    v: &Value,
    flags: &Flags,
    precision: Option<usize>,
) -> PyResult<(String, Option<usize>)> {
    match ty {
        's' | 'r' | 'a' => {
            let s = match ty {
                's' => vm.to_str(v)?,
                'r' => vm.repr(v)?,
                _ => ascii_escape(&vm.repr(v)?),
            };
            let s = match precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            };
            Ok((s, None))
        }
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            let n = match v {
                Value::BigInt(b) => {
                    let (digits, prefix) = crate::protocol::format::big_digits(b.magnitude(), ty);
                    return Ok(int_conversion(
                        b.sign() == num_bigint::Sign::Minus,
                        digits,
                        prefix,
                        flags,
                        precision,
                    ));
                }
                Value::Int(n) => *n,
                Value::Bool(b) => *b as i64,
                Value::Float(x) if matches!(ty, 'd' | 'i' | 'u') => {
                    if x.is_nan() {
                        return Err(vm.value_error("cannot convert float NaN to integer"));
                    }
                    if x.is_infinite() {
                        return Err(vm.overflow_error("cannot convert float infinity to integer"));
                    }
                    let t = x.trunc();
                    if !(-9.223372036854776e18..9.223372036854776e18).contains(&t) {
                        return Err(
                            vm.overflow_error("int too large to convert (gilvm ints are 64-bit)")
                        );
                    }
                    t as i64
                }
                Value::Instance(_) => match vm.get_attr_opt(v, "__index__")? {
                    Some(m) => match vm.call(&m, &[])? {
                        Value::Int(n) => n,
                        Value::Bool(b) => b as i64,
                        other => {
                            return Err(vm.type_error(format!(
                                "__index__ returned non-int (type {})",
                                vm.type_name(&other)
                            )))
                        }
                    },
                    None => return Err(int_needed(vm, ty, v)),
                },
                _ => return Err(int_needed(vm, ty, v)),
            };
            let a = n.unsigned_abs();
            let (digits, prefix) = match ty {
                'x' => (format!("{a:x}"), "0x"),
                'X' => (format!("{a:X}"), "0X"),
                'o' => (format!("{a:o}"), "0o"),
                _ => (a.to_string(), ""),
            };
            Ok(int_conversion(n < 0, digits, prefix, flags, precision))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match v {
                Value::Float(x) => *x,
                Value::Int(n) => *n as f64,
                Value::Bool(b) => *b as i64 as f64,
                Value::Instance(_) => match vm.get_attr_opt(v, "__float__")? {
                    Some(m) => match vm.call(&m, &[])? {
                        Value::Float(x) => x,
                        other => {
                            return Err(vm.type_error(format!(
                                "{}.__float__ returned non-float (type {})",
                                vm.type_name(v),
                                vm.type_name(&other)
                            )))
                        }
                    },
                    None => {
                        return Err(
                            vm.type_error(format!("must be real number, not {}", vm.type_name(v)))
                        )
                    }
                },
                _ => {
                    return Err(
                        vm.type_error(format!("must be real number, not {}", vm.type_name(v)))
                    )
                }
            };
            let s = double_to_string(
                x,
                ty,
                precision.unwrap_or(6),
                FloatFlags {
                    alt: flags.alt,
                    ..FloatFlags::default()
                },
            );
            let (neg, body) = match s.strip_prefix('-') {
                Some(rest) => (true, rest.to_string()),
                None => (false, s),
            };
            let sign = sign_str(neg, flags);
            Ok((format!("{sign}{body}"), Some(sign.len())))
        }
        'c' => {
            let c = match v {
                Value::Int(n) => u32::try_from(*n)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| vm.overflow_error("%c arg not in range(0x110000)"))?,
                Value::Bool(b) => char::from(*b as u8),
                Value::Str(s) if s.char_len == 1 => s.as_str().chars().next().unwrap_or('\0'),
                _ => return Err(vm.type_error("%c requires int or char")),
            };
            Ok((c.to_string(), None))
        }
        _ => {
            let shown = if (' '..'\x7f').contains(&ty) {
                ty.to_string()
            } else {
                "?".to_string()
            };
            Err(vm.value_error(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {ty_index}",
                ty as u32
            )))
        }
    }
}

/// A field of `bytes % args`: `%s`/`%b` take buffers (or `__bytes__`), `%r`/`%a` give
/// `ascii()`, `%c` an int below 256 or one byte; the numeric types are as for str.
fn convert_bytes(
    vm: &mut Vm,
    ty: char,
    ty_index: usize,
    v: &Value,
    flags: &Flags,
    precision: Option<usize>,
) -> PyResult<(String, Option<usize>)> {
    let latin1 = |d: &[u8]| -> String { d.iter().map(|&b| b as char).collect() };
    let cut = |s: String| match precision {
        Some(p) => s.chars().take(p).collect(),
        None => s,
    };
    match ty {
        's' | 'b' => {
            if let Some(b) = crate::builtins::buffer::buffer(vm, v)? {
                return Ok((cut(latin1(&b)), None));
            }
            if matches!(v, Value::Instance(_)) {
                if let Some(f) = vm.get_attr_opt(v, "__bytes__")? {
                    if let Value::Bytes(b) = vm.call(&f, &[])? {
                        return Ok((cut(latin1(&b.data)), None));
                    }
                }
            }
            Err(vm.type_error(format!(
                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                vm.type_name(v)
            )))
        }
        'r' | 'a' => Ok((cut(ascii_escape(&vm.repr(v)?)), None)),
        'c' => {
            if let Some(b) = crate::builtins::buffer::buffer(vm, v)? {
                if b.len() == 1 {
                    return Ok(((b[0] as char).to_string(), None));
                }
            }
            let n = match v {
                Value::Int(n) => *n,
                Value::Bool(b) => *b as i64,
                Value::BigInt(_) => -1,
                _ => {
                    return Err(
                        vm.type_error("%c requires an integer in range(256) or a single byte")
                    )
                }
            };
            if !(0..256).contains(&n) {
                return Err(vm.overflow_error("%c arg not in range(256)"));
            }
            Ok(((n as u8 as char).to_string(), None))
        }
        _ => convert(vm, ty, ty_index, v, flags, precision),
    }
}

fn int_needed(vm: &Vm, ty: char, v: &Value) -> crate::object::error::PyErr {
    if matches!(ty, 'd' | 'i' | 'u') {
        vm.type_error(format!(
            "%{ty} format: a real number is required, not {}",
            vm.type_name(v)
        ))
    } else {
        vm.type_error(format!(
            "%{ty} format: an integer is required, not {}",
            vm.type_name(v)
        ))
    }
}

fn sign_str(negative: bool, flags: &Flags) -> &'static str {
    if negative {
        "-"
    } else if flags.plus {
        "+"
    } else if flags.space {
        " "
    } else {
        ""
    }
}

fn pad(body: String, numeric: Option<usize>, flags: &Flags, width: Option<usize>) -> String {
    let len = body.chars().count();
    let width = match width {
        Some(w) if w > len => w,
        _ => return body,
    };
    let n = width - len;
    if flags.left {
        return body + &" ".repeat(n);
    }
    match numeric {
        Some(start) if flags.zero => {
            let (head, tail) = body.split_at(start);
            format!("{head}{}{tail}", "0".repeat(n))
        }
        _ => " ".repeat(n) + &body,
    }
}

/// The text of an integer conversion (`%d`, `%x`...) from its sign and magnitude digits, and
/// where its digits start (for zero padding).
fn int_conversion(
    negative: bool,
    mut digits: String,
    prefix: &'static str,
    flags: &Flags,
    precision: Option<usize>,
) -> (String, Option<usize>) {
    if let Some(p) = precision {
        if digits.len() < p {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
    }
    let sign = sign_str(negative, flags);
    let prefix = if flags.alt { prefix } else { "" };
    let start = sign.len() + prefix.len();
    (format!("{sign}{prefix}{digits}"), Some(start))
}
