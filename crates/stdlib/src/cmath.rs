//! The `cmath` module's basics: `sqrt`, `exp`, `log`, `log10`, `phase`, `polar`, `rect`,
//! `isclose`, `isnan`, `isinf`, `isfinite` and the constants. Finite arguments follow CPython's
//! `cmathmodule.c` step for step (the same libm calls, so the same bits); infinities and NaNs
//! follow C99 Annex G for `sqrt` and the plain formulas elsewhere.

use std::sync::Arc;

use gilvm_vm::modules::{add_fns, new_module, set};
use gilvm_vm::object::args::{Kwargs, Params};
use gilvm_vm::object::value::Module;
use gilvm_vm::protocol::complex::{as_complex, c_abs, c_quot, complex_value, to_complex, Complex};
use gilvm_vm::{PyResult, Value, Vm};

/// Build the module.
pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = new_module(vm, "cmath");
    set(vm, &m, "pi", Value::Float(std::f64::consts::PI));
    set(vm, &m, "e", Value::Float(std::f64::consts::E));
    set(vm, &m, "tau", Value::Float(std::f64::consts::TAU));
    set(vm, &m, "inf", Value::Float(f64::INFINITY));
    set(vm, &m, "nan", Value::Float(f64::NAN));
    set(vm, &m, "infj", complex_value(0.0, f64::INFINITY));
    set(vm, &m, "nanj", complex_value(0.0, f64::NAN));
    add_fns(
        vm,
        &m,
        &[
            ("sqrt", sqrt),
            ("exp", exp),
            ("log", log),
            ("log10", log10),
            ("phase", phase),
            ("polar", polar),
            ("rect", rect),
            ("isclose", isclose),
            ("isnan", isnan),
            ("isinf", isinf),
            ("isfinite", isfinite),
        ],
    );
    Ok(m)
}

/// An argument as a complex number: numbers, complex, `__complex__`, `__float__`.
fn arg(vm: &mut Vm, v: &Value) -> PyResult<Complex> {
    if let Value::Instance(_) = v {
        if let Some(m) = vm.get_attr_opt(v, "__complex__")? {
            let r = vm.call(&m, &[])?;
            if let Some(c) = as_complex(&r) {
                return Ok(c);
            }
            return Err(vm.type_error(format!(
                "__complex__ returned non-complex (type {})",
                vm.type_name(&r)
            )));
        }
    }
    if let Some(c) = to_complex(vm, v)? {
        return Ok(c);
    }
    let re = gilvm_vm::builtins::to_f64(vm, v)?;
    Ok(Complex { re, im: 0.0 })
}

