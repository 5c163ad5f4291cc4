//! `repr()` and `str()` of every value, exactly as CPython prints them: float repr with the
//! shortest round-trip digits, str repr with Python's quote choice and escapes, recursive
//! containers with `[...]`, and the `<... at 0x...>` forms.

pub use gilvm_syntax::strings::{bytes_repr, is_printable, str_repr};

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::value::{Class, Value};
use crate::protocol::attr::user_lookup;

pub use crate::object::key::object_id;

/// Python's `repr(float)`: shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let e = format!("{:e}", x);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let nd = digits.len() as i32;
    let decpt = exp + 1;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if decpt > -4 && decpt <= 16 {
        if decpt <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-decpt) as usize));
            out.push_str(&digits);
        } else if decpt >= nd {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', (decpt - nd) as usize));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..decpt as usize]);
            out.push('.');
            out.push_str(&digits[decpt as usize..]);
        }
    } else {
        out.push_str(&digits[..1]);
        if nd > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        out.push('e');
        out.push(if e < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", e.abs()));
    }
    out
}

/// `ascii()`: escape every non-ASCII character of a repr.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{u:02x}"));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{u:04x}"));
        } else {
            out.push_str(&format!("\\U{u:08x}"));
        }
    }
    out
}

fn class_repr(c: &Class) -> String {
    let m = c.module.as_str();
    if m == "builtins" {
        format!("<class '{}'>", c.qualname.as_str())
    } else {
        format!("<class '{}.{}'>", m, c.qualname.as_str())
    }
}

impl Vm {
    /// Enter a nested native operation (repr/eq of nested containers...), counting it against
    /// the recursion limit so deep nesting raises RecursionError instead of overflowing.
    pub(crate) fn enter_native(&mut self) -> PyResult<()> {
        if self.frames.len() + self.native_depth > self.interp.recursion_limit()
            || self.native_depth >= 20_000
            || crate::runtime::stack_guard::stack_exhausted()
        {
            return Err(self.recursion_error());
        }
        self.native_depth += 1;
        Ok(())
    }
    pub(crate) fn leave_native(&mut self) {
        self.native_depth -= 1;
    }

    /// `<__main__.A object at 0x...>`
    pub(crate) fn default_repr(&self, v: &Value) -> String {
        let c = self.type_of(v);
        let m = c.module.as_str();
        let id = object_id(v);
        if m == "builtins" {
            format!("<{} object at {:#014x}>", c.qualname.as_str(), id)
        } else {
            format!("<{}.{} object at {:#014x}>", m, c.qualname.as_str(), id)
        }
    }

