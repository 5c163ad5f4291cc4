//! The transforming methods shared by `bytes` and `bytearray`: ASCII case changes and
//! predicates, padding (center/ljust/rjust/zfill), expandtabs, strip, translate/maketrans and
//! hex/fromhex. Results take the receiver's kind.

use super::buffer::{buffer, need_buffer, Kind};
use super::bytes_methods::{is_space, recv};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs, Params};
use crate::object::error::PyResult;
use crate::object::value::Value;

pub const METHODS: &[(&str, crate::object::value::NativeFn)] = &[
    ("upper", upper),
    ("lower", lower),
    ("swapcase", swapcase),
    ("title", title),
    ("capitalize", capitalize),
    ("isalnum", isalnum),
    ("isalpha", isalpha),
    ("isascii", isascii),
    ("isdigit", isdigit),
    ("islower", islower),
    ("isupper", isupper),
    ("isspace", isspace),
    ("istitle", istitle),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("expandtabs", expandtabs),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("translate", translate),
    ("hex", hex),
];

fn map_bytes(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    f: fn(&[u8]) -> Vec<u8>,
) -> PyResult<Value> {
    args::none(vm, name, a.get(1..).unwrap_or(&[]), kw)?;
    let (kind, data) = recv(vm, a, name)?;
    Ok(kind.make(f(&data)))
}

fn upper(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    map_bytes(vm, a, kw, "upper", |d| d.to_ascii_uppercase())
}

fn lower(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    map_bytes(vm, a, kw, "lower", |d| d.to_ascii_lowercase())
}

