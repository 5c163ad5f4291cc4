//! The searching and splitting methods shared by `bytes` and `bytearray` (count, find, index,
//! startswith, split, join, replace, partition, ...): one native function per method,
//! installed in both classes; results take the receiver's kind (see [`Kind`]).
//! The transforming methods (case, padding, strip, translate, hex) are in `bytes_transform.rs`.

use super::buffer::{buffer, not_buffer, BufRef, Kind};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs, Params};
use crate::object::error::PyResult;
use crate::object::value::Value;

/// The methods of this file, for both classes.
pub const METHODS: &[(&str, crate::object::value::NativeFn)] = &[
    ("count", count),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("startswith", startswith),
    ("endswith", endswith),
    ("split", split),
    ("rsplit", rsplit),
    ("splitlines", splitlines),
    ("join", join),
    ("replace", replace),
    ("partition", partition),
    ("rpartition", rpartition),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("decode", decode),
];

/// The receiver of a bytes/bytearray method: its kind and its bytes.
pub fn recv<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<(Kind, BufRef<'a>)> {
    let Some(v) = a.first() else {
        return Err(vm.type_error(format!("unbound method {name}() needs an argument")));
    };
    let kind = Kind::of(v);
    match buffer(vm, v)? {
        Some(b) if !matches!(v, Value::Native(n) if n.type_name() == "memoryview") => Ok((kind, b)),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            kind.name(),
            vm.type_name(v)
        ))),
    }
}

/// The needle of find/count/index/`in`: a buffer or an int in range(256).
pub fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(vm, v)? {
        return Ok(b.to_vec());
    }
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            Ok(vec![super::buffer::byte_value(vm, v)?])
        }
        Value::Instance(_) if vm.get_attr_opt(v, "__index__")?.is_some() => {
            Ok(vec![super::buffer::byte_value(vm, v)?])
        }
        _ => Err(vm.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// Start and end arguments resolved against `len` (CPython's ADJUST_INDICES); `None` when the
/// start lies past the end (nothing can be found, not even the empty needle).
fn range_args(
    vm: &mut Vm,
    start: Option<&Value>,
    end: Option<&Value>,
    len: usize,
) -> PyResult<Option<(usize, usize)>> {
    let fix = |v: i64| -> i64 {
        if v < 0 {
            (v + len as i64).max(0)
        } else {
            v
        }
    };
    let s = super::opt_index(vm, start)?.map(fix).unwrap_or(0);
    let e = super::opt_index(vm, end)?
        .map(fix)
        .unwrap_or(len as i64)
        .min(len as i64);
    if s > len as i64 || s > e {
        return Ok(None);
    }
    Ok(Some((s as usize, e as usize)))
}

/// Position of `needle` in `hay` (the first, or with `rev` the last).
pub fn find_bytes(hay: &[u8], needle: &[u8], rev: bool) -> Option<usize> {
    if needle.is_empty() {
        return Some(if rev { hay.len() } else { 0 });
    }
    if needle.len() > hay.len() {
        return None;
    }
    if rev {
        hay.windows(needle.len()).rposition(|w| w == needle)
    } else if needle.len() == 1 {
        hay.iter().position(|&b| b == needle[0])
    } else {
        hay.windows(needle.len()).position(|w| w == needle)
    }
}

/// Non-overlapping occurrences of a non-empty `needle`, at most `max`.
fn count_bytes(hay: &[u8], needle: &[u8], max: usize) -> usize {
    let (mut n, mut i) = (0, 0);
    while n < max {
        match find_bytes(&hay[i..], needle, false) {
            Some(p) => {
                n += 1;
                i += p + needle.len();
            }
            None => break,
        }
    }
    n
}

/// The `(sub, start, end)` arguments of find/count/index, and the position found.
fn search(vm: &mut Vm, a: &[Value], kw: &Kwargs, name: &str, rev: bool) -> PyResult<Option<i64>> {
    args::count(vm, name, a.get(1..).unwrap_or(&[]), kw, 1, 3)?;
    let needle = sub_arg(vm, &a[1])?;
    let (_, data) = recv(vm, a, name)?;
    let len = data.len();
    drop(data);
    let Some((s, e)) = range_args(vm, a.get(2), a.get(3), len)? else {
        return Ok(None);
    };
    let (_, data) = recv(vm, a, name)?;
    let e = e.min(data.len());
    let s = s.min(e);
    Ok(find_bytes(&data[s..e], &needle, rev).map(|p| (p + s) as i64))
}

fn find(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(search(vm, a, kw, "find", false)?.unwrap_or(-1)))
}

