//! Methods of tuple, int and float, and bytes decoding (`decode_bytes`, used by the bytes
//! methods of bytes_methods.rs).

use super::add_methods;
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs};
use crate::object::error::PyResult;
use crate::object::value::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.types();
    let (tuple, int, float, bool_) = (
        t.tuple.clone(),
        t.int.clone(),
        t.float.clone(),
        t.bool_.clone(),
    );
    add_methods(
        vm,
        &tuple,
        &[("count", tuple_count), ("index", tuple_index)],
    );
    let int_methods: &[(&'static str, crate::object::value::NativeFn)] = &[
        ("bit_length", bit_length),
        ("bit_count", bit_count),
        ("conjugate", conjugate),
    ];
    add_methods(vm, &int, int_methods);
    add_methods(vm, &bool_, int_methods);
    add_methods(
        vm,
        &float,
        &[
            ("is_integer", is_integer),
            ("hex", float_hex),
            ("conjugate", conjugate),
        ],
    );
    let props: [(&'static str, crate::object::value::NativeFn); 4] = [
        ("real", num_real),
        ("imag", num_imag),
        ("numerator", num_real),
        ("denominator", int_one),
    ];
    for (name, getter) in props {
        for class in [&int, &bool_] {
            super::dict_set_str(
                vm,
                &class.dict,
                name,
                super::file::native_property(name, getter),
            );
        }
        if name == "real" || name == "imag" {
            super::dict_set_str(
                vm,
                &float.dict,
                name,
                super::file::native_property(name, getter),
            );
        }
    }
}

/// `x.real` / `n.numerator`: the number itself (bools become ints).
fn num_real(_vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(match a.first() {
        Some(Value::Bool(b)) => Value::Int(*b as i64),
        Some(v) => v.clone(),
        None => Value::None,
    })
}

/// `x.imag`: zero of the number's type.
fn num_imag(_vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(match a.first() {
        Some(Value::Float(_)) => Value::Float(0.0),
        _ => Value::Int(0),
    })
}

fn int_one(_vm: &mut Vm, _a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(1))
}

fn tuple_items<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<&'a [Value]> {
    match a.first() {
        Some(Value::Tuple(t)) => Ok(&t.items),
        other => {
            let got = other
                .map(|v| vm.type_name(v))
                .unwrap_or_else(|| "nothing".into());
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'tuple' objects doesn't apply to a '{got}' object"
            )))
        }
    }
}

fn same(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    vm.eq(a, b)
}

fn tuple_count(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let items = tuple_items(vm, a, "count")?;
    let x = args::one(vm, "tuple.count", &a[1..], kw)?;
    let mut n = 0;
    for item in items {
        if same(vm, item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_index(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let items = tuple_items(vm, a, "index")?;
    args::count(vm, "index", &a[1..], kw, 1, 3)?;
    let start = super::opt_index(vm, a.get(2))?;
    let end = super::opt_index(vm, a.get(3))?;
    let (start, end) = super::clamp_range(start, end, items.len());
    for (i, item) in items.iter().enumerate().take(end).skip(start) {
        if same(vm, item, &a[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn int_recv(vm: &Vm, a: &[Value], name: &str) -> PyResult<i64> {
    match a.first() {
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(*b as i64),
        other => {
            let got = other
                .map(|v| vm.type_name(v))
                .unwrap_or_else(|| "nothing".into());
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'int' objects doesn't apply to a '{got}' object"
            )))
        }
    }
}

fn bit_length(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if let Some(Value::BigInt(b)) = a.first() {
        args::none(vm, "int.bit_length", &a[1..], kw)?;
        return Ok(Value::Int(b.bits() as i64));
    }
    let n = int_recv(vm, a, "bit_length")?;
    args::none(vm, "int.bit_length", &a[1..], kw)?;
    Ok(Value::Int(64 - n.unsigned_abs().leading_zeros() as i64))
}

fn bit_count(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if let Some(Value::BigInt(b)) = a.first() {
        args::none(vm, "int.bit_count", &a[1..], kw)?;
        return Ok(Value::Int(b.magnitude().count_ones() as i64));
    }
    let n = int_recv(vm, a, "bit_count")?;
    args::none(vm, "int.bit_count", &a[1..], kw)?;
    Ok(Value::Int(n.unsigned_abs().count_ones() as i64))
}

fn conjugate(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "conjugate", a.get(1..).unwrap_or_default(), kw)?;
    Ok(match a.first() {
        Some(Value::Bool(b)) => Value::Int(*b as i64),
        Some(v) => v.clone(),
        None => {
            return Err(vm.type_error("unbound method conjugate() needs an argument"));
        }
    })
}

fn float_recv(vm: &Vm, a: &[Value], name: &str) -> PyResult<f64> {
    match a.first() {
        Some(Value::Float(x)) => Ok(*x),
        other => {
            let got = other
                .map(|v| vm.type_name(v))
                .unwrap_or_else(|| "nothing".into());
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'float' objects doesn't apply to a '{got}' object"
            )))
        }
    }
}

fn is_integer(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let x = float_recv(vm, a, "is_integer")?;
    args::none(vm, "float.is_integer", &a[1..], kw)?;
    Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
}

/// `float.hex()`: "0x1.8000000000000p+0" style, as CPython prints it.
pub fn float_hex_str(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if exp_bits == 0 {
        (0, -1022)
    } else {
        (1, exp_bits - 1023)
    };
    let sign_e = if exp < 0 { "-" } else { "+" };
    format!("{sign}0x{lead}.{mant:013x}p{sign_e}{}", exp.abs())
}

fn float_hex(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let x = float_recv(vm, a, "hex")?;
    args::none(vm, "float.hex", &a[1..], kw)?;
    Ok(Value::str(float_hex_str(x)))
}

/// Decode bytes with one of [`super::unicode_codecs`]' codecs.
pub fn decode_bytes(
    vm: &mut Vm,
    data: &[u8],
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<Value> {
    let enc = match encoding {
        None | Some(Value::None) => "utf-8".to_string(),
        Some(Value::Str(e)) => e.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "decode() argument 'encoding' must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    let errors = match errors {
        Some(Value::Str(e)) => e.as_str().to_string(),
        _ => "strict".to_string(),
    };
    let Some(codec) = super::unicode_codecs::lookup(&enc) else {
        let class = vm.types().lookup_error.clone();
        return Err(vm.new_error(&class, format!("unknown encoding: {enc}")));
    };
    let (text, _) = super::unicode_codecs::decode(vm, data, codec, &errors, true)?;
    Ok(Value::str(text))
}

#[cfg(test)]
mod tests {
    #[test]
    fn float_hex_matches_cpython() {
        // python3: (1.5).hex(), (0.1).hex(), (-2.0).hex(), (5e-324).hex(), (0.0).hex()
        assert_eq!(super::float_hex_str(1.5), "0x1.8000000000000p+0");
        assert_eq!(super::float_hex_str(0.1), "0x1.999999999999ap-4");
        assert_eq!(super::float_hex_str(-2.0), "-0x1.0000000000000p+1");
        assert_eq!(super::float_hex_str(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(super::float_hex_str(0.0), "0x0.0p+0");
    }
}
