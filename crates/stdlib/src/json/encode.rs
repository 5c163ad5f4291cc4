//! The JSON encoder: CPython's `c_make_encoder` (`encoder_listencode_obj`, `_list`, `_dict`)
//! and `py_encode_basestring(_ascii)`, writing into one `String`. Unlike CPython's C encoder it
//! also takes an `indent` (CPython falls back to Python for that; the output is the same), so
//! every `dumps` runs here.

use std::sync::Arc;

use gilvm_vm::builtins::sort::sort_values;
use gilvm_vm::object::native::bound_native;
use gilvm_vm::object::value::{NativeObject, PyStr};
use gilvm_vm::protocol::bigint::big_to_string;
use gilvm_vm::protocol::repr::float_repr;
use gilvm_vm::{PyErr, PyResult, Value, Vm};

use super::{as_str, Kwargs, MAX_DEPTH};

/// How string literals are written.
#[derive(Debug)]
enum StrEncoder {
    Ascii,
    Unicode,
    /// A Python callable returning the literal.
    Custom(Value),
}

#[derive(Debug)]
struct Encoder {
    check_circular: bool,
    default: Value,
    encoder: StrEncoder,
    indent: Option<String>,
    key_sep: String,
    item_sep: String,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
}

impl NativeObject for Encoder {
    fn type_name(&self) -> &'static str {
        "_json.Encoder"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A str written as a JSON literal into `out`, `\uXXXX` for every non-ASCII char if `ascii`.
pub fn write_str(out: &mut String, s: &str, ascii: bool) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &c) in bytes.iter().enumerate() {
        let esc: &str = match c {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            0x7f.. if ascii => "",
            _ => continue,
        };
        if c >= 0x80 {
            // Only char-start bytes escape a whole char; continuation bytes are skipped.
            if (c & 0xC0) == 0x80 {
                continue;
            }
            out.push_str(&s[start..i]);
            let ch = s[i..].chars().next().unwrap_or('\u{FFFD}');
            let mut units = [0u16; 2];
            for u in ch.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{:04x}", u));
            }
            start = i + ch.len_utf8();
            continue;
        }
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            out.push_str(&format!("\\u{:04x}", c));
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

fn str_arg<'a>(vm: &Vm, a: &'a [Value]) -> PyResult<&'a Arc<PyStr>> {
    match a.first().and_then(as_str) {
        Some(s) if a.len() == 1 => Ok(s),
        _ => Err(vm.type_error(format!(
            "first argument must be a string, not {}",
            a.first().map_or("nothing".to_string(), |v| vm.type_name(v))
        ))),
    }
}

/// `encode_basestring_ascii(s)`.
pub fn encode_basestring_ascii(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let s = str_arg(vm, a)?;
    let mut out = String::with_capacity(s.s.len() + 2);
    write_str(&mut out, s.as_str(), true);
    Ok(Value::str(out))
}

/// `encode_basestring(s)`.
pub fn encode_basestring(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let s = str_arg(vm, a)?;
    let mut out = String::with_capacity(s.s.len() + 2);
    write_str(&mut out, s.as_str(), false);
    Ok(Value::str(out))
}

/// `make_encoder(markers, default, encoder, indent, key_separator, item_separator, sort_keys,
/// skipkeys, allow_nan)`.
pub fn make_encoder(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    if a.len() != 9 {
        return Err(vm.type_error(format!(
            "make_encoder() takes exactly 9 arguments ({} given)",
            a.len()
        )));
    }
    let encoder = match &a[2] {
        Value::Builtin(b) if b.receiver.is_none() && b.name == "encode_basestring_ascii" => {
            StrEncoder::Ascii
        }
        Value::Builtin(b) if b.receiver.is_none() && b.name == "encode_basestring" => {
            StrEncoder::Unicode
        }
        other => StrEncoder::Custom(other.clone()),
    };
    let text = |vm: &Vm, v: &Value, what: &str| -> PyResult<String> {
        match as_str(v) {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(vm.type_error(format!(
                "make_encoder() argument {what} must be str, not {}",
                vm.type_name(v)
            ))),
        }
    };
    let indent = match &a[3] {
        Value::None => None,
        v => Some(text(vm, v, "4")?),
    };
    let key_sep = text(vm, &a[4], "5")?;
    let item_sep = text(vm, &a[5], "6")?;
    let enc = Encoder {
        check_circular: !a[0].is_none(),
        default: a[1].clone(),
        encoder,
        indent,
        key_sep,
        item_sep,
        sort_keys: vm.truthy(&a[6])?,
        skipkeys: vm.truthy(&a[7])?,
        allow_nan: vm.truthy(&a[8])?,
    };
    Ok(bound_native(
        "encode",
        call_encoder,
        Value::Native(Arc::new(Box::new(enc))),
    ))
}