fn rfind(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(search(vm, a, kw, "rfind", true)?.unwrap_or(-1)))
}

fn index(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    match search(vm, a, kw, "index", false)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn rindex(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    match search(vm, a, kw, "rindex", true)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn count(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "count", a.get(1..).unwrap_or(&[]), kw, 1, 3)?;
    let needle = sub_arg(vm, &a[1])?;
    let len = recv(vm, a, "count")?.1.len();
    let Some((s, e)) = range_args(vm, a.get(2), a.get(3), len)? else {
        return Ok(Value::Int(0));
    };
    let (_, data) = recv(vm, a, "count")?;
    let e = e.min(data.len());
    let s = s.min(e);
    if needle.is_empty() {
        return Ok(Value::Int((e - s + 1) as i64));
    }
    Ok(Value::Int(
        count_bytes(&data[s..e], &needle, usize::MAX) as i64
    ))
}

/// startswith/endswith: a buffer or a tuple of buffers, with optional start and end.
fn affix(vm: &mut Vm, a: &[Value], kw: &Kwargs, name: &str, end_side: bool) -> PyResult<Value> {
    args::count(vm, name, a.get(1..).unwrap_or(&[]), kw, 1, 3)?;
    let candidates: Vec<Vec<u8>> = match &a[1] {
        Value::Tuple(t) => {
            let mut out = Vec::with_capacity(t.items.len());
            for item in t.items.iter() {
                match buffer(vm, item)? {
                    Some(b) => out.push(b.to_vec()),
                    None => {
                        return Err(vm.type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            vm.type_name(item)
                        )))
                    }
                }
            }
            out
        }
        v => match buffer(vm, v)? {
            Some(b) => vec![b.to_vec()],
            None => {
                return Err(vm.type_error(format!(
                    "{name} first arg must be bytes or a tuple of bytes, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    let len = recv(vm, a, name)?.1.len();
    let Some((s, e)) = range_args(vm, a.get(2), a.get(3), len)? else {
        return Ok(Value::Bool(false));
    };
    let (_, data) = recv(vm, a, name)?;
    let e = e.min(data.len());
    let part = &data[s.min(e)..e];
    let hit = candidates.iter().any(|c| {
        if end_side {
            part.ends_with(c)
        } else {
            part.starts_with(c)
        }
    });
    Ok(Value::Bool(hit))
}

fn startswith(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    affix(vm, a, kw, "startswith", false)
}

fn endswith(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    affix(vm, a, kw, "endswith", true)
}

/// Python's bytes whitespace (`bytes.isspace`).
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// A separator argument: None, or a non-empty buffer.
fn sep_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<Vec<u8>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match buffer(vm, v)? {
            Some(b) if b.is_empty() => Err(vm.value_error("empty separator")),
            Some(b) => Ok(Some(b.to_vec())),
            None => Err(not_buffer(vm, v)),
        },
    }
}

fn split_args(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &'static str,
) -> PyResult<(Option<Vec<u8>>, i64)> {
    const NAMES: &[&str] = &["sep", "maxsplit"];
    let p = Params {
        name,
        names: NAMES,
        positional: 2,
        positional_only: 0,
        required: 0,
    };
    let s = p.bind(vm, a.get(1..).unwrap_or(&[]), kw)?;
    let sep = sep_arg(vm, s[0].as_ref())?;
    let max = match &s[1] {
        None => -1,
        Some(v) => super::to_index(vm, v)?,
    };
    Ok((sep, max))
}

fn parts(kind: Kind, items: Vec<&[u8]>) -> Value {
    Value::list(items.into_iter().map(|p| kind.make(p.to_vec())).collect())
}

fn split(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (sep, max) = split_args(vm, a, kw, "split")?;
    let (kind, data) = recv(vm, a, "split")?;
    let max = if max < 0 { usize::MAX } else { max as usize };
    let mut out: Vec<&[u8]> = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest: &[u8] = &data;
            while out.len() < max {
                match find_bytes(rest, &sep, false) {
                    Some(p) => {
                        out.push(&rest[..p]);
                        rest = &rest[p + sep.len()..];
                    }
                    None => break,
                }
            }
            out.push(rest);
        }
        None => {
            let mut i = 0;
            let n = data.len();
            loop {
                while i < n && is_space(data[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                if out.len() == max {
                    let mut j = n;
                    while j > i && is_space(data[j - 1]) {
                        j -= 1;
                    }
                    out.push(&data[i..j]);
                    break;
                }
                let start = i;
                while i < n && !is_space(data[i]) {
                    i += 1;
                }
                out.push(&data[start..i]);
            }
        }
    }
    Ok(parts(kind, out))
}

fn rsplit(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (sep, max) = split_args(vm, a, kw, "rsplit")?;
    let (kind, data) = recv(vm, a, "rsplit")?;
    let max = if max < 0 { usize::MAX } else { max as usize };
    let mut out: Vec<&[u8]> = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest: &[u8] = &data;
            while out.len() < max {
                match find_bytes(rest, &sep, true) {
                    Some(p) => {
                        out.push(&rest[p + sep.len()..]);
                        rest = &rest[..p];
                    }
                    None => break,
                }
            }
            out.push(rest);
        }
        None => {
            let mut j = data.len();
            loop {
                while j > 0 && is_space(data[j - 1]) {
                    j -= 1;
                }
                if j == 0 {
                    break;
                }
                if out.len() == max {
                    let mut i = 0;
                    while i < j && is_space(data[i]) {
                        i += 1;
                    }
                    out.push(&data[i..j]);
                    break;
                }
                let end = j;
                while j > 0 && !is_space(data[j - 1]) {
                    j -= 1;
                }
                out.push(&data[j..end]);
            }
        }
    }
    out.reverse();
    Ok(parts(kind, out))
}

fn splitlines(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "splitlines",
        names: &["keepends"],
        positional: 1,
        positional_only: 0,
        required: 0,
    };
    let s = P.bind(vm, a.get(1..).unwrap_or(&[]), kw)?;
    let keep = match &s[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let (kind, data) = recv(vm, a, "splitlines")?;
    let mut out: Vec<&[u8]> = Vec::new();
    let (mut i, n) = (0, data.len());
    while i < n {
        let start = i;
        while i < n && data[i] != b'\n' && data[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            eol = if data[i] == b'\r' && data.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
        }
        out.push(&data[start..if keep { eol } else { i }]);
        i = eol;
    }
    Ok(parts(kind, out))
}

fn join(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "join", a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let items = vm.collect(&a[1])?;
    let mut pieces: Vec<Vec<u8>> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match buffer(vm, item)? {
            Some(b) => pieces.push(b.to_vec()),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(item)
                )))
            }
        }
    }
    let (kind, sep) = recv(vm, a, "join")?;
    let total: usize =
        pieces.iter().map(Vec::len).sum::<usize>() + sep.len() * pieces.len().saturating_sub(1);
    vm.check_alloc(total, 1)?;
    let mut out = Vec::with_capacity(total);
    for (i, p) in pieces.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(p);
    }
    Ok(kind.make(out))
}

