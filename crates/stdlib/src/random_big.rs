//! `random.randrange` / `randint` over ranges past 64 bits: CPython 3.11's algorithm on big
//! ints (`_randbelow_with_getrandbits`: draw `n.bit_length()` bits until below `n`), so a seeded
//! generator gives CPython's numbers.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::value::Value;
use gilvm_vm::protocol::bigint::{big_value, to_big};
use gilvm_vm::Vm;

use crate::random::{with_mt, RandomState};

fn index(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<BigInt> {
    match to_big(v) {
        Some(b) => Ok(b),
        None => Err(vm.value_error(msg.to_string())),
    }
}

/// `_randbelow(n)` for n >= 1.
fn randbelow(st: &RandomState, n: &BigInt) -> BigInt {
    let k = n.bits();
    loop {
        let words = with_mt(st, |m| m.getrandbits_words(k));
        let r = BigInt::from_biguint(Sign::Plus, BigUint::from_slice(&words));
        if &r < n {
            return r;
        }
    }
}

pub fn randrange(
    vm: &mut Vm,
    st: &RandomState,
    start: &Value,
    stop: Option<&Value>,
    step: Option<&Value>,
) -> PyResult<Value> {
    let istart = index(vm, start, "non-integer arg 1 for randrange()")?;
    let Some(stop) = stop.filter(|s| !s.is_none()) else {
        if step.is_some() {
            return Err(vm.type_error("Missing a non-None stop argument"));
        }
        if istart.is_positive() {
            return Ok(big_value(randbelow(st, &istart)));
        }
        return Err(vm.value_error("empty range for randrange()"));
    };
    let istop = index(vm, stop, "non-integer stop for randrange()")?;
    let width = &istop - &istart;
    let istep = match step {
        Some(s) => index(vm, s, "non-integer step for randrange()")?,
        None => BigInt::one(),
    };
    if istep.is_one() {
        if width.is_positive() {
            return Ok(big_value(istart + randbelow(st, &width)));
        }
        return Err(vm.value_error(format!(
            "empty range for randrange() ({istart}, {istop}, {width})"
        )));
    }
    let n = if istep.is_positive() {
        (&width + &istep - BigInt::one()).div_floor(&istep)
    } else if istep.is_zero() {
        return Err(vm.value_error("zero step for randrange()"));
    } else {
        (&width + &istep + BigInt::one()).div_floor(&istep)
    };
    if !n.is_positive() {
        return Err(vm.value_error("empty range for randrange()"));
    }
    Ok(big_value(istart + istep * randbelow(st, &n)))
}
