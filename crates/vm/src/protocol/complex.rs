//! The `complex` type: a native object (`Value::Native`) holding two floats, so `Value` and
//! the eval loop's int/float paths are untouched. Operators are dunders in the class dict,
//! reached by the same slow path as other native types; the arithmetic is CPython's
//! (`_Py_c_prod`, `_Py_c_quot`, `c_powu`, `_Py_c_pow`) with its error messages, and repr,
//! format specs, hashing and string parsing follow `complexobject.c`.

use crate::builtins::{add_methods, dict_set_str, native};
use crate::interp::vm::Vm;
use crate::object::args::{Kwargs, Params};
use crate::object::class::{strip, Property};
use crate::object::error::PyResult;
use crate::object::value::{NativeObject, Value};
use crate::protocol::format::float::{double_to_string, FloatFlags};

/// A complex number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl NativeObject for Complex {
    fn type_name(&self) -> &'static str {
        "complex"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A new complex value.
pub fn complex_value(re: f64, im: f64) -> Value {
    crate::object::class::native(Complex { re, im })
}

fn cv(c: Complex) -> Value {
    complex_value(c.re, c.im)
}

/// The complex number inside a value (a complex, not a subclass instance).
pub fn as_complex(v: &Value) -> Option<Complex> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<Complex>().copied(),
        _ => None,
    }
}

/// CPython's `TO_COMPLEX`: int, bool, float, big int or complex (or an instance of a subclass
/// of those); `None` for anything else (the operator returns NotImplemented).
pub fn to_complex(vm: &mut Vm, v: &Value) -> PyResult<Option<Complex>> {
    let v = strip(v);
    Ok(Some(match v {
        Value::Int(i) => Complex {
            re: *i as f64,
            im: 0.0,
        },
        Value::Bool(b) => Complex {
            re: *b as i64 as f64,
            im: 0.0,
        },
        Value::Float(f) => Complex { re: *f, im: 0.0 },
        Value::BigInt(b) => Complex {
            re: vm.big_to_float(b)?,
            im: 0.0,
        },
        _ => match as_complex(v) {
            Some(c) => c,
            None => return Ok(None),
        },
    }))
}

/// `_Py_c_prod`
pub fn c_prod(a: Complex, b: Complex) -> Complex {
    Complex {
        re: a.re * b.re - a.im * b.im,
        im: a.re * b.im + a.im * b.re,
    }
}

/// `_Py_c_quot`; `None` on division by zero.
pub fn c_quot(a: Complex, b: Complex) -> Option<Complex> {
    let abs_breal = b.re.abs();
    let abs_bimag = b.im.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(Complex {
            re: (a.re + a.im * ratio) / denom,
            im: (a.im - a.re * ratio) / denom,
        })
    } else if abs_bimag >= abs_breal {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(Complex {
            re: (a.re * ratio + a.im) / denom,
            im: (a.im * ratio - a.re) / denom,
        })
    } else {
        Some(Complex {
            re: f64::NAN,
            im: f64::NAN,
        })
    }
}

const C1: Complex = Complex { re: 1.0, im: 0.0 };

fn c_powu(x: Complex, n: i64) -> Complex {
    let (mut r, mut p, mut mask) = (C1, x, 1i64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// Errors of complex exponentiation (CPython's errno values).
enum PowErr {
    Domain,
    Range,
}

/// `complex_pow` without the modulo argument.
fn c_pow_checked(a: Complex, b: Complex) -> Result<Complex, PowErr> {
    let mut domain = false;
    let p = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        if n > 0 {
            c_powu(a, n)
        } else {
            match c_quot(C1, c_powu(a, -n)) {
                Some(r) => r,
                None => {
                    domain = true;
                    Complex { re: 0.0, im: 0.0 }
                }
            }
        }
    } else if b.re == 0.0 && b.im == 0.0 {
        C1
    } else if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            domain = true;
        }
        Complex { re: 0.0, im: 0.0 }
    } else {
        let vabs = a.re.hypot(a.im);
        let mut len = vabs.powf(b.re);
        let at = a.im.atan2(a.re);
        let mut phase = at * b.re;
        if b.im != 0.0 {
            len /= (at * b.im).exp();
            phase += b.im * vabs.ln();
        }
        Complex {
            re: len * phase.cos(),
            im: len * phase.sin(),
        }
    };
    if p.re.is_infinite() || p.im.is_infinite() {
        if domain {
            return Err(PowErr::Domain);
        }
        return Err(PowErr::Range);
    }
    if domain {
        return Err(PowErr::Domain);
    }
    Ok(p)
}

