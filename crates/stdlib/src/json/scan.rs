//! The JSON scanner: CPython's `scan_once_unicode`, `_parse_object_unicode`,
//! `_parse_array_unicode`, `_match_number_unicode` and `scanstring_unicode`, step for step, so
//! that every error has CPython's message and position. The scanner walks the UTF-8 bytes (every
//! JSON delimiter is ASCII) and converts byte offsets to code points only where an index leaves
//! it (results, `StopIteration`, JSONDecodeError).

use std::sync::Arc;

use gilvm_vm::builtins::to_index;
use gilvm_vm::object::native::bound_native;
use gilvm_vm::object::value::{DictMap, NativeObject, PyStr};
use gilvm_vm::protocol::bigint::{big_value, parse_big};
use gilvm_vm::{PyErr, PyResult, Value, Vm};

use super::{as_str, byte_of, cp_of, Kwargs, MAX_DEPTH};

/// A scanner made by `make_scanner(context, error_class)`.
#[derive(Debug)]
struct Scanner {
    strict: bool,
    object_hook: Option<Value>,
    object_pairs_hook: Option<Value>,
    /// `None` when it is `float` itself (parsed natively).
    parse_float: Option<Value>,
    /// `None` when it is `int` itself.
    parse_int: Option<Value>,
    parse_constant: Value,
    error: Value,
}

