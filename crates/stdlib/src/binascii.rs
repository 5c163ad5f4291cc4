//! `binascii`: conversions between binary data and ASCII encodings (hex, base64) and the
//! CRC-32 / CRC-CCITT checksums, with CPython 3.11's argument handling and messages. `Error`
//! (a ValueError subclass) and `Incomplete` are native classes, kept in the VM's native-class
//! table under `binascii.Error` so the functions can raise them. `lib/base64.py` sits on this.
//!
//! Data arguments take any buffer (bytes, bytearray, memoryview); the `a2b_*` functions also
//! take an ASCII str, as CPython does. Not here: the uu, qp and hqx (binhex) codecs.

use std::sync::Arc;

use gilvm_vm::builtins::buffer::{buffer, need_buffer, new_bytes};
use gilvm_vm::builtins::to_index;
use gilvm_vm::modules::{add_fns, new_module, set};
use gilvm_vm::object::args::{self, Params};
use gilvm_vm::object::value::{BuiltinType, Class, Module, PyStr};
use gilvm_vm::{PyErr, PyResult, Value, Vm};

type Kwargs = [(Arc<PyStr>, Value)];

const ERROR: &str = "binascii.Error";

pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = new_module(vm, "binascii");
    let value_error = vm.types().value_error.clone();
    let exception = vm.types().exception.clone();
    let error = gilvm_vm::builtins::file::new_class(
        "Error",
        "binascii",
        Some(&value_error),
        BuiltinType::Exception,
    );
    let incomplete = gilvm_vm::builtins::file::new_class(
        "Incomplete",
        "binascii",
        Some(&exception),
        BuiltinType::Exception,
    );
    let gil = vm.gil();
    vm.types()
        .natives
        .borrow_mut(gil)
        .insert(ERROR, error.clone());
    set(vm, &m, "Error", Value::Class(error));
    set(vm, &m, "Incomplete", Value::Class(incomplete));
    add_fns(
        vm,
        &m,
        &[
            ("hexlify", hexlify),
            ("b2a_hex", b2a_hex),
            ("unhexlify", unhexlify),
            ("a2b_hex", a2b_hex),
            ("b2a_base64", b2a_base64),
            ("a2b_base64", a2b_base64),
            ("crc32", crc32),
            ("crc_hqx", crc_hqx),
        ],
    );
    Ok(m)
}

/// `binascii.Error(msg)`.
fn error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    let class: Option<Arc<Class>> = vm.types().natives.borrow(vm.gil()).get(ERROR).cloned();
    match class {
        Some(c) => vm.new_error(&c, msg),
        None => vm.value_error(msg),
    }
}