/// `a ** b` with CPython's errors.
pub fn pow_values(vm: &Vm, a: Complex, b: Complex) -> PyResult<Value> {
    match c_pow_checked(a, b) {
        Ok(p) => Ok(cv(p)),
        Err(PowErr::Domain) => Err(vm.zero_division("0.0 to a negative or complex power")),
        Err(PowErr::Range) => Err(vm.overflow_error("complex exponentiation")),
    }
}

/// `abs(z)`: `hypot`, with CPython's OverflowError when finite parts overflow.
pub fn c_abs(vm: &Vm, z: Complex) -> PyResult<f64> {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() || z.im.is_infinite() {
            return Ok(f64::INFINITY);
        }
        return Ok(f64::NAN);
    }
    let r = z.re.hypot(z.im);
    if r.is_infinite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(r)
}

/// CPython's `hash()` of a complex number.
pub fn hash_complex(z: Complex) -> i64 {
    let hr = crate::protocol::hash::hash_float(z.re) as u64;
    let hi = crate::protocol::hash::hash_float(z.im) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Dict-key equality of a complex with another built-in number (`{1: x}[1+0j]`).
pub fn key_eq(z: Complex, other: &Value) -> bool {
    match other {
        Value::Native(_) => as_complex(other) == Some(z),
        _ if z.im != 0.0 => false,
        Value::Int(i) => crate::protocol::hash::int_float_eq(*i, z.re),
        Value::Bool(b) => z.re == *b as i64 as f64,
        Value::Float(f) => *f == z.re,
        Value::BigInt(b) => {
            crate::protocol::bigint::big_float_cmp(b, z.re) == Some(std::cmp::Ordering::Equal)
        }
        _ => false,
    }
}

/// A float part of a repr: the shortest repr without a forced `.0`.
fn part(x: f64, sign: bool) -> String {
    let flags = FloatFlags {
        always_add_sign: sign,
        ..FloatFlags::default()
    };
    let s = double_to_string(x, 'r', 0, flags);
    if sign && x.is_nan() {
        return format!("+{s}");
    }
    s
}

/// `repr(z)`: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn complex_repr(z: Complex) -> String {
    if z.re == 0.0 && z.re.is_sign_positive() {
        format!("{}j", part(z.im, false))
    } else {
        format!("({}{}j)", part(z.re, false), part(z.im, true))
    }
}

