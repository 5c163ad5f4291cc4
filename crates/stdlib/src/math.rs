//! The `math` module. Functions call the platform's libm through `f64` methods, as CPython
//! does, and report domain and range errors with CPython's messages.

use std::sync::Arc;

use gilvm_syntax::ast::BinOp;

use gilvm_vm::builtins::{to_f64, to_index};
use gilvm_vm::interp::vm::Vm;
use gilvm_vm::modules::{add_fns, new_module, set};
use gilvm_vm::object::args::{self, Kwargs};
use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::value::{Module, Value};

pub fn make(vm: &mut Vm) -> Arc<Module> {
    let m = new_module(vm, "math");
    set(vm, &m, "pi", Value::Float(std::f64::consts::PI));
    set(vm, &m, "e", Value::Float(std::f64::consts::E));
    set(vm, &m, "tau", Value::Float(std::f64::consts::TAU));
    set(vm, &m, "inf", Value::Float(f64::INFINITY));
    set(vm, &m, "nan", Value::Float(f64::NAN));
    add_fns(
        vm,
        &m,
        &[
            ("sqrt", sqrt),
            ("exp", exp),
            ("exp2", exp2),
            ("expm1", expm1),
            ("log", log),
            ("log2", log2),
            ("log10", log10),
            ("log1p", log1p),
            ("pow", pow),
            ("sin", sin),
            ("cos", cos),
            ("tan", tan),
            ("asin", asin),
            ("acos", acos),
            ("atan", atan),
            ("sinh", sinh),
            ("cosh", cosh),
            ("tanh", tanh),
            ("asinh", asinh),
            ("acosh", acosh),
            ("atanh", atanh),
            ("atan2", atan2),
            ("hypot", hypot),
            ("dist", dist),
            ("degrees", degrees),
            ("radians", radians),
            ("floor", floor),
            ("ceil", ceil),
            ("trunc", trunc),
            ("fabs", fabs),
            ("copysign", copysign),
            ("fmod", fmod),
            ("modf", modf),
            ("frexp", frexp),
            ("ldexp", ldexp),
            ("isclose", isclose),
            ("isnan", isnan),
            ("isinf", isinf),
            ("isfinite", isfinite),
            ("gcd", crate::math_int::gcd),
            ("lcm", crate::math_int::lcm),
            ("factorial", crate::math_int::factorial),
            ("comb", crate::math_int::comb),
            ("perm", crate::math_int::perm),
            ("isqrt", crate::math_int::isqrt),
            ("prod", prod),
            ("fsum", fsum),
            ("cbrt", cbrt),
        ],
    );
    m
}

fn domain(vm: &Vm) -> gilvm_vm::object::error::PyErr {
    vm.value_error("math domain error")
}

fn range(vm: &Vm) -> gilvm_vm::object::error::PyErr {
    vm.overflow_error("math range error")
}

/// CPython's `math_1`: nan from a non-nan is a domain error; inf from a finite value is a range
/// error when the function can overflow, else a domain error.
fn math_1(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let v = args::one(vm, name, a, kw)?;
    let x = to_f64(vm, v)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($($name:ident => $f:expr, $overflow:expr;)*) => {
        $(fn $name(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
            math_1(vm, a, kw, stringify!($name), $f, $overflow)
        })*
    };
}

unary! {
    sqrt => f64::sqrt, false;
    exp => f64::exp, true;
    exp2 => f64::exp2, true;
    expm1 => f64::exp_m1, true;
    sin => f64::sin, false;
    cos => f64::cos, false;
    tan => f64::tan, false;
    asin => f64::asin, false;
    acos => f64::acos, false;
    atan => f64::atan, false;
    sinh => f64::sinh, true;
    cosh => f64::cosh, true;
    tanh => f64::tanh, false;
    asinh => f64::asinh, false;
    acosh => f64::acosh, false;
    atanh => |x: f64| if x.abs() >= 1.0 { f64::NAN } else { x.atanh() }, false;
    fabs => f64::abs, false;
    cbrt => f64::cbrt, false;
    degrees => f64::to_degrees, true;
    radians => f64::to_radians, false;
}

/// Logarithms: zero and negative arguments are domain errors (CPython's `m_log`).
fn log_of(vm: &Vm, x: f64, f: fn(f64) -> f64) -> PyResult<f64> {
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(f(x))
}

