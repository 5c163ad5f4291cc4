//! `_gilvm_struct`: the packing core under `lib/struct.py` — format parsing (byte orders
//! `@ = < > !`, repeat counts, native sizes and alignment of x86_64 Linux), `pack` and
//! `unpack` with CPython 3.11's error messages (which differ, as CPython's do, between the
//! native-like codes and the standard-size ones). Every function takes the `struct.error`
//! class first, so its errors are raised as that class.
//!
//! Functions: `calcsize(err, fmt)` → (size, item count); `pack(err, fmt, args)` → bytes;
//! `unpack(err, fmt, buffer[, offset])` → tuple (without an offset the buffer must be exactly
//! the struct's size; with one the caller checks the bounds first);
//! `nbytes(buffer)` → its length in bytes.

use std::sync::Arc;

use gilvm_vm::builtins::buffer::{buffer, need_buffer, new_bytes, not_buffer};
use gilvm_vm::modules::{add_fns, new_module};
use gilvm_vm::object::value::{Class, Module, PyStr};
use gilvm_vm::protocol::bigint::big_value;
use gilvm_vm::protocol::coerce::{to_f64, to_index};
use gilvm_vm::{PyErr, PyResult, Value, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

type Kwargs = [(Arc<PyStr>, Value)];

pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = new_module(vm, "_gilvm_struct");
    add_fns(
        vm,
        &m,
        &[
            ("calcsize", calcsize),
            ("nbytes", nbytes),
            ("pack", pack),
            ("unpack", unpack),
        ],
    );
    Ok(m)
}

#[derive(Clone, Copy, PartialEq)]
enum Order {
    /// `@`: native sizes and alignment.
    Native,
    /// `<` and `=` (x86_64 is little-endian).
    Little,
    /// `>` and `!`.
    Big,
}

struct Layout {
    order: Order,
    /// (code, count, offset)
    items: Vec<(u8, usize, usize)>,
    size: usize,
    nargs: usize,
}

fn error_class(vm: &Vm, v: Option<&Value>) -> PyResult<Arc<Class>> {
    match v {
        Some(Value::Class(c)) => Ok(c.clone()),
        _ => Err(vm.type_error("_gilvm_struct: expected the error class")),
    }
}

/// Size and alignment of `code` in the given order, or None for a bad char.
fn code_size(order: Order, code: u8) -> Option<(usize, usize)> {
    let native = order == Order::Native;
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    let align = if native { size } else { 1 };
    Some((size, align))
}

fn parse(vm: &Vm, err: &Arc<Class>, fmt: &[u8]) -> PyResult<Layout> {
    let (order, rest) = match fmt.first() {
        Some(b'@') => (Order::Native, &fmt[1..]),
        Some(b'<') | Some(b'=') => (Order::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, &fmt[1..]),
        _ => (Order::Native, fmt),
    };
    let too_long = || vm.new_error(err, "total struct size too long");
    let mut items = Vec::new();
    let (mut size, mut nargs, mut i) = (0usize, 0usize, 0usize);
    while i < rest.len() {
        let c = rest[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            count = 0;
            while i < rest.len() && rest[i].is_ascii_digit() {
                count = count
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((rest[i] - b'0') as usize))
                    .ok_or_else(too_long)?;
                i += 1;
            }
            if i >= rest.len() {
                return Err(vm.new_error(err, "repeat count given without format specifier"));
            }
        }
        let code = rest[i];
        i += 1;
        let Some((csize, align)) = code_size(order, code) else {
            return Err(vm.new_error(err, "bad char in struct format"));
        };
        size = size.div_ceil(align) * align;
        items.push((code, count, size));
        let bytes = csize.checked_mul(count).ok_or_else(too_long)?;
        size = size
            .checked_add(bytes)
            .filter(|&s| s <= isize::MAX as usize)
            .ok_or_else(too_long)?;
        nargs += match code {
            b's' | b'p' => 1,
            b'x' => 0,
            _ => count,
        };
    }
    Ok(Layout {
        order,
        items,
        size,
        nargs,
    })
}