/// `format(z, spec)` (CPython's `format_complex_internal`).
pub fn format_complex(z: Complex, spec: &str) -> Result<String, crate::protocol::format::FmtError> {
    use crate::protocol::format::FmtError;
    if spec.is_empty() {
        return Ok(complex_repr(z));
    }
    let sp = crate::protocol::format::parse_spec(spec, '>', None, "complex")?;
    if sp.fill == '0' && sp.align == '=' && !spec.contains('=') {
        return Err(FmtError::Value(
            "Zero padding is not allowed in complex format specifier".into(),
        ));
    }
    if sp.align == '=' {
        return Err(FmtError::Value(
            "'=' alignment flag is not allowed in complex format specifier".into(),
        ));
    }
    let mut ty = match sp.ty {
        None => '\0',
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')) => c,
        Some(c) => {
            return Err(FmtError::Value(format!(
                "Unknown format code '{c}' for object of type 'complex'"
            )))
        }
    };
    let mut default_precision = 6;
    let (mut skip_re, mut add_parens) = (false, false);
    if ty == '\0' {
        ty = 'r';
        default_precision = 0;
        if z.re == 0.0 && z.re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    if ty == 'n' {
        ty = 'g';
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
    let flags = FloatFlags {
        alt: sp.alt,
        no_neg_0: sp.no_neg_0,
        ..FloatFlags::default()
    };
    let mut re = double_to_string(z.re, ty, precision, flags);
    let mut im = double_to_string(z.im, ty, precision, flags);
    let group = |s: &mut String| {
        if sp.grouping != crate::protocol::format::Grouping::None {
            let sep = if sp.grouping == crate::protocol::format::Grouping::Comma {
                ','
            } else {
                '_'
            };
            let (sign, body) = match s.strip_prefix('-') {
                Some(b) => ("-", b),
                None => ("", s.as_str()),
            };
            let n = body.bytes().take_while(u8::is_ascii_digit).count();
            let digits = crate::protocol::format::insert_grouping(&body[..n], 0, 3, Some(sep));
            *s = format!("{sign}{digits}{}", &body[n..]);
        }
    };
    group(&mut re);
    group(&mut im);
    let sign_of = |s: &str, forced: Option<char>| -> String {
        match (s.starts_with('-'), forced) {
            (true, _) => String::new(),
            (false, Some('+')) => "+".into(),
            (false, Some(' ')) => " ".into(),
            _ => String::new(),
        }
    };
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&sign_of(&re, sp.sign));
        body.push_str(&re);
        if !im.starts_with('-') {
            body.push('+');
        }
    } else {
        body.push_str(&sign_of(&im, sp.sign));
    }
    body.push_str(&im);
    body.push('j');
    if add_parens {
        body.push(')');
    }
    let width = sp.width.unwrap_or(0);
    let len = body.chars().count();
    if len >= width {
        return Ok(body);
    }
    let n = width - len;
    let fill = |k: usize| std::iter::repeat_n(sp.fill, k).collect::<String>();
    Ok(match sp.align {
        '<' => body + &fill(n),
        '^' => fill(n / 2) + &body + &fill(n - n / 2),
        _ => fill(n) + &body,
    })
}

/// The longest prefix of `s` that is a float as `PyOS_string_to_double` reads it:
/// `(value, bytes used)`, `(0.0, 0)` when there is none.
fn float_prefix(s: &str) -> (f64, usize) {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = s[i..].to_ascii_lowercase();
    for word in ["infinity", "inf", "nan"] {
        if rest.starts_with(word) {
            let v = if word == "nan" {
                f64::NAN
            } else {
                f64::INFINITY
            };
            let v = if b[0] == b'-' { -v } else { v };
            return (v, i + word.len());
        }
    }
    let start_digits = i;
    let mut digits = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        digits += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return (0.0, 0);
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    let _ = start_digits;
    (s[..i].parse::<f64>().unwrap_or(0.0), i)
}

/// Remove underscores that sit between digits; `None` if one does not.
fn strip_underscores(s: &str) -> Option<String> {
    if !s.contains('_') {
        return Some(s.to_string());
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let ok = i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(|d| d.is_ascii_digit());
            if !ok {
                return None;
            }
        } else {
            out.push(c as char);
        }
    }
    Some(out)
}

/// `complex(s)` for a string (CPython's `complex_from_string_inner`); `Err(true)` when an
/// underscore is misplaced, `Err(false)` for any other malformed string.
pub fn parse_complex(s: &str) -> Result<Complex, bool> {
    let s = strip_underscores(s).ok_or(true)?;
    parse_plain(&s).ok_or(false)
}