fn log(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    // math.log parses its arguments by hand in CPython (METH_VARARGS), with its own message.
    args::no_kwargs(vm, "log", kw)?;
    if !(1..=2).contains(&a.len()) {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    gilvm_vm::bind_args!(vm, a, kw, log(x, base = ?, /));
    let x = to_f64(vm, &x)?;
    let num = log_of(vm, x, f64::ln)?;
    match base {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let b = to_f64(vm, &b)?;
            let den = log_of(vm, b, f64::ln)?;
            if den == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn log2(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "log2", a, kw)?;
    let x = to_f64(vm, v)?;
    Ok(Value::Float(log_of(vm, x, f64::log2)?))
}

fn log10(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "log10", a, kw)?;
    let x = to_f64(vm, v)?;
    Ok(Value::Float(log_of(vm, x, f64::log10)?))
}

fn log1p(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "log1p", a, kw)?;
    let x = to_f64(vm, v)?;
    if x <= -1.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(x.ln_1p()))
}

fn two_floats(vm: &mut Vm, a: &[Value], kw: &Kwargs, name: &str) -> PyResult<(f64, f64)> {
    args::count(vm, name, a, kw, 2, 2)?;
    Ok((to_f64(vm, &a[0])?, to_f64(vm, &a[1])?))
}

fn pow(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, kw, "pow")?;
    let r = x.powf(y);
    if x.is_finite() && y.is_finite() {
        if r.is_nan() {
            return Err(domain(vm));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain(vm) } else { range(vm) });
        }
    }
    Ok(Value::Float(r))
}

fn atan2(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (y, x) = two_floats(vm, a, kw, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn copysign(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, kw, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn fmod(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, kw, "fmod")?;
    if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(Value::Float(x % y))
}

/// CPython 3.11's `vector_norm`: a correctly rounded (in practice) Euclidean norm, used by
/// `hypot` and `dist` for any number of coordinates.
pub fn hypot_of(coords: &[f64]) -> f64 {
    const T27: f64 = 134_217_729.0;
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &c in coords {
        let a = c.abs();
        found_nan |= a.is_nan();
        if a > max {
            max = a;
        }
    }
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || coords.len() <= 1 {
        return max;
    }
    let max_e = frexp_exp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    if max_e >= -1023 {
        let scale = 2f64.powi(-max_e);
        let split = |x: f64| {
            let t = x * T27;
            let hi = t - (t - x);
            (hi, x - hi)
        };
        for &c in coords {
            let x = c * scale;
            let (hi, lo) = split(x);
            let x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
            let x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let (hi, lo) = split(h);
        let x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        let x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        let x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &c in coords {
        let x = c / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

/// The exponent `frexp` would return (x = m * 2**e, 0.5 <= m < 1), for finite x > 0.
fn frexp_exp(x: f64) -> i32 {
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32;
    if e == 0 {
        // Subnormal: scale up.
        return frexp_exp(x * 2f64.powi(64)) - 64;
    }
    e - 1022
}

fn hypot(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "hypot", kw)?;
    let mut coords = Vec::with_capacity(a.len());
    for v in a {
        coords.push(to_f64(vm, v)?);
    }
    Ok(Value::Float(hypot_of(&coords)))
}

fn dist(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    gilvm_vm::bind_args!(vm, a, kw, dist(p, q, /));
    let p = vm.collect(&p)?;
    let q = vm.collect(&q)?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (x, y) in p.iter().zip(q.iter()) {
        diffs.push(to_f64(vm, x)? - to_f64(vm, y)?);
    }
    Ok(Value::Float(hypot_of(&diffs)))
}

/// floor/ceil/trunc: ints pass through, floats become ints, objects use `__floor__` etc.
fn to_int_with(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let v = args::one(vm, name, a, kw)?;
    match v {
        Value::Int(n) => Ok(Value::Int(*n)),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) => {
            if x.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            Ok(Value::Int(gilvm_vm::builtins::funcs::float_to_i64(
                vm,
                f(*x),
            )?))
        }
        Value::Instance(_) => match vm.get_attr_opt(v, dunder)? {
            Some(m) => vm.call(&m, &[]),
            None => {
                let x = to_f64(vm, v)?;
                Ok(Value::Int(gilvm_vm::builtins::funcs::float_to_i64(
                    vm,
                    f(x),
                )?))
            }
        },
        other => Err(vm.type_error(format!("must be real number, not {}", vm.type_name(other)))),
    }
}

fn floor(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    to_int_with(vm, a, kw, "floor", "__floor__", f64::floor)
}
fn ceil(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    to_int_with(vm, a, kw, "ceil", "__ceil__", f64::ceil)
}
fn trunc(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    to_int_with(vm, a, kw, "trunc", "__trunc__", f64::trunc)
}

fn modf(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "modf", a, kw)?;
    let x = to_f64(vm, v)?;
    if x.is_infinite() {
        return Ok(Value::tuple(vec![
            Value::Float(0.0f64.copysign(x)),
            Value::Float(x),
        ]));
    }
    let i = x.trunc();
    Ok(Value::tuple(vec![
        Value::Float((x - i).copysign(x)),
        Value::Float(i),
    ]))
}

fn frexp(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "frexp", a, kw)?;
    let x = to_f64(vm, v)?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    let mut e = x.abs().log2().floor() as i64 + 1;
    let mut m = x / 2f64.powi(e as i32);
    // Correct for rounding at the edges so 0.5 <= |m| < 1.
    if m.abs() >= 1.0 {
        m /= 2.0;
        e += 1;
    } else if m.abs() < 0.5 {
        m *= 2.0;
        e -= 1;
    }
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e)]))
}