fn format_bytes(vm: &Vm, v: Option<&Value>) -> PyResult<Vec<u8>> {
    match v {
        Some(Value::Str(s)) => Ok(s.as_str().as_bytes().to_vec()),
        Some(Value::Bytes(b)) => Ok(b.data.to_vec()),
        Some(other) => Err(vm.type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error("missing format")),
    }
}

fn calcsize(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let err = error_class(vm, a.first())?;
    let fmt = format_bytes(vm, a.get(1))?;
    let l = parse(vm, &err, &fmt)?;
    Ok(Value::tuple(vec![
        Value::Int(l.size as i64),
        Value::Int(l.nargs as i64),
    ]))
}

/// `nbytes(buffer)`: the length in bytes of a bytes-like object.
fn nbytes(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let v = a.first().unwrap_or(&Value::None);
    match buffer(vm, v)? {
        Some(b) => Ok(Value::Int(b.len() as i64)),
        None => Err(not_buffer(vm, v)),
    }
}

/// An int argument as i128 (None when it does not fit even there).
fn int_arg(vm: &mut Vm, err: &Arc<Class>, v: &Value) -> PyResult<Option<i128>> {
    match v {
        Value::Int(n) => Ok(Some(*n as i128)),
        Value::Bool(b) => Ok(Some(*b as i128)),
        Value::BigInt(b) => Ok(b.to_i128()),
        Value::Instance(i) if i.payload.is_some() => match to_index(vm, v) {
            Ok(n) => Ok(Some(n as i128)),
            Err(_) => Err(vm.new_error(err, "required argument is not an integer")),
        },
        Value::Instance(_) => match vm.get_attr_opt(v, "__index__")? {
            Some(m) => match vm.call(&m, &[])? {
                r @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => int_arg(vm, err, &r),
                r => Err(vm.type_error(format!(
                    "__index__ returned non-int (type {})",
                    vm.type_name(&r)
                ))),
            },
            None => Err(vm.new_error(err, "required argument is not an integer")),
        },
        _ => Err(vm.new_error(err, "required argument is not an integer")),
    }
}

/// Check `x` for `code` as CPython's packers do, giving the error message on failure.
fn int_range(order: Order, code: u8, x: Option<i128>) -> Result<i128, String> {
    const OUT: &str = "argument out of range";
    let i64r = |x: Option<i128>| x.filter(|v| i64::try_from(*v).is_ok());
    let u64r = |x: Option<i128>| x.filter(|v| u64::try_from(*v).is_ok());
    // '<' uses the native packers where the sizes agree (all but l/L); b/B always do.
    let native_like = matches!(code, b'b' | b'B')
        || order == Order::Native
        || (order == Order::Little && !matches!(code, b'l' | b'L'));
    let bounded = |x: Option<i128>, lo: i128, hi: i128, msg: String| {
        let v = x.ok_or_else(|| OUT.to_string())?;
        if v < lo || v > hi {
            Err(msg)
        } else {
            Ok(v)
        }
    };
    if native_like {
        match code {
            b'b' => bounded(
                i64r(x),
                -128,
                127,
                "byte format requires -128 <= number <= 127".into(),
            ),
            b'B' => bounded(
                i64r(x),
                0,
                255,
                "ubyte format requires 0 <= number <= 255".into(),
            ),
            b'h' => bounded(
                i64r(x),
                -32768,
                32767,
                "short format requires -32768 <= number <= 32767".into(),
            ),
            b'H' => bounded(
                i64r(x),
                0,
                65535,
                "ushort format requires 0 <= number <= 65535".into(),
            ),
            b'i' => bounded(
                i64r(x),
                i32::MIN as i128,
                i32::MAX as i128,
                "'i' format requires -2147483648 <= number <= 2147483647".into(),
            ),
            b'I' => bounded(
                u64r(x),
                0,
                u32::MAX as i128,
                "'I' format requires 0 <= number <= 4294967295".into(),
            ),
            b'l' | b'q' | b'n' => i64r(x).ok_or_else(|| OUT.into()),
            b'P' => x
                .filter(|v| *v >= i64::MIN as i128 && *v <= u64::MAX as i128)
                .ok_or_else(|| "int too large to convert".into()),
            _ => u64r(x).ok_or_else(|| OUT.into()),
        }
    } else {
        let c = code as char;
        match code {
            b'q' => i64r(x).ok_or_else(|| "int too large to convert".into()),
            b'Q' => u64r(x).ok_or_else(|| "int too large to convert".into()),
            b'h' | b'i' | b'l' => {
                let bits = if code == b'h' { 16 } else { 32 };
                let (lo, hi) = (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1);
                bounded(
                    i64r(x),
                    lo,
                    hi,
                    format!("'{c}' format requires {lo} <= number <= {hi}"),
                )
            }
            _ => {
                let bits = if code == b'H' { 16 } else { 32 };
                let hi = (1i128 << bits) - 1;
                bounded(
                    u64r(x),
                    0,
                    hi,
                    format!("'{c}' format requires 0 <= number <= {hi}"),
                )
            }
        }
    }
}