fn parse_plain(s: &str) -> Option<Complex> {
    let isspace = |c: char| c.is_whitespace();
    let mut s = s.trim_matches(isspace);
    let mut bracket = false;
    if let Some(rest) = s.strip_prefix('(') {
        bracket = true;
        s = rest.strip_suffix(')')?.trim_matches(isspace);
    }
    if !s.is_ascii() {
        return None;
    }
    let (mut x, mut y) = (0.0, 0.0);
    let (z, n) = float_prefix(s);
    let mut rest = &s[n..];
    let is_j = |r: &str| r.starts_with('j') || r.starts_with('J');
    if n > 0 {
        if rest.starts_with('+') || rest.starts_with('-') {
            x = z;
            let (w, m) = float_prefix(rest);
            if m > 0 {
                y = w;
                rest = &rest[m..];
            } else {
                y = if rest.starts_with('+') { 1.0 } else { -1.0 };
                rest = &rest[1..];
            }
            if !is_j(rest) {
                return None;
            }
            rest = &rest[1..];
        } else if is_j(rest) {
            y = z;
            rest = &rest[1..];
        } else {
            x = z;
        }
    } else {
        if rest.starts_with('+') || rest.starts_with('-') {
            y = if rest.starts_with('+') { 1.0 } else { -1.0 };
            rest = &rest[1..];
        } else {
            y = 1.0;
        }
        if !is_j(rest) {
            return None;
        }
        rest = &rest[1..];
    }
    let _ = bracket;
    if !rest.is_empty() {
        return None;
    }
    Some(Complex { re: x, im: y })
}

/// A constructor argument as a complex: numbers, complex, `__complex__`, `__float__`,
/// `__index__`; `None` when it is none of those.
fn arg_complex(vm: &mut Vm, v: &Value) -> PyResult<Option<Complex>> {
    if let Value::Instance(_) = v {
        if let Some(m) = vm.get_attr_opt(v, "__complex__")? {
            let r = vm.call(&m, &[])?;
            return match as_complex(strip(&r)) {
                Some(c) => Ok(Some(c)),
                None => Err(vm.type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    vm.type_name(&r)
                ))),
            };
        }
    }
    if let Some(c) = to_complex(vm, v)? {
        return Ok(Some(c));
    }
    if let Value::Instance(_) = v {
        if vm.get_attr_opt(v, "__float__")?.is_some() || vm.get_attr_opt(v, "__index__")?.is_some()
        {
            let f = crate::builtins::to_f64(vm, v)?;
            return Ok(Some(Complex { re: f, im: 0.0 }));
        }
    }
    Ok(None)
}

/// `complex(real=0, imag=0)`
fn complex_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "complex",
        names: &["real", "imag"],
        positional: 2,
        positional_only: 0,
        required: 0,
    };
    let s = P.bind(vm, a, kw)?;
    let (r, i) = (s[0].clone(), s[1].clone());
    if let Some(Value::Str(text)) = r.as_ref().map(strip) {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        return match parse_complex(text.as_str()) {
            Ok(c) => Ok(cv(c)),
            Err(false) => Err(vm.value_error("complex() arg is a malformed string")),
            Err(true) => {
                let q = vm.repr(&Value::Str(text.clone()))?;
                Err(vm.value_error(format!("could not convert string to complex: {q}")))
            }
        };
    }
    if let Some(Value::Str(_)) = i.as_ref().map(strip) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let re = match &r {
        None => Complex { re: 0.0, im: 0.0 },
        Some(v) => match arg_complex(vm, v)? {
            Some(c) => c,
            None => {
                return Err(vm.type_error(format!(
                    "complex() first argument must be a string or a number, not '{}'",
                    vm.type_name(v)
                )))
            }
        },
    };
    let Some(iv) = &i else {
        return Ok(cv(re));
    };
    let re_is_complex = r.as_ref().is_some_and(|v| as_complex(strip(v)).is_some());
    let im = match arg_complex(vm, iv)? {
        Some(c) => c,
        None => {
            return Err(vm.type_error(format!(
                "complex() second argument must be a number, not '{}'",
                vm.type_name(iv)
            )))
        }
    };
    // CPython combines the parts only of complex arguments (so `complex(-0.0, -0.0)` keeps
    // both signs).
    let im_is_complex = as_complex(strip(iv)).is_some();
    let real = if im_is_complex { re.re - im.im } else { re.re };
    let imag = if re_is_complex { re.im + im.re } else { im.re };
    Ok(complex_value(real, imag))
}