fn call_encoder(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let enc = match a.first() {
        Some(Value::Native(n)) => n.as_any().downcast_ref::<Encoder>(),
        _ => None,
    };
    let (Some(enc), Some(obj)) = (enc, a.get(1)) else {
        return Err(vm.type_error("encoder(obj, level)"));
    };
    let level = match a.get(2) {
        Some(v) => gilvm_vm::builtins::to_index(vm, v)?.max(0) as usize,
        None => 0,
    };
    let mut w = Writer {
        enc,
        out: String::new(),
        markers: Vec::new(),
        depth: 0,
        limit: vm.interp.recursion_limit().min(MAX_DEPTH),
    };
    w.obj(vm, obj, level)?;
    Ok(Value::list(vec![Value::str(w.out)]))
}

/// One encoding run.
struct Writer<'a> {
    enc: &'a Encoder,
    out: String,
    /// Identities of the containers being encoded (for "Circular reference detected").
    markers: Vec<usize>,
    depth: usize,
    limit: usize,
}

/// An object's identity, for the circular-reference check.
fn ident(v: &Value) -> usize {
    match v {
        Value::List(l) => Arc::as_ptr(l) as *const u8 as usize,
        Value::Tuple(t) => Arc::as_ptr(t) as *const u8 as usize,
        Value::Dict(d) => Arc::as_ptr(d) as *const u8 as usize,
        Value::Instance(i) => Arc::as_ptr(i) as *const u8 as usize,
        Value::Set(s) => Arc::as_ptr(s) as *const u8 as usize,
        Value::Native(n) => Arc::as_ptr(n) as *const u8 as usize,
        Value::Function(f) => Arc::as_ptr(f) as *const u8 as usize,
        Value::Class(c) => Arc::as_ptr(c) as *const u8 as usize,
        Value::Bytes(b) => Arc::as_ptr(b) as *const u8 as usize,
        _ => 0,
    }
}

/// The int, float, list, tuple or dict a value is or extends.
fn base(v: &Value) -> &Value {
    match v {
        Value::Instance(i) => match &i.payload {
            Some(
                p @ (Value::Int(_)
                | Value::BigInt(_)
                | Value::Float(_)
                | Value::List(_)
                | Value::Tuple(_)
                | Value::Dict(_)),
            ) => p,
            _ => v,
        },
        _ => v,
    }
}