fn one(vm: &mut Vm, name: &str, a: &[Value], kw: &Kwargs) -> PyResult<Complex> {
    gilvm_vm::object::args::no_kwargs(vm, name, kw)?;
    if a.len() != 1 {
        return Err(vm.type_error(format!(
            "cmath.{name}() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    arg(vm, &a[0])
}

fn cval(z: Complex) -> Value {
    complex_value(z.re, z.im)
}

const DBL_MIN: f64 = f64::MIN_POSITIVE;
const CM_LARGE_DOUBLE: f64 = f64::MAX / 4.0;
const CM_LOG_LARGE_DOUBLE: f64 = 708.3964185322641; // log(DBL_MAX / 4)
const DBL_MANT_DIG: i32 = 53;
const CM_SCALE_UP: i32 = 2 * (DBL_MANT_DIG / 2) + 1;
const CM_SCALE_DOWN: i32 = -(CM_SCALE_UP + 1) / 2;

fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

fn c_sqrt(z: Complex) -> Complex {
    if !z.re.is_finite() || !z.im.is_finite() {
        // C99 Annex G csqrt.
        if z.im.is_infinite() {
            return Complex {
                re: f64::INFINITY,
                im: z.im,
            };
        }
        if z.re.is_nan() {
            return Complex {
                re: f64::NAN,
                im: f64::NAN,
            };
        }
        if z.re == f64::INFINITY {
            let im = if z.im.is_nan() {
                f64::NAN
            } else {
                0f64.copysign(z.im)
            };
            return Complex {
                re: f64::INFINITY,
                im,
            };
        }
        if z.re == f64::NEG_INFINITY {
            if z.im.is_nan() {
                return Complex {
                    re: f64::NAN,
                    im: f64::INFINITY,
                };
            }
            return Complex {
                re: 0.0,
                im: f64::INFINITY.copysign(z.im),
            };
        }
        return Complex {
            re: f64::NAN,
            im: f64::NAN,
        };
    }
    if z.re == 0.0 && z.im == 0.0 {
        return Complex { re: 0.0, im: z.im };
    }
    let mut ax = z.re.abs();
    let ay = z.im.abs();
    let s = if ax < DBL_MIN && ay < DBL_MIN {
        ax = ldexp(ax, CM_SCALE_UP);
        ldexp(
            (ax + ax.hypot(ldexp(ay, CM_SCALE_UP))).sqrt(),
            CM_SCALE_DOWN,
        )
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.re >= 0.0 {
        Complex {
            re: s,
            im: d.copysign(z.im),
        }
    } else {
        Complex {
            re: d,
            im: s.copysign(z.im),
        }
    }
}

/// `c_log`; `None` for log(0).
fn c_log(z: Complex) -> Option<Complex> {
    let ax = z.re.abs();
    let ay = z.im.abs();
    let re = if !ax.is_finite() || !ay.is_finite() {
        ax.hypot(ay).ln()
    } else if ax > CM_LARGE_DOUBLE || ay > CM_LARGE_DOUBLE {
        (ax / 2.0).hypot(ay / 2.0).ln() + std::f64::consts::LN_2
    } else if ax < DBL_MIN && ay < DBL_MIN {
        if ax > 0.0 || ay > 0.0 {
            ldexp(ax, DBL_MANT_DIG).hypot(ldexp(ay, DBL_MANT_DIG)).ln()
                - DBL_MANT_DIG as f64 * std::f64::consts::LN_2
        } else {
            return None;
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Some(Complex {
        re,
        im: z.im.atan2(z.re),
    })
}

fn sqrt(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let z = one(vm, "sqrt", a, kw)?;
    Ok(cval(c_sqrt(z)))
}

fn exp(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let z = one(vm, "exp", a, kw)?;
    let finite = z.re.is_finite() && z.im.is_finite();
    let r = if z.re > CM_LOG_LARGE_DOUBLE {
        let l = (z.re - 1.0).exp();
        Complex {
            re: l * z.im.cos() * std::f64::consts::E,
            im: l * z.im.sin() * std::f64::consts::E,
        }
    } else if z.im == 0.0 {
        // exp of a real keeps an exact zero imaginary part (also for infinite reals).
        Complex {
            re: z.re.exp(),
            im: z.im,
        }
    } else {
        let l = z.re.exp();
        Complex {
            re: l * z.im.cos(),
            im: l * z.im.sin(),
        }
    };
    if finite && (r.re.is_infinite() || r.im.is_infinite()) {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(cval(r))
}

fn log(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "log",
        names: &["x", "base"],
        positional: 2,
        positional_only: 2,
        required: 1,
    };
    let s = P.bind(vm, a, kw)?;
    let x = arg(vm, s[0].as_ref().unwrap_or(&Value::None))?;
    let Some(lx) = c_log(x) else {
        return Err(vm.value_error("math domain error"));
    };
    let Some(base) = &s[1] else {
        return Ok(cval(lx));
    };
    let b = arg(vm, base)?;
    let Some(lb) = c_log(b) else {
        return Err(vm.value_error("math domain error"));
    };
    match c_quot(lx, lb) {
        Some(r) => Ok(cval(r)),
        None => Err(vm.value_error("math domain error")),
    }
}

fn log10(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let z = one(vm, "log10", a, kw)?;
    match c_log(z) {
        Some(s) => Ok(complex_value(
            s.re / std::f64::consts::LN_10,
            s.im / std::f64::consts::LN_10,
        )),
        None => Err(vm.value_error("math domain error")),
    }
}

fn phase(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let z = one(vm, "phase", a, kw)?;
    Ok(Value::Float(z.im.atan2(z.re)))
}

fn polar(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let z = one(vm, "polar", a, kw)?;
    let r = c_abs(vm, z)?;
    Ok(Value::tuple(vec![
        Value::Float(r),
        Value::Float(z.im.atan2(z.re)),
    ]))
}

fn rect(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    gilvm_vm::bind_args!(vm, a, kw, rect(r, phi, /));
    let r = gilvm_vm::builtins::to_f64(vm, &r)?;
    let phi = gilvm_vm::builtins::to_f64(vm, &phi)?;
    if r.is_finite() && phi.is_infinite() {
        return Err(vm.value_error("math domain error"));
    }
    if phi == 0.0 {
        return Ok(complex_value(r, r * phi));
    }
    Ok(complex_value(r * phi.cos(), r * phi.sin()))
}

fn isclose(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    gilvm_vm::bind_args!(vm, a, kw, isclose(a, b, *, rel_tol = ?, abs_tol = ?));
    let x = arg(vm, &a)?;
    let y = arg(vm, &b)?;
    let rel_tol = match &rel_tol {
        Some(v) => gilvm_vm::builtins::to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match &abs_tol {
        Some(v) => gilvm_vm::builtins::to_f64(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x.re == y.re && x.im == y.im {
        return Ok(Value::Bool(true));
    }
    if [x.re, x.im, y.re, y.im].iter().any(|v| v.is_infinite()) {
        return Ok(Value::Bool(false));
    }
    let diff = (x.re - y.re).hypot(x.im - y.im);
    let (ax, ay) = (x.re.hypot(x.im), y.re.hypot(y.im));
    Ok(Value::Bool(
        diff <= rel_tol * ay || diff <= rel_tol * ax || diff <= abs_tol,
    ))
}

fn isnan(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let z = one(vm, "isnan", a, kw)?;
    Ok(Value::Bool(z.re.is_nan() || z.im.is_nan()))
}

fn isinf(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let z = one(vm, "isinf", a, kw)?;
    Ok(Value::Bool(z.re.is_infinite() || z.im.is_infinite()))
}

fn isfinite(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let z = one(vm, "isfinite", a, kw)?;
    Ok(Value::Bool(z.re.is_finite() && z.im.is_finite()))
}
