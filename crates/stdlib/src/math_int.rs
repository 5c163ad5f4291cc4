//! math's integer functions — gcd, lcm, factorial, comb, perm, isqrt — on ints of any size
//! (num-bigint), with CPython's argument checks and messages.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use gilvm_vm::builtins::to_index;
use gilvm_vm::interp::vm::Vm;
use gilvm_vm::object::args::{self, Kwargs};
use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::value::Value;
use gilvm_vm::protocol::bigint::{big_value, int_cow};

/// An integer argument (int, bool, big int, or an object with `__index__`).
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match int_cow(v) {
        Some(b) => Ok(b.into_owned()),
        None => Ok(BigInt::from(to_index(vm, v)?)),
    }
}

/// A non-negative count that must fit a C long (factorial's n, comb's and perm's k), with
/// CPython's message (`what` ends with its verb: "k must", "factorial() argument should").
fn small(vm: &Vm, b: &BigInt, what: &str) -> PyResult<u64> {
    i64::try_from(b)
        .map(|n| n as u64)
        .map_err(|_| vm.overflow_error(format!("{what} not exceed {}", i64::MAX)))
}

pub fn gcd(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "gcd", kw)?;
    let mut g = BigInt::zero();
    for v in a {
        let n = int_arg(vm, v)?;
        g = g.gcd(&n);
    }
    Ok(big_value(g))
}

pub fn lcm(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "lcm", kw)?;
    let mut l = BigInt::one();
    for v in a {
        let n = int_arg(vm, v)?;
        l = if l.is_zero() || n.is_zero() {
            BigInt::zero()
        } else {
            l.lcm(&n)
        };
    }
    Ok(big_value(l.abs()))
}

pub fn factorial(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "factorial", a, kw)?;
    let n = int_arg(vm, v)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let n = small(vm, &n, "factorial() argument should")?;
    Ok(big_value(product(1, n)))
}

/// lo * (lo+1) * ... * hi, by halves so the multiplications stay balanced.
fn product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut r = BigInt::one();
        for i in lo..=hi {
            r *= i;
        }
        return r;
    }
    let mid = lo + (hi - lo) / 2;
    product(lo, mid) * product(mid + 1, hi)
}

fn nk(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    k_optional: bool,
) -> PyResult<(BigInt, Option<BigInt>)> {
    args::count(vm, name, a, kw, if k_optional { 1 } else { 2 }, 2)?;
    let n = int_arg(vm, &a[0])?;
    let k = match a.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(vm, v)?),
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.as_ref().is_some_and(|k| k.is_negative()) {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

pub fn comb(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (n, k) = nk(vm, a, kw, "comb", false)?;
    let k = k.unwrap_or_default();
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let k = small(vm, &k, "min(n - k, k) must")?;
    let mut r = BigInt::one();
    for i in 0..k {
        // r is C(n, i) here, so the division is exact.
        r = r * (&n - i) / (i + 1);
    }
    Ok(big_value(r))
}

pub fn perm(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (n, k) = nk(vm, a, kw, "perm", true)?;
    let k = k.unwrap_or_else(|| n.clone());
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = small(vm, &k, "k must")?;
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - i;
    }
    Ok(big_value(r))
}

pub fn isqrt(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "isqrt", a, kw)?;
    let n = int_arg(vm, v)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(big_value(n.sqrt()))
}