fn ldexp(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    gilvm_vm::bind_args!(vm, a, kw, ldexp(x, i, /));
    let x = to_f64(vm, &x)?;
    let e = to_index(vm, &i)?.clamp(-100_000, 100_000) as i32;
    // Two steps keep intermediate powers of two representable.
    let half = e / 2;
    let r = x * 2f64.powi(half) * 2f64.powi(e - half);
    if r.is_infinite() && x.is_finite() {
        return Err(range(vm));
    }
    Ok(Value::Float(r))
}

fn isclose(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    gilvm_vm::bind_args!(vm, a, kw, isclose(a, b, *, rel_tol = ?, abs_tol = ?));
    let x = to_f64(vm, &a)?;
    let y = to_f64(vm, &b)?;
    let rel = match &rel_tol {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs = match &abs_tol {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs,
    ))
}

fn float_pred(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    f: fn(f64) -> bool,
) -> PyResult<Value> {
    let v = args::one(vm, name, a, kw)?;
    let x = to_f64(vm, v)?;
    Ok(Value::Bool(f(x)))
}

fn isnan(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    float_pred(vm, a, kw, "isnan", f64::is_nan)
}
fn isinf(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    float_pred(vm, a, kw, "isinf", f64::is_infinite)
}
fn isfinite(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    float_pred(vm, a, kw, "isfinite", f64::is_finite)
}

fn prod(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    gilvm_vm::bind_args!(vm, a, kw, prod(iterable, /, *, start = Value::Int(1)));
    let mut acc = start;
    let it = vm.get_iter(&iterable)?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(BinOp::Mult, &acc, &x)?;
    }
    Ok(acc)
}

/// Exactly rounded float sum (CPython's `math_fsum`, Shewchuk's partials).
pub fn fsum_of(values: &[f64]) -> Result<f64, &'static str> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for &v in values {
        let mut x = v;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // A nan or inf in the input, or intermediate overflow.
                if xsave.is_finite() {
                    return Err("intermediate overflow in fsum");
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err("-inf + inf in fsum");
        }
        return Ok(special_sum);
    }
    let mut n = partials.len();
    let mut hi = 0.0f64;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

fn fsum(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "fsum", a, kw)?;
    let items = vm.collect(v)?;
    let mut xs = Vec::with_capacity(items.len());
    for item in &items {
        xs.push(to_f64(vm, item)?);
    }
    match fsum_of(&xs) {
        Ok(r) => Ok(Value::Float(r)),
        Err(m) if m.starts_with("intermediate") => Err(vm.overflow_error(m)),
        Err(m) => Err(vm.value_error(m)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fsum_like_cpython() {
        // python3: math.fsum([0.1]*10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])
        assert_eq!(fsum_of(&[0.1; 10]), Ok(1.0));
        assert_eq!(
            fsum_of(&[1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]),
            Ok(1e-100)
        );
        assert_eq!(fsum_of(&[]), Ok(0.0));
        assert_eq!(fsum_of(&[f64::INFINITY, 1.0]), Ok(f64::INFINITY));
        assert!(fsum_of(&[f64::INFINITY, f64::NEG_INFINITY]).is_err());
        // python3: math.hypot(1, 2, 3), math.hypot(3, 4), math.hypot(0.1, 0.2), math.hypot(1e-300, 1e-300)
        assert_eq!(hypot_of(&[1.0, 2.0, 3.0]), 3.7416573867739413);
        assert_eq!(hypot_of(&[3.0, 4.0]), 5.0);
        assert_eq!(hypot_of(&[0.1, 0.2]), 0.223606797749979);
        assert_eq!(hypot_of(&[1e-300, 1e-300]), 1.414213562373095e-300);
        assert_eq!(hypot_of(&[1.5, 2.5, 3.5, 4.5]), 6.4031242374328485);
    }
}