fn recv(vm: &Vm, a: &[Value], name: &str) -> PyResult<Complex> {
    match a.first().map(strip).and_then(as_complex) {
        Some(c) => Ok(c),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' requires a 'complex' object but received '{}'",
            a.first().map(|v| vm.type_name(v)).unwrap_or_default()
        ))),
    }
}

/// The receiver and the other operand as complex numbers; `None`: NotImplemented.
fn operands(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Option<(Complex, Complex)>> {
    crate::object::args::count_positional(vm, name, a.len(), 2, 2)?;
    let x = recv(vm, a, name)?;
    Ok(to_complex(vm, &a[1])?.map(|y| (x, y)))
}

macro_rules! binop {
    ($name:ident, $rname:ident, $dunder:literal, $rdunder:literal, $f:expr) => {
        fn $name(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
            match operands(vm, a, $dunder)? {
                Some((x, y)) => $f(vm, x, y),
                None => Ok(Value::NotImplemented),
            }
        }
        fn $rname(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
            match operands(vm, a, $rdunder)? {
                Some((x, y)) => $f(vm, y, x),
                None => Ok(Value::NotImplemented),
            }
        }
    };
}

fn add_f(_: &mut Vm, x: Complex, y: Complex) -> PyResult<Value> {
    Ok(complex_value(x.re + y.re, x.im + y.im))
}
fn sub_f(_: &mut Vm, x: Complex, y: Complex) -> PyResult<Value> {
    Ok(complex_value(x.re - y.re, x.im - y.im))
}
fn mul_f(_: &mut Vm, x: Complex, y: Complex) -> PyResult<Value> {
    Ok(cv(c_prod(x, y)))
}
fn div_f(vm: &mut Vm, x: Complex, y: Complex) -> PyResult<Value> {
    match c_quot(x, y) {
        Some(r) => Ok(cv(r)),
        None => Err(vm.zero_division("complex division by zero")),
    }
}
fn pow_f(vm: &mut Vm, x: Complex, y: Complex) -> PyResult<Value> {
    pow_values(vm, x, y)
}

binop!(c_add, c_radd, "__add__", "__radd__", add_f);
binop!(c_sub, c_rsub, "__sub__", "__rsub__", sub_f);
binop!(c_mul, c_rmul, "__mul__", "__rmul__", mul_f);
binop!(c_div, c_rdiv, "__truediv__", "__rtruediv__", div_f);

fn check_mod(vm: &Vm, a: &[Value]) -> PyResult<()> {
    match a.get(2) {
        None | Some(Value::None) => Ok(()),
        Some(_) => Err(vm.value_error("complex modulo")),
    }
}
fn c_pow(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_mod(vm, a)?;
    match operands(vm, &a[..a.len().min(2)], "__pow__")? {
        Some((x, y)) => pow_f(vm, x, y),
        None => Ok(Value::NotImplemented),
    }
}
fn c_rpow(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_mod(vm, a)?;
    match operands(vm, &a[..a.len().min(2)], "__rpow__")? {
        Some((x, y)) => pow_f(vm, y, x),
        None => Ok(Value::NotImplemented),
    }
}

/// `==` with complex, int and float operands (exact against ints, as CPython).
fn eq_value(vm: &mut Vm, a: &[Value]) -> PyResult<Option<bool>> {
    crate::object::args::count_positional(vm, "__eq__", a.len(), 2, 2)?;
    let x = recv(vm, a, "__eq__")?;
    let o = strip(&a[1]);
    Ok(match o {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) => Some(key_eq(x, o)),
        _ => as_complex(o).map(|y| x == y),
    })
}
fn c_eq(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(eq_value(vm, a)?.map_or(Value::NotImplemented, Value::Bool))
}
fn c_ne(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(eq_value(vm, a)?.map_or(Value::NotImplemented, |b| Value::Bool(!b)))
}