impl NativeObject for Scanner {
    fn type_name(&self) -> &'static str {
        "_json.Scanner"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Why a scan stopped: no value starts at a byte offset, or a raised exception.
enum Stop {
    At(usize),
    Err(PyErr),
}

impl From<PyErr> for Stop {
    fn from(e: PyErr) -> Stop {
        Stop::Err(e)
    }
}

type Scan<T> = Result<T, Stop>;

/// One scan of one document.
struct State<'a> {
    sc: &'a Scanner,
    doc: &'a Arc<PyStr>,
    b: &'a [u8],
    depth: usize,
    limit: usize,
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

/// `make_scanner(context, error_class)`.
pub fn make_scanner(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (Some(ctx), Some(error)) = (a.first(), a.get(1)) else {
        return Err(vm.type_error("make_scanner(context, error_class)"));
    };
    let strict = vm.get_attr(ctx, "strict")?;
    let strict = vm.truthy(&strict)?;
    let opt = |v: Value| if v.is_none() { None } else { Some(v) };
    let object_hook = opt(vm.get_attr(ctx, "object_hook")?);
    let object_pairs_hook = opt(vm.get_attr(ctx, "object_pairs_hook")?);
    let pf = vm.get_attr(ctx, "parse_float")?;
    let pi = vm.get_attr(ctx, "parse_int")?;
    let float_cls = Value::Class(vm.types().float.clone());
    let int_cls = Value::Class(vm.types().int.clone());
    let parse_float = if pf.is(&float_cls) { None } else { Some(pf) };
    let parse_int = if pi.is(&int_cls) { None } else { Some(pi) };
    let parse_constant = vm.get_attr(ctx, "parse_constant")?;
    let sc = Scanner {
        strict,
        object_hook,
        object_pairs_hook,
        parse_float,
        parse_int,
        parse_constant,
        error: error.clone(),
    };
    Ok(bound_native(
        "scan_once",
        scan_once,
        Value::Native(Arc::new(Box::new(sc))),
    ))
}

fn scanner<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Scanner> {
    match v {
        Value::Native(n) => n
            .as_any()
            .downcast_ref::<Scanner>()
            .ok_or_else(|| vm.type_error("expected a scanner")),
        _ => Err(vm.type_error("expected a scanner")),
    }
}

/// `scan_once(s, idx)`.
fn scan_once(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    if a.len() != 3 {
        return Err(vm.type_error(format!(
            "scan_once() takes exactly 2 arguments ({} given)",
            a.len().saturating_sub(1)
        )));
    }
    let sc = scanner(vm, &a[0])?;
    let Some(doc) = as_str(&a[1]) else {
        return Err(vm.type_error(format!(
            "first argument must be a string, not {}",
            vm.type_name(&a[1])
        )));
    };
    let idx = to_index(vm, &a[2])?;
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    let idx = idx as usize;
    if idx >= doc.char_len {
        return Err(stop_iteration(vm, idx));
    }
    let start = byte_of(doc, idx);
    let limit = vm.interp.recursion_limit().min(MAX_DEPTH);
    let mut st = State {
        sc,
        doc,
        b: doc.as_str().as_bytes(),
        depth: 0,
        limit,
    };
    match st.value(vm, start) {
        Ok((v, end)) => Ok(Value::tuple(vec![v, Value::Int(cp_of(doc, end) as i64)])),
        Err(Stop::At(b)) => Err(stop_iteration(vm, cp_of(doc, b))),
        Err(Stop::Err(e)) => Err(e),
    }
}

fn stop_iteration(vm: &Vm, idx: usize) -> PyErr {
    vm.new_error_args(
        &vm.types().stop_iteration.clone(),
        vec![Value::Int(idx as i64)],
    )
}

/// `error_class(msg, doc, pos)` raised.
fn decode_error(vm: &mut Vm, error: &Value, msg: &str, doc: &Arc<PyStr>, byte: usize) -> PyErr {
    let pos = cp_of(doc, byte) as i64;
    match vm.call(
        error,
        &[Value::str(msg), Value::Str(doc.clone()), Value::Int(pos)],
    ) {
        Ok(Value::Instance(i)) => PyErr(i),
        Ok(other) => vm.type_error(format!(
            "JSONDecodeError() returned {}",
            vm.type_name(&other)
        )),
        Err(e) => e,
    }
}

impl State<'_> {
    fn err(&self, vm: &mut Vm, msg: &str, byte: usize) -> Stop {
        Stop::Err(decode_error(vm, &self.sc.error, msg, self.doc, byte))
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.b.len() && is_ws(self.b[i]) {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    /// `scan_once_unicode`: the value starting at byte `i` and the byte after it.
    fn value(&mut self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let b = self.b;
        let Some(c) = self.at(i) else {
            return Err(Stop::At(i));
        };
        let rest = &b[i..];
        match c {
            b'"' => {
                let (s, end) = scan_str(vm, &self.sc.error, self.doc, i + 1, self.sc.strict)?;
                Ok((s, end))
            }
            b'{' => self.nested(vm, i + 1, true),
            b'[' => self.nested(vm, i + 1, false),
            b'n' if rest.starts_with(b"null") => Ok((Value::None, i + 4)),
            b't' if rest.starts_with(b"true") => Ok((Value::Bool(true), i + 4)),
            b'f' if rest.starts_with(b"false") => Ok((Value::Bool(false), i + 5)),
            b'N' if rest.starts_with(b"NaN") => self.constant(vm, "NaN", i + 3),
            b'I' if rest.starts_with(b"Infinity") => self.constant(vm, "Infinity", i + 8),
            b'-' if rest.starts_with(b"-Infinity") => self.constant(vm, "-Infinity", i + 9),
            b'-' | b'0'..=b'9' => self.number(vm, i),
            _ => Err(Stop::At(i)),
        }
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, end: usize) -> Scan<(Value, usize)> {
        let v = vm.call(&self.sc.parse_constant, &[Value::str(name)])?;
        Ok((v, end))
    }

    fn nested(&mut self, vm: &mut Vm, i: usize, object: bool) -> Scan<(Value, usize)> {
        if self.depth >= self.limit {
            let what = if object { "object" } else { "array" };
            return Err(Stop::Err(vm.new_error(
                &vm.types().recursion_error.clone(),
                format!("maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"),
            )));
        }
        self.depth += 1;
        let r = if object {
            self.object(vm, i)
        } else {
            self.array(vm, i)
        };
        self.depth -= 1;
        r
    }

    /// `_parse_object_unicode`; `i` is just past the `{`.
    fn object(&mut self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let pairs_hook = self.sc.object_pairs_hook.is_some();
        let mut pairs: Vec<Value> = Vec::new();
        let mut map = DictMap::default();
        let mut idx = self.skip_ws(i);
        if self.at(idx) != Some(b'}') {
            loop {
                if self.at(idx) != Some(b'"') {
                    return Err(self.err(
                        vm,
                        "Expecting property name enclosed in double quotes",
                        idx,
                    ));
                }
                let (key, next) = scan_str(vm, &self.sc.error, self.doc, idx + 1, self.sc.strict)?;
                idx = self.skip_ws(next);
                if self.at(idx) != Some(b':') {
                    return Err(self.err(vm, "Expecting ':' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
                let (val, next) = self.value(vm, idx)?;
                if pairs_hook {
                    pairs.push(Value::tuple(vec![key, val]));
                } else {
                    let k = vm.key(key)?;
                    map.insert(k, val);
                }
                idx = self.skip_ws(next);
                if self.at(idx) == Some(b'}') {
                    break;
                }
                if self.at(idx) != Some(b',') {
                    return Err(self.err(vm, "Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        let end = idx + 1;
        if let Some(h) = &self.sc.object_pairs_hook {
            let v = vm.call(h, &[Value::list(pairs)])?;
            return Ok((v, end));
        }
        let d = Value::Dict(Arc::new(gilvm_vm::object::gilcell::GilCell::new(map)));
        if let Some(h) = &self.sc.object_hook {
            let v = vm.call(h, &[d])?;
            return Ok((v, end));
        }
        Ok((d, end))
    }

    /// `_parse_array_unicode`; `i` is just past the `[`.
    fn array(&mut self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let mut items = Vec::new();
        let mut idx = self.skip_ws(i);
        if self.at(idx) != Some(b']') {
            loop {
                let (val, next) = self.value(vm, idx)?;
                items.push(val);
                idx = self.skip_ws(next);
                if self.at(idx) == Some(b']') {
                    break;
                }
                if self.at(idx) != Some(b',') {
                    return Err(self.err(vm, "Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((Value::list(items), idx + 1))
    }

    /// `_match_number_unicode`.
    fn number(&mut self, vm: &mut Vm, start: usize) -> Scan<(Value, usize)> {
        let b = self.b;
        let n = b.len();
        let digit = |i: usize| i < n && b[i].is_ascii_digit();
        let mut idx = start;
        if b[idx] == b'-' {
            idx += 1;
            if idx >= n {
                return Err(Stop::At(start));
            }
        }
        if (b'1'..=b'9').contains(&b[idx]) {
            idx += 1;
            while digit(idx) {
                idx += 1;
            }
        } else if b[idx] == b'0' {
            idx += 1;
        } else {
            return Err(Stop::At(start));
        }
        let mut is_float = false;
        if idx + 1 < n && b[idx] == b'.' && b[idx + 1].is_ascii_digit() {
            is_float = true;
            idx += 2;
            while digit(idx) {
                idx += 1;
            }
        }
        if idx + 1 < n && (b[idx] == b'e' || b[idx] == b'E') {
            let e_start = idx;
            idx += 1;
            if idx + 1 < n && (b[idx] == b'-' || b[idx] == b'+') {
                idx += 1;
            }
            while digit(idx) {
                idx += 1;
            }
            if b[idx - 1].is_ascii_digit() {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        // The slice is ASCII, so a valid str.
        let text = std::str::from_utf8(&b[start..idx]).unwrap_or("0");
        let custom = if is_float {
            &self.sc.parse_float
        } else {
            &self.sc.parse_int
        };
        if let Some(f) = custom {
            let v = vm.call(f, &[Value::str(text)])?;
            return Ok((v, idx));
        }
        if is_float {
            let x: f64 = text.parse().unwrap_or(f64::NAN);
            return Ok((Value::Float(x), idx));
        }
        if let Ok(i) = text.parse::<i64>() {
            return Ok((Value::Int(i), idx));
        }
        let (neg, digits) = match text.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, text),
        };
        let Some(big) = parse_big(vm, digits, 10)? else {
            return Err(Stop::At(start));
        };
        Ok((big_value(if neg { -big } else { big }), idx))
    }
}

/// `scanstring_unicode` from byte `end` (just past the opening quote at `end - 1`): the
/// string and the byte just past its closing quote.
fn scan_str(
    vm: &mut Vm,
    error: &Value,
    doc: &Arc<PyStr>,
    end: usize,
    strict: bool,
) -> Scan<(Value, usize)> {
    let b = doc.as_str().as_bytes();
    let s = doc.as_str();
    let n = b.len();
    let begin = end.saturating_sub(1);
    let mut out = String::new();
    let mut end = end;
    let fail = |vm: &mut Vm, msg: &str, at: usize| Stop::Err(decode_error(vm, error, msg, doc, at));
    loop {
        let mut next = end;
        let mut c = 0u8;
        while next < n {
            c = b[next];
            if c == b'"' || c == b'\\' {
                break;
            }
            if c <= 0x1f && strict {
                return Err(fail(vm, "Invalid control character at", next));
            }
            next += 1;
        }
        if next >= n || !(c == b'"' || c == b'\\') {
            return Err(fail(vm, "Unterminated string starting at", begin));
        }
        out.push_str(&s[end..next]);
        next += 1;
        if c == b'"' {
            end = next;
            break;
        }
        if next == n {
            return Err(fail(vm, "Unterminated string starting at", begin));
        }
        let e = b[next];
        if e != b'u' {
            end = next + 1;
            let ch = match e {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                _ => return Err(fail(vm, "Invalid \\escape", end - 2)),
            };
            out.push(ch);
        } else {
            next += 1;
            end = next + 4;
            if end >= n {
                return Err(fail(vm, "Invalid \\uXXXX escape", next - 1));
            }
            let Some(mut cp) = hex4(&b[next..end]) else {
                return Err(fail(vm, "Invalid \\uXXXX escape", end - 5));
            };
            if (0xD800..0xDC00).contains(&cp)
                && end + 6 < n
                && b[end] == b'\\'
                && b[end + 1] == b'u'
            {
                let Some(c2) = hex4(&b[end + 2..end + 6]) else {
                    return Err(fail(vm, "Invalid \\uXXXX escape", end - 5));
                };
                if (0xDC00..0xE000).contains(&c2) {
                    cp = 0x10000 + (((cp - 0xD800) << 10) | (c2 - 0xDC00));
                    end += 6;
                }
            }
            // A lone surrogate has no UTF-8 form: gilvm's strs cannot hold it.
            out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
        }
    }
    Ok((Value::str(out), end))
}

fn hex4(h: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for &c in h {
        v = v * 16 + (c as char).to_digit(16)?;
    }
    Some(v)
}

/// `scanstring(s, end, strict, error_class)`.
pub fn scanstring(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    if a.len() != 4 {
        return Err(vm.type_error("scanstring(s, end, strict, error_class)"));
    }
    let Some(doc) = as_str(&a[0]) else {
        return Err(vm.type_error(format!(
            "first argument must be a string, not {}",
            vm.type_name(&a[0])
        )));
    };
    let end = to_index(vm, &a[1])?;
    if end < 0 || end as usize > doc.char_len {
        return Err(vm.value_error("end is out of bounds"));
    }
    let strict = vm.truthy(&a[2])?;
    let start = byte_of(doc, end as usize);
    match scan_str(vm, &a[3], doc, start, strict) {
        Ok((v, e)) => Ok(Value::tuple(vec![v, Value::Int(cp_of(doc, e) as i64)])),
        Err(Stop::Err(e)) => Err(e),
        Err(Stop::At(b)) => Err(stop_iteration(vm, cp_of(doc, b))),
    }
}

/// `skip_ws(s, idx)`: the first index at or after `idx` that is not JSON whitespace.
pub fn skip_ws(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (Some(doc), Some(idx)) = (a.first().and_then(as_str), a.get(1)) else {
        return Err(vm.type_error("skip_ws(s, idx)"));
    };
    let idx = to_index(vm, idx)?.max(0) as usize;
    let mut i = byte_of(doc, idx);
    let b = doc.as_str().as_bytes();
    while i < b.len() && is_ws(b[i]) {
        i += 1;
    }
    Ok(Value::Int(cp_of(doc, i) as i64))
}