    /// `repr(v)`
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        use Value::*;
        Ok(match v {
            None => "None".into(),
            Bool(true) => "True".into(),
            Bool(false) => "False".into(),
            Int(i) => i.to_string(),
            BigInt(b) => crate::protocol::bigint::big_to_string(self, b)?,
            Float(f) => float_repr(*f),
            Str(s) => str_repr(s.as_str()),
            Bytes(b) => bytes_repr(&b.data),
            Ellipsis => "Ellipsis".into(),
            NotImplemented => "NotImplemented".into(),
            List(_) | Tuple(_) | Dict(_) | Set(_) => return self.container_repr(v),
            Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Slice(s) => {
                let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
                format!(
                    "slice({}, {}, {})",
                    self.repr(&a)?,
                    self.repr(&b)?,
                    self.repr(&c)?
                )
            }
            Function(f) => format!(
                "<function {} at {:#014x}>",
                f.qualname.as_str(),
                object_id(v)
            ),
            Builtin(b) => match &b.receiver {
                Option::None => format!("<built-in function {}>", b.name),
                Some(Module(_)) => format!("<built-in function {}>", b.name),
                Some(r) => format!(
                    "<built-in method {} of {} object at {:#014x}>",
                    b.name,
                    self.type_name(r),
                    object_id(r)
                ),
            },
            BoundMethod(b) => {
                let (recv, func) = (b.receiver.clone(), b.function.clone());
                let fname = match &func {
                    Function(f) => f.qualname.as_str().to_string(),
                    other => self.repr(other)?,
                };
                format!("<bound method {} of {}>", fname, self.repr(&recv)?)
            }
            Class(c) => {
                if let Some(meta) = &c.meta {
                    if let Some(f) = user_lookup(meta, "__repr__", self.gil()) {
                        return self.call_str_dunder(&f, v, "__repr__");
                    }
                }
                class_repr(c)
            }
            Module(m) => match &m.filename {
                Some(f) => format!("<module '{}' from '{}'>", m.name.as_str(), f),
                Option::None => format!("<module '{}' (built-in)>", m.name.as_str()),
            },
            Instance(inst) => {
                let class = inst.class.clone();
                if let Some(f) = user_lookup(&class, "__repr__", self.gil()) {
                    return self.call_str_dunder(&f, v, "__repr__");
                }
                if inst.exc.is_some() {
                    return self.exc_repr(inst);
                }
                if let Some(p) = &inst.payload {
                    // A subclass of set or frozenset shows its name: `S({1})`, `S()`.
                    let p = p.clone();
                    if matches!(p, Set(_)) || crate::object::frozenset::as_frozen(&p).is_some() {
                        let inner = match &p {
                            Set(s) if s.borrow(self.gil()).is_empty() => String::new(),
                            Set(_) => self.repr(&p)?,
                            _ => {
                                let r = self.repr(&p)?;
                                let r = r.strip_prefix("frozenset(").unwrap_or(&r);
                                r.strip_suffix(')').unwrap_or(r).to_string()
                            }
                        };
                        return Ok(format!("{}({inner})", class.name.as_str()));
                    }
                    return self.repr(&p);
                }
                self.default_repr(v)
            }
            Iter(_) => {
                let name = self.iter_type_name(v);
                format!("<{} object at {:#014x}>", name, object_id(v))
            }
            Cell(_) => format!("<cell at {:#014x}>", object_id(v)),
            Code(c) => crate::interp::dynamic::code_repr(c, object_id(v)),
            Native(_) => {
                let class = self.type_of(v);
                let own =
                    crate::protocol::hash::dict_get_str(&class.dict.borrow(self.gil()), "__repr__")
                        .cloned();
                match own {
                    Some(f) => return self.call_str_dunder(&f, v, "__repr__"),
                    Option::None => self.default_repr(v),
                }
            }
        })
    }

    /// Call `__repr__`/`__str__` and check it returned a str.
    fn call_str_dunder(&mut self, f: &Value, recv: &Value, name: &str) -> PyResult<String> {
        self.enter_native()?;
        let r = self.call_method_value(f, recv, &[]);
        self.leave_native();
        match r? {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => {
                let tn = self.type_name(&other);
                Err(self.type_error(format!("{name} returned non-string (type {tn})")))
            }
        }
    }

    fn container_repr(&mut self, v: &Value) -> PyResult<String> {
        let id = object_id(v);
        if self.repr_guard.contains(&id) {
            return Ok(match v {
                Value::List(_) => "[...]",
                Value::Dict(_) => "{...}",
                Value::Set(_) => "set(...)",
                _ => "(...)",
            }
            .into());
        }
        self.enter_native()?;
        self.repr_guard.push(id);
        let r = self.container_repr_inner(v);
        self.repr_guard.pop();
        self.leave_native();
        r
    }

    fn container_repr_inner(&mut self, v: &Value) -> PyResult<String> {
        let gil = self.gil();
        let mut out = String::new();
        match v {
            Value::List(l) => {
                let items = l.borrow(gil).clone();
                out.push('[');
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(it)?);
                }
                out.push(']');
            }
            Value::Tuple(t) => {
                out.push('(');
                for (i, it) in t.items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(it)?);
                }
                if t.items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d
                    .borrow(gil)
                    .iter()
                    .map(|(k, v)| (k.value.clone(), v.clone()))
                    .collect();
                out.push('{');
                for (i, (k, val)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(k)?);
                    out.push_str(": ");
                    out.push_str(&self.repr(val)?);
                }
                out.push('}');
            }
            Value::Set(s) => {
                let items: Vec<Value> = crate::object::setorder::values(gil, s);
                if items.is_empty() {
                    return Ok("set()".into());
                }
                out.push('{');
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(it)?);
                }
                out.push('}');
            }
            _ => {}
        }
        Ok(out)
    }

    /// `str(v)`
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(inst) => {
                let class = inst.class.clone();
                if let Some(f) = user_lookup(&class, "__str__", self.gil()) {
                    return self.call_str_dunder(&f, v, "__str__");
                }
                if let Some(st) = &inst.exc {
                    if let Some(g) = &st.borrow(self.gil()).group {
                        return Ok(crate::object::exc_group::group_str(self, g));
                    }
                    // A user __repr__ does not change str() of an exception.
                    return self.exc_args_str(inst);
                }
                if let Some(Value::Str(s)) = &inst.payload {
                    // `str.__str__`; the other built-in types' `str` is their repr.
                    return Ok(s.as_str().to_string());
                }
                self.repr(v)
            }
            Value::Native(_) => {
                let class = self.type_of(v);
                let own =
                    crate::protocol::hash::dict_get_str(&class.dict.borrow(self.gil()), "__str__")
                        .cloned();
                match own {
                    Some(f) => self.call_str_dunder(&f, v, "__str__"),
                    None => self.repr(v),
                }
            }
            _ => self.repr(v),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_reprs_match_cpython() {
        // Expected values from python3 3.11: repr(x)
        let table: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.0 / 3.0, "0.3333333333333333"),
            (123456789.125, "123456789.125"),
            (-2.5, "-2.5"),
            (1e-7, "1e-07"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (12345678901234567.0, "1.2345678901234568e+16"),
            (100.0, "100.0"),
            (2.5e-4, "0.00025"),
        ];
        for (x, want) in table {
            assert_eq!(float_repr(*x), *want, "repr of {x:e}");
        }
    }

    #[test]
    fn str_reprs_choose_quotes_and_escape() {
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(str_repr("a\nb\t\\"), "'a\\nb\\t\\\\'");
        assert_eq!(str_repr("\x00\x7f"), "'\\x00\\x7f'");
        assert_eq!(str_repr("é€"), "'é€'");
        assert_eq!(bytes_repr(b"a'\x00"), "b\"a'\\x00\"");
    }
}