impl Writer<'_> {
    fn enter(&mut self, vm: &mut Vm, v: &Value) -> PyResult<usize> {
        if self.depth >= self.limit {
            return Err(vm.new_error(
                &vm.types().recursion_error.clone(),
                "maximum recursion depth exceeded while encoding a JSON object",
            ));
        }
        self.depth += 1;
        let id = ident(v);
        if self.enc.check_circular && id != 0 {
            if self.markers.contains(&id) {
                self.depth -= 1;
                return Err(vm.value_error("Circular reference detected"));
            }
            self.markers.push(id);
        }
        Ok(id)
    }

    fn leave(&mut self, id: usize) {
        self.depth -= 1;
        if self.enc.check_circular && id != 0 {
            if let Some(p) = self.markers.iter().rposition(|&m| m == id) {
                self.markers.remove(p);
            }
        }
    }

    fn string(&mut self, vm: &mut Vm, v: &Value, s: &str) -> PyResult<()> {
        match &self.enc.encoder {
            StrEncoder::Ascii => write_str(&mut self.out, s, true),
            StrEncoder::Unicode => write_str(&mut self.out, s, false),
            StrEncoder::Custom(f) => {
                let r = vm.call(f, std::slice::from_ref(v))?;
                match as_str(&r) {
                    Some(s) => self.out.push_str(s.as_str()),
                    None => {
                        return Err(vm.type_error(format!(
                            "encoder() must return a string, not {}",
                            vm.type_name(&r)
                        )))
                    }
                }
            }
        }
        Ok(())
    }

    fn float(&mut self, vm: &Vm, x: f64) -> PyResult<()> {
        if !x.is_finite() {
            if !self.enc.allow_nan {
                // CPython's C encoder (no indent) says no more; its Python one (indent)
                // adds the repr.
                let msg = "Out of range float values are not JSON compliant";
                return Err(vm.value_error(match self.enc.indent {
                    None => msg.to_string(),
                    Some(_) => format!("{msg}: {}", float_repr(x)),
                }));
            }
            self.out.push_str(if x > 0.0 {
                "Infinity"
            } else if x < 0.0 {
                "-Infinity"
            } else {
                "NaN"
            });
        } else {
            self.out.push_str(&float_repr(x));
        }
        Ok(())
    }

    fn newline(&mut self, level: usize) {
        if let Some(ind) = &self.enc.indent {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str(ind);
            }
        }
    }

    fn obj(&mut self, vm: &mut Vm, v: &Value, level: usize) -> PyResult<()> {
        match v {
            Value::None => self.out.push_str("null"),
            Value::Bool(true) => self.out.push_str("true"),
            Value::Bool(false) => self.out.push_str("false"),
            Value::Str(s) => {
                let s = s.clone();
                self.string(vm, v, s.as_str())?
            }
            _ => {
                if let Some(s) = as_str(v) {
                    let s = s.clone();
                    return self.string(vm, v, s.as_str());
                }
                match base(v) {
                    Value::Int(i) => self.out.push_str(&i.to_string()),
                    Value::BigInt(b) => {
                        let s = big_to_string(vm, b)?;
                        self.out.push_str(&s)
                    }
                    Value::Float(x) => self.float(vm, *x)?,
                    Value::List(l) => {
                        let items = l.borrow(vm.gil()).clone();
                        self.array(vm, v, &items, level)?
                    }
                    Value::Tuple(t) => {
                        let t = t.clone();
                        self.array(vm, v, &t.items, level)?
                    }
                    Value::Dict(d) => {
                        let items: Vec<(Value, Value)> = d
                            .borrow(vm.gil())
                            .iter()
                            .map(|(k, v)| (k.value.clone(), v.clone()))
                            .collect();
                        self.dict(vm, v, items, level)?
                    }
                    _ => {
                        let id = self.enter(vm, v)?;
                        let new = vm.call(&self.enc.default, std::slice::from_ref(v))?;
                        self.obj(vm, &new, level)?;
                        self.leave(id);
                    }
                }
            }
        }
        Ok(())
    }

    fn array(&mut self, vm: &mut Vm, v: &Value, items: &[Value], level: usize) -> PyResult<()> {
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        let id = self.enter(vm, v)?;
        self.out.push('[');
        let inner = level + 1;
        self.newline(inner);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(&self.enc.item_sep);
                self.newline(inner);
            }
            self.obj(vm, item, inner)?;
        }
        self.newline(level);
        self.out.push(']');
        self.leave(id);
        Ok(())
    }

    fn dict(
        &mut self,
        vm: &mut Vm,
        v: &Value,
        mut items: Vec<(Value, Value)>,
        level: usize,
    ) -> PyResult<()> {
        if items.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        let id = self.enter(vm, v)?;
        self.out.push('{');
        if self.enc.sort_keys {
            let mut pairs: Vec<Value> = items
                .drain(..)
                .map(|(k, v)| Value::tuple(vec![k, v]))
                .collect();
            sort_values(vm, &mut pairs, None, false)?;
            items = pairs
                .into_iter()
                .map(|p| match p {
                    Value::Tuple(t) => (t.items[0].clone(), t.items[1].clone()),
                    _ => (Value::None, Value::None),
                })
                .collect();
        }
        let inner = level + 1;
        self.newline(inner);
        let mut first = true;
        for (k, val) in &items {
            let key: Option<String> = if let Some(s) = as_str(k) {
                Some(s.as_str().to_string())
            } else {
                match (k, base(k)) {
                    (_, Value::Float(x)) => {
                        let save = std::mem::take(&mut self.out);
                        let r = self.float(vm, *x);
                        let s = std::mem::replace(&mut self.out, save);
                        r?;
                        Some(s)
                    }
                    (Value::Bool(true), _) => Some("true".into()),
                    (Value::Bool(false), _) => Some("false".into()),
                    (Value::None, _) => Some("null".into()),
                    (_, Value::Int(i)) => Some(i.to_string()),
                    (_, Value::BigInt(b)) => Some(big_to_string(vm, b)?),
                    _ if self.enc.skipkeys => None,
                    _ => {
                        return Err(key_error(vm, k));
                    }
                }
            };
            let Some(key) = key else { continue };
            if !first {
                self.out.push_str(&self.enc.item_sep);
                self.newline(inner);
            }
            first = false;
            let kv = match as_str(k) {
                Some(_) => k.clone(),
                None => Value::str(key.as_str()),
            };
            self.string(vm, &kv, &key)?;
            self.out.push_str(&self.enc.key_sep);
            self.obj(vm, val, inner)?;
        }
        self.newline(level);
        self.out.push('}');
        self.leave(id);
        Ok(())
    }
}

fn key_error(vm: &Vm, k: &Value) -> PyErr {
    vm.type_error(format!(
        "keys must be str, int, float, bool or None, not {}",
        vm.type_name(k)
    ))
}