fn swapcase(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    map_bytes(vm, a, kw, "swapcase", |d| {
        d.iter()
            .map(|&b| {
                if b.is_ascii_lowercase() {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn title(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    map_bytes(vm, a, kw, "title", |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&b| {
                let out = if prev_cased {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                };
                prev_cased = b.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

fn capitalize(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    map_bytes(vm, a, kw, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(i, &b)| {
                if i == 0 {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn pred(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    f: fn(&[u8]) -> bool,
) -> PyResult<Value> {
    args::none(vm, name, a.get(1..).unwrap_or(&[]), kw)?;
    let (_, data) = recv(vm, a, name)?;
    Ok(Value::Bool(f(&data)))
}

fn all_of(d: &[u8], f: fn(&u8) -> bool) -> bool {
    !d.is_empty() && d.iter().all(f)
}

fn isalnum(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    pred(vm, a, kw, "isalnum", |d| {
        all_of(d, u8::is_ascii_alphanumeric)
    })
}

fn isalpha(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    pred(vm, a, kw, "isalpha", |d| all_of(d, u8::is_ascii_alphabetic))
}

fn isascii(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    pred(vm, a, kw, "isascii", |d| d.is_ascii())
}

fn isdigit(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    pred(vm, a, kw, "isdigit", |d| all_of(d, u8::is_ascii_digit))
}

fn isspace(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    pred(vm, a, kw, "isspace", |d| all_of(d, |b| is_space(*b)))
}

fn islower(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    pred(vm, a, kw, "islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

fn isupper(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    pred(vm, a, kw, "isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

fn istitle(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    pred(vm, a, kw, "istitle", |d| {
        let (mut cased, mut prev_cased) = (false, false);
        for &b in d {
            if b.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if b.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

/// `(width, fillchar=b' ')` of center/ljust/rjust.
fn pad_args(vm: &mut Vm, a: &[Value], kw: &Kwargs, name: &str) -> PyResult<(usize, u8)> {
    args::count(vm, name, a.get(1..).unwrap_or(&[]), kw, 1, 2)?;
    let width = super::to_index(vm, &a[1])?.max(0) as usize;
    let fill = match a.get(2) {
        None => b' ',
        Some(v) => match buffer(vm, v)? {
            Some(b)
                if b.len() == 1
                    && !matches!(v, Value::Native(n) if n.type_name() == "memoryview") =>
            {
                b[0]
            }
            _ => {
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    Ok((width, fill))
}

fn padded(vm: &mut Vm, a: &[Value], kw: &Kwargs, name: &str) -> PyResult<Value> {
    let (width, fill) = pad_args(vm, a, kw, name)?;
    let (kind, data) = recv(vm, a, name)?;
    let len = data.len();
    if width <= len {
        return Ok(match kind {
            Kind::Bytes => a[0].clone(),
            Kind::ByteArray => kind.make(data.to_vec()),
        });
    }
    vm.check_alloc(width, 1)?;
    let total = width - len;
    let left = match name {
        "ljust" => 0,
        "rjust" => total,
        // CPython's centering: the extra byte goes left when the width is odd.
        _ => total / 2 + (total & width & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&data);
    out.resize(width, fill);
    Ok(kind.make(out))
}

fn center(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    padded(vm, a, kw, "center")
}

fn ljust(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    padded(vm, a, kw, "ljust")
}

fn rjust(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    padded(vm, a, kw, "rjust")
}

fn zfill(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "zfill", a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let width = super::to_index(vm, &a[1])?.max(0) as usize;
    let (kind, data) = recv(vm, a, "zfill")?;
    if width <= data.len() {
        return Ok(kind.make(data.to_vec()));
    }
    vm.check_alloc(width, 1)?;
    let fill = width - data.len();
    let mut out = Vec::with_capacity(width);
    let body: &[u8] = match data.first() {
        Some(&s @ (b'+' | b'-')) => {
            out.push(s);
            &data[1..]
        }
        _ => &data,
    };
    out.resize(out.len() + fill, b'0');
    out.extend_from_slice(body);
    Ok(kind.make(out))
}

fn expandtabs(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "expandtabs",
        names: &["tabsize"],
        positional: 1,
        positional_only: 0,
        required: 0,
    };
    let s = P.bind(vm, a.get(1..).unwrap_or(&[]), kw)?;
    let tab = match &s[0] {
        Some(v) => super::to_index(vm, v)?,
        None => 8,
    };
    let (kind, data) = recv(vm, a, "expandtabs")?;
    let mut out = Vec::with_capacity(data.len());
    let mut col: i64 = 0;
    for &b in data.iter() {
        match b {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(kind.make(out))
}

fn strip_impl(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    args::count(vm, name, a.get(1..).unwrap_or(&[]), kw, 0, 1)?;
    let chars: Option<Vec<u8>> = match a.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(need_buffer(vm, v)?),
    };
    let (kind, data) = recv(vm, a, name)?;
    let strip_it = |b: u8| match &chars {
        None => is_space(b),
        Some(c) => c.contains(&b),
    };
    let (mut i, mut j) = (0, data.len());
    if left {
        while i < j && strip_it(data[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip_it(data[j - 1]) {
            j -= 1;
        }
    }
    if kind == Kind::Bytes && i == 0 && j == data.len() {
        return Ok(a[0].clone());
    }
    Ok(kind.make(data[i..j].to_vec()))
}

fn strip(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    strip_impl(vm, a, kw, "strip", true, true)
}

fn lstrip(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    strip_impl(vm, a, kw, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    strip_impl(vm, a, kw, "rstrip", false, true)
}

fn translate(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "translate",
        names: &["table", "delete"],
        positional: 2,
        positional_only: 1,
        required: 1,
    };
    let s = P.bind(vm, a.get(1..).unwrap_or(&[]), kw)?;
    let table = match &s[0] {
        Some(Value::None) | None => None,
        Some(v) => {
            let t = need_buffer(vm, v)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match &s[1] {
        Some(v) => need_buffer(vm, v)?,
        None => Vec::new(),
    };
    let (kind, data) = recv(vm, a, "translate")?;
    let out: Vec<u8> = data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(kind.make(out))
}

/// `bytes.maketrans(from, to)` (a static method of both classes; always bytes).
pub fn maketrans(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "maketrans", a, kw, 2, 2)?;
    let from = need_buffer(vm, &a[0])?;
    let to = need_buffer(vm, &a[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in from.iter().zip(to.iter()) {
        table[*f as usize] = *t;
    }
    Ok(super::buffer::new_bytes(table))
}

/// `hex(sep=, bytes_per_sep=1)` of bytes, bytearray and memoryview: groups of
/// `bytes_per_sep` bytes counted from the right (from the left when negative).
pub fn hex_string(
    vm: &mut Vm,
    data: &[u8],
    sep: Option<&Value>,
    per: Option<&Value>,
) -> PyResult<String> {
    let sep: Option<char> = match sep {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => {
            if s.char_len != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            let c = s.as_str().chars().next().unwrap_or(' ');
            if !c.is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(c)
        }
        Some(v) => match buffer(vm, v)? {
            Some(b) if b.len() == 1 => Some(b[0] as char),
            Some(_) => return Err(vm.value_error("sep must be length 1.")),
            None => {
                return Err(vm.type_error(format!(
                    "sep must be str or bytes., not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    let per = match per {
        None => 1,
        Some(v) => super::to_index(vm, v)?,
    };
    let mut out = String::with_capacity(data.len() * 3);
    let n = data.len();
    let group = per.unsigned_abs() as usize;
    for (i, b) in data.iter().enumerate() {
        if let Some(c) = sep {
            if i > 0 && group > 0 {
                let boundary = if per > 0 {
                    (n - i).is_multiple_of(group)
                } else {
                    i % group == 0
                };
                if boundary {
                    out.push(c);
                }
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(out)
}

fn hex(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "hex",
        names: &["sep", "bytes_per_sep"],
        positional: 2,
        positional_only: 0,
        required: 0,
    };
    let s = P.bind(vm, a.get(1..).unwrap_or(&[]), kw)?;
    let data = recv(vm, a, "hex")?.1.to_vec();
    Ok(Value::str(hex_string(
        vm,
        &data,
        s[0].as_ref(),
        s[1].as_ref(),
    )?))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)` (a class method: the result is of the class).
pub fn fromhex(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "fromhex", a.get(1..).unwrap_or_default(), kw, 1, 1)?;
    let kind = match &a[0] {
        Value::Class(c) if c.name.as_str() == "bytearray" => Kind::ByteArray,
        _ => Kind::Bytes,
    };
    let text = match &a[1] {
        Value::Str(s) => s.clone(),
        other => {
            return Err(vm.type_error(format!(
                "fromhex() argument must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    let chars: Vec<char> = text.as_str().chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |vm: &Vm, i: usize| {
        vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).filter(|_| chars[i].is_ascii());
        let Some(hi) = hi else {
            return Err(bad(vm, i));
        };
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()));
        let Some(lo) = lo else {
            return Err(bad(vm, i + 1));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(kind.make(out))
}