fn c_neg(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    let z = recv(vm, a, "__neg__")?;
    Ok(complex_value(-z.re, -z.im))
}
fn c_pos(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(cv(recv(vm, a, "__pos__")?))
}
fn c_abs_m(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    let z = recv(vm, a, "__abs__")?;
    Ok(Value::Float(c_abs(vm, z)?))
}
fn c_bool(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    let z = recv(vm, a, "__bool__")?;
    Ok(Value::Bool(z.re != 0.0 || z.im != 0.0))
}
fn c_hash(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(hash_complex(recv(vm, a, "__hash__")?)))
}
fn c_repr(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::str(complex_repr(recv(vm, a, "__repr__")?)))
}
fn c_format(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    let z = recv(vm, a, "__format__")?;
    let spec = match a.get(1) {
        Some(Value::Str(s)) => s.clone(),
        Some(v) => {
            return Err(vm.type_error(format!(
                "__format__() argument must be str, not {}",
                vm.type_name(v)
            )))
        }
        None => return Err(vm.type_error("__format__() takes exactly one argument (0 given)")),
    };
    format_complex(z, spec.as_str())
        .map(Value::str)
        .map_err(|e| e.into_py(vm))
}
fn c_conjugate(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    let z = recv(vm, a, "conjugate")?;
    Ok(complex_value(z.re, -z.im))
}
fn c_complex(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(cv(recv(vm, a, "__complex__")?))
}
fn c_getnewargs(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    let z = recv(vm, a, "__getnewargs__")?;
    Ok(Value::tuple(vec![Value::Float(z.re), Value::Float(z.im)]))
}
fn c_real(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Float(recv(vm, a, "real")?.re))
}
fn c_imag(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Float(recv(vm, a, "imag")?.im))
}

/// Make the `complex` class and put it in builtins.
pub fn install(vm: &mut Vm, g: &crate::object::value::Dict) {
    let object = vm.types().object.clone();
    let c = crate::builtins::file::new_class(
        "complex",
        "builtins",
        Some(&object),
        crate::object::value::BuiltinType::Native,
    );
    add_methods(
        vm,
        &c,
        &[
            ("__new__", complex_new),
            ("__add__", c_add),
            ("__radd__", c_radd),
            ("__sub__", c_sub),
            ("__rsub__", c_rsub),
            ("__mul__", c_mul),
            ("__rmul__", c_rmul),
            ("__truediv__", c_div),
            ("__rtruediv__", c_rdiv),
            ("__pow__", c_pow),
            ("__rpow__", c_rpow),
            ("__eq__", c_eq),
            ("__ne__", c_ne),
            ("__neg__", c_neg),
            ("__pos__", c_pos),
            ("__abs__", c_abs_m),
            ("__bool__", c_bool),
            ("__hash__", c_hash),
            ("__repr__", c_repr),
            ("__format__", c_format),
            ("__complex__", c_complex),
            ("__getnewargs__", c_getnewargs),
            ("conjugate", c_conjugate),
        ],
    );
    for (name, f) in [
        ("real", c_real as crate::object::value::NativeFn),
        ("imag", c_imag),
    ] {
        let p = crate::object::class::native(Property {
            fget: native(name, f),
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
        });
        dict_set_str(vm, &c.dict, name, p);
    }
    let gil = vm.gil();
    vm.types()
        .natives
        .borrow_mut(gil)
        .insert("complex", c.clone());
    dict_set_str(vm, g, "complex", Value::Class(c));
}