fn put(out: &mut [u8], order: Order, v: u64) {
    let n = out.len();
    let le = v.to_le_bytes();
    for (k, slot) in out.iter_mut().enumerate() {
        *slot = if order == Order::Big {
            le[n - 1 - k]
        } else {
            le[k]
        };
    }
}

fn get(data: &[u8], order: Order) -> u64 {
    let mut v = 0u64;
    if order == Order::Big {
        for &b in data {
            v = (v << 8) | b as u64;
        }
    } else {
        for &b in data.iter().rev() {
            v = (v << 8) | b as u64;
        }
    }
    v
}

/// IEEE half precision of `x`, rounded half to even; None when it overflows.
fn to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    let a = x.abs();
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a < 2f64.powi(-14) {
        // Subnormal (or rounds up to the smallest normal: the carry lands in the exponent).
        let m = (a * 2f64.powi(24)).round_ties_even() as u16;
        return Some(sign | m);
    }
    let mut e = ((a.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let mut m = (a * 2f64.powi(10 - e)).round_ties_even() as u32;
    if m == 2048 {
        m = 1024;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | (m - 1024) as u16)
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    sign * match e {
        0 => m * 2f64.powi(-24),
        31 if m == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}

fn float_arg(vm: &mut Vm, err: &Arc<Class>, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(_)
        | Value::Int(_)
        | Value::Bool(_)
        | Value::BigInt(_)
        | Value::Instance(_) => match to_f64(vm, v) {
            Ok(x) => Ok(x),
            Err(e) if matches!(v, Value::BigInt(_)) => Err(e),
            Err(_) => Err(vm.new_error(err, "required argument is not a float")),
        },
        _ => Err(vm.new_error(err, "required argument is not a float")),
    }
}

fn overflow(vm: &Vm, code: u8) -> PyErr {
    vm.overflow_error(format!(
        "float too large to pack with {} format",
        code as char
    ))
}

fn pack(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let err = error_class(vm, a.first())?;
    let fmt = format_bytes(vm, a.get(1))?;
    let l = parse(vm, &err, &fmt)?;
    let args: Vec<Value> = match a.get(2) {
        Some(Value::Tuple(t)) => t.items.to_vec(),
        _ => return Err(vm.type_error("_gilvm_struct.pack: expected a tuple")),
    };
    if args.len() != l.nargs {
        return Err(vm.new_error(
            &err,
            format!(
                "pack expected {} items for packing (got {})",
                l.nargs,
                args.len()
            ),
        ));
    }
    let mut out = vec![0u8; l.size];
    let mut next = args.iter();
    for &(code, count, offset) in &l.items {
        let (csize, _) = code_size(l.order, code).unwrap_or((1, 1));
        if matches!(code, b's' | b'p') {
            let v = next.next().cloned().unwrap_or(Value::None);
            let data = match &v {
                Value::Bytes(_) => need_buffer(vm, &v)?,
                Value::Native(_) if gilvm_vm::builtins::buffer::as_bytearray(&v).is_some() => {
                    need_buffer(vm, &v)?
                }
                _ => {
                    return Err(vm.new_error(
                        &err,
                        format!("argument for '{}' must be a bytes object", code as char),
                    ))
                }
            };
            let field = &mut out[offset..offset + count];
            if code == b's' {
                let n = data.len().min(count);
                field[..n].copy_from_slice(&data[..n]);
            } else if count > 0 {
                let n = data.len().min(count - 1).min(255);
                field[0] = n as u8;
                field[1..1 + n].copy_from_slice(&data[..n]);
            }
            continue;
        }
        if code == b'x' {
            continue;
        }
        for k in 0..count {
            let v = next.next().cloned().unwrap_or(Value::None);
            let slot = &mut out[offset + k * csize..offset + (k + 1) * csize];
            match code {
                b'c' => match &v {
                    Value::Bytes(b) if b.data.len() == 1 => slot[0] = b.data[0],
                    _ => {
                        return Err(
                            vm.new_error(&err, "char format requires a bytes object of length 1")
                        )
                    }
                },
                b'?' => slot[0] = vm.truthy(&v)? as u8,
                b'e' => {
                    let x = float_arg(vm, &err, &v)?;
                    let h = to_half(x).ok_or_else(|| overflow(vm, code))?;
                    put(slot, l.order, h as u64);
                }
                b'f' => {
                    let x = float_arg(vm, &err, &v)?;
                    let y = x as f32;
                    if l.order != Order::Native && y.is_infinite() && !x.is_infinite() {
                        return Err(overflow(vm, code));
                    }
                    put(slot, l.order, y.to_bits() as u64);
                }
                b'd' => {
                    let x = float_arg(vm, &err, &v)?;
                    put(slot, l.order, x.to_bits());
                }
                _ => {
                    let x = int_arg(vm, &err, &v)?;
                    let x = int_range(l.order, code, x).map_err(|m| vm.new_error(&err, m))?;
                    put(slot, l.order, x as u64);
                }
            }
        }
    }
    Ok(new_bytes(out))
}

fn int_value(x: i128) -> Value {
    match i64::try_from(x) {
        Ok(n) => Value::Int(n),
        Err(_) => big_value(BigInt::from(x)),
    }
}

fn unpack(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let err = error_class(vm, a.first())?;
    let fmt = format_bytes(vm, a.get(1))?;
    let l = parse(vm, &err, &fmt)?;
    let buf = need_buffer(vm, a.get(2).unwrap_or(&Value::None))?;
    // No offset: the buffer must be exactly the struct's size (`unpack`).
    let (offset, exact) = match a.get(3) {
        Some(Value::Int(n)) if *n >= 0 => (*n as usize, false),
        _ => (0, true),
    };
    if buf.len() < offset + l.size || (exact && buf.len() != l.size) {
        return Err(vm.new_error(
            &err,
            format!("unpack requires a buffer of {} bytes", l.size),
        ));
    }
    let data = &buf[offset..offset + l.size];
    let mut out = Vec::with_capacity(l.nargs);
    for &(code, count, off) in &l.items {
        let (csize, _) = code_size(l.order, code).unwrap_or((1, 1));
        match code {
            b'x' => continue,
            b's' => {
                out.push(new_bytes(data[off..off + count].to_vec()));
                continue;
            }
            b'p' => {
                let field = &data[off..off + count];
                let v = match field.first() {
                    Some(&n) => {
                        let n = (n as usize).min(count - 1);
                        field[1..1 + n].to_vec()
                    }
                    None => Vec::new(),
                };
                out.push(new_bytes(v));
                continue;
            }
            _ => {}
        }
        for k in 0..count {
            let slot = &data[off + k * csize..off + (k + 1) * csize];
            let raw = get(slot, l.order);
            out.push(match code {
                b'c' => new_bytes(vec![slot[0]]),
                b'?' => Value::Bool(raw != 0),
                b'e' => Value::Float(from_half(raw as u16)),
                b'f' => Value::Float(f32::from_bits(raw as u32) as f64),
                b'd' => Value::Float(f64::from_bits(raw)),
                b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                    let shift = 64 - 8 * csize as u32;
                    Value::Int(((raw << shift) as i64) >> shift)
                }
                _ => int_value(raw as i128),
            });
        }
    }
    Ok(Value::tuple(out))
}