/// An `a2b_*` argument: a buffer, or a str of ASCII characters only.
fn ascii_data(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    let s = match v {
        Value::Str(s) => Some(s.clone()),
        Value::Instance(i) => match &i.payload {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        },
        _ => None,
    };
    if let Some(s) = s {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_str().as_bytes().to_vec());
    }
    match buffer(vm, v)? {
        Some(b) => Ok(b.to_vec()),
        None => Err(vm.type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// CPython's count check for a function of one positional parameter and keyword-only ones.
fn one_positional(vm: &Vm, name: &str, a: &[Value]) -> PyResult<()> {
    if a.len() > 1 {
        return Err(vm.type_error(format!(
            "{name}() takes exactly 1 positional argument ({} given)",
            a.len()
        )));
    }
    Ok(())
}

fn truthy(v: &Option<Value>, default: bool) -> bool {
    match v {
        None => default,
        Some(Value::Bool(b)) => *b,
        Some(Value::Int(i)) => *i != 0,
        Some(Value::None) => false,
        Some(_) => true,
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn hex_impl(vm: &mut Vm, name: &'static str, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let p = Params {
        name,
        names: &["data", "sep", "bytes_per_sep"],
        positional: 3,
        positional_only: 0,
        required: 1,
    };
    let s = p.bind(vm, a, kw)?;
    let data = need_buffer(vm, s[0].as_ref().unwrap())?;
    let sep = match &s[1] {
        None | Some(Value::None) => None,
        Some(Value::Str(t)) => {
            if !t.is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(t.as_str().as_bytes().to_vec())
        }
        Some(v) => Some(match buffer(vm, v)? {
            Some(b) => b.to_vec(),
            None => {
                return Err(
                    vm.type_error(format!("object of type '{}' has no len()", vm.type_name(v)))
                )
            }
        }),
    };
    let per = match &s[2] {
        None => 1,
        Some(v) => to_index(vm, v)?,
    };
    let mut out = Vec::with_capacity(data.len() * 3);
    let push = |out: &mut Vec<u8>, b: u8| {
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    };
    match sep {
        Some(sep) if !data.is_empty() => {
            if sep.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if per == 0 {
                data.iter().for_each(|&b| push(&mut out, b));
            } else {
                let n = per.unsigned_abs() as usize;
                let len = data.len();
                for (i, &b) in data.iter().enumerate() {
                    // Positive: groups counted from the right; negative: from the left.
                    let boundary = if per > 0 {
                        (len - i) % n == 0
                    } else {
                        i % n == 0
                    };
                    if i > 0 && boundary {
                        out.push(sep[0]);
                    }
                    push(&mut out, b);
                }
            }
        }
        Some(sep) if sep.len() != 1 => return Err(vm.value_error("sep must be length 1.")),
        _ => data.iter().for_each(|&b| push(&mut out, b)),
    }
    Ok(new_bytes(out))
}

fn hexlify(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    hex_impl(vm, "hexlify", a, kw)
}

fn b2a_hex(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    hex_impl(vm, "b2a_hex", a, kw)
}

fn unhex_impl(vm: &mut Vm, name: &'static str, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let p = Params {
        name,
        names: &["hexstr"],
        positional: 1,
        positional_only: 1,
        required: 1,
    };
    let s = p.bind(vm, a, kw)?;
    let data = ascii_data(vm, s[0].as_ref().unwrap())?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes(out))
}

fn unhexlify(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    unhex_impl(vm, "unhexlify", a, kw)
}

fn a2b_hex(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    unhex_impl(vm, "a2b_hex", a, kw)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b2a_base64(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    one_positional(vm, "b2a_base64", a)?;
    let p = Params {
        name: "b2a_base64",
        names: &["data", "newline"],
        positional: 1,
        positional_only: 1,
        required: 1,
    };
    let s = p.bind(vm, a, kw)?;
    let data = need_buffer(vm, s[0].as_ref().unwrap())?;
    let newline = truthy(&s[1], true);
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for c in data.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if c.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if c.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
    if newline {
        out.push(b'\n');
    }
    Ok(new_bytes(out))
}

fn b64_value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

/// CPython 3.11's `binascii_a2b_base64_impl`, step for step (its error order included; 3.11
/// has no "Excess padding" check yet: `=` at a quad's start is skipped even in strict mode).
fn a2b_base64(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    one_positional(vm, "a2b_base64", a)?;
    let p = Params {
        name: "a2b_base64",
        names: &["data", "strict_mode"],
        positional: 1,
        positional_only: 1,
        required: 1,
    };
    let s = p.bind(vm, a, kw)?;
    let data = ascii_data(vm, s[0].as_ref().unwrap())?;
    let strict = truthy(&s[1], false);
    if strict && data.first() == Some(&b'=') {
        return Err(error(vm, "Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let (mut quad, mut left, mut pads) = (0u8, 0u8, 0usize);
    let mut padding_started = false;
    for (i, &ch) in data.iter().enumerate() {
        if ch == b'=' {
            padding_started = true;
            if quad >= 2 {
                pads += 1;
                if quad as usize + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error(vm, "Excess data after padding"));
                    }
                    return Ok(new_bytes(out));
                }
            }
            continue;
        }
        let Some(v) = b64_value(ch) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push(left << 2 | v >> 4);
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push(left << 4 | v >> 2);
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push(left << 6 | v);
                left = 0;
            }
        }
    }
    match quad {
        0 => Ok(new_bytes(out)),
        1 => Err(error(
            vm,
            format!(
                "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
                out.len() / 3 * 4 + 1
            ),
        )),
        _ => Err(error(vm, "Incorrect padding")),
    }
}

/// An unsigned checksum seed, masked to its low bits as CPython's `bitwise=True` converter
/// does.
fn seed(vm: &mut Vm, v: Option<&Value>) -> PyResult<u64> {
    match v {
        None => Ok(0),
        Some(Value::BigInt(b)) => {
            let (sign, digits) = b.to_u64_digits();
            let low = digits.first().copied().unwrap_or(0);
            Ok(if sign == num_bigint::Sign::Minus {
                low.wrapping_neg()
            } else {
                low
            })
        }
        Some(v) => Ok(to_index(vm, v)? as u64),
    }
}

const CRC32_TABLE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

fn crc32(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "crc32", a, kw, 1, 2)?;
    let data = need_buffer(vm, &a[0])?;
    let mut c = !(seed(vm, a.get(1))? as u32);
    for &b in &data {
        c = CRC32_TABLE[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    Ok(Value::Int(!c as i64))
}

fn crc_hqx(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "crc_hqx", a, kw, 2, 2)?;
    let data = need_buffer(vm, &a[0])?;
    let mut c = (seed(vm, a.get(1))? & 0xffff) as u16;
    for &b in &data {
        c ^= (b as u16) << 8;
        for _ in 0..8 {
            c = if c & 0x8000 != 0 {
                (c << 1) ^ 0x1021
            } else {
                c << 1
            };
        }
    }
    Ok(Value::Int(c as i64))
}