fn replace(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "replace", a.get(1..).unwrap_or(&[]), kw, 2, 3)?;
    let old = super::buffer::need_buffer(vm, &a[1])?;
    let new = super::buffer::need_buffer(vm, &a[2])?;
    let max = match a.get(3) {
        Some(v) => super::to_index(vm, v)?,
        None => -1,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    let (kind, data) = recv(vm, a, "replace")?;
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        let mut n = 0;
        for (i, &b) in data.iter().enumerate() {
            if n < max {
                out.extend_from_slice(&new);
                n += 1;
            } else {
                out.extend_from_slice(&data[i..]);
                break;
            }
            out.push(b);
        }
        if n < max && (data.is_empty() || n == data.len()) {
            out.extend_from_slice(&new);
        }
        return Ok(kind.make(out));
    }
    let (mut rest, mut n): (&[u8], usize) = (&data, 0);
    while n < max {
        match find_bytes(rest, &old, false) {
            Some(p) => {
                out.extend_from_slice(&rest[..p]);
                out.extend_from_slice(&new);
                rest = &rest[p + old.len()..];
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    Ok(kind.make(out))
}

fn partition_impl(vm: &mut Vm, a: &[Value], kw: &Kwargs, name: &str, rev: bool) -> PyResult<Value> {
    args::count(vm, name, a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let sep = match sep_arg(vm, Some(&a[1]))? {
        Some(s) => s,
        None => return Err(not_buffer(vm, &a[1])),
    };
    let (kind, data) = recv(vm, a, name)?;
    let parts = match find_bytes(&data, &sep, rev) {
        Some(p) => [&data[..p], &sep[..], &data[p + sep.len()..]],
        None if rev => [&[][..], &[][..], &data[..]],
        None => [&data[..], &[][..], &[][..]],
    };
    Ok(Value::tuple(
        parts.iter().map(|p| kind.make(p.to_vec())).collect(),
    ))
}

fn partition(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    partition_impl(vm, a, kw, "partition", false)
}

fn rpartition(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    partition_impl(vm, a, kw, "rpartition", true)
}

fn removeprefix(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    remove_affix(vm, a, kw, "removeprefix", <[u8]>::strip_prefix)
}

fn removesuffix(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    remove_affix(vm, a, kw, "removesuffix", <[u8]>::strip_suffix)
}

/// `removeprefix`/`removesuffix`: `strip` the argument off; an unchanged bytes is returned
/// itself, as CPython's.
fn remove_affix(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    strip: for<'d> fn(&'d [u8], &[u8]) -> Option<&'d [u8]>,
) -> PyResult<Value> {
    args::count(vm, name, a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let p = super::buffer::need_buffer(vm, &a[1])?;
    let (kind, data) = recv(vm, a, name)?;
    let out = strip(&data, &p[..]).unwrap_or(&data).to_vec();
    if kind == Kind::Bytes && out.len() == data.len() {
        return Ok(a[0].clone());
    }
    Ok(kind.make(out))
}

fn decode(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "decode",
        names: &["encoding", "errors"],
        positional: 2,
        positional_only: 0,
        required: 0,
    };
    let s = P.bind(vm, a.get(1..).unwrap_or(&[]), kw)?;
    let data = recv(vm, a, "decode")?.1.to_vec();
    super::misc_methods::decode_bytes(vm, &data, s[0].as_ref(), s[1].as_ref())
}

/// `x in b` for a bytes-like `b`: a sub-sequence or a byte value.
pub fn contains(vm: &mut Vm, hay: &Value, item: &Value) -> PyResult<bool> {
    let needle = match buffer(vm, item)? {
        Some(b) => b.to_vec(),
        None => match item {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_) => {
                if matches!(item, Value::Instance(_))
                    && vm.get_attr_opt(item, "__index__")?.is_none()
                {
                    return Err(not_buffer(vm, item));
                }
                vec![super::buffer::byte_value(vm, item)?]
            }
            _ => return Err(not_buffer(vm, item)),
        },
    };
    match buffer(vm, hay)? {
        Some(h) => Ok(find_bytes(&h, &needle, false).is_some()),
        None => Ok(false),
    }
}
