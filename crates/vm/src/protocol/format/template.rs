//! `str.format`: CPython's Objects/stringlib/unicode_format.h (MarkupIterator, parse_field,
//! FieldNameIterator) over chars.

use std::sync::Arc;

use super::{ascii_escape, format_value};
use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::value::{PyStr, Value};

/// Automatic (`{}`) versus manual (`{0}`) field numbering: CPython forbids mixing them.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Numbering {
    Unknown,
    Auto,
    Manual,
}

struct State<'a> {
    args: &'a [Value],
    kwargs: &'a [(Arc<PyStr>, Value)],
    numbering: Numbering,
    next_auto: usize,
}

/// One replacement field: name, conversion, spec (and whether the spec holds nested fields).
struct Field {
    name: String,
    conversion: Option<char>,
    spec: String,
    spec_nested: bool,
}

pub fn str_format(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kwargs: &[(Arc<PyStr>, Value)],
) -> PyResult<String> {
    let mut st = State {
        args,
        kwargs,
        numbering: Numbering::Unknown,
        next_auto: 0,
    };
    render(vm, fmt, &mut st, 2)
}

fn render(vm: &mut Vm, fmt: &str, st: &mut State, depth: u32) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    let n = chars.len();
    while i < n {
        let c = chars[i];
        i += 1;
        if c != '{' && c != '}' {
            out.push(c);
            continue;
        }
        let at_end = i >= n;
        if c == '}' && (at_end || chars[i] != '}') {
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if at_end && c == '{' {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if chars[i] == c {
            out.push(c);
            i += 1;
            continue;
        }
        let field = parse_field(vm, &chars, &mut i)?;
        if depth == 0 {
            return Err(vm.value_error("Max string recursion exceeded"));
        }
        let value = lookup(vm, &field.name, st)?;
        let value = match field.conversion {
            None => value,
            Some('r') => Value::str(vm.repr(&value)?),
            Some('s') => Value::str(vm.to_str(&value)?),
            Some('a') => Value::str(ascii_escape(&vm.repr(&value)?)),
            Some(c) => {
                let shown = if (' '..'\x7f').contains(&c) {
                    c.to_string()
                } else {
                    format!("\\x{:x}", c as u32)
                };
                return Err(vm.value_error(format!("Unknown conversion specifier {shown}")));
            }
        };
        let spec = if field.spec_nested {
            render(vm, &field.spec, st, depth - 1)?
        } else {
            field.spec
        };
        out.push_str(&format_value(vm, &value, &spec)?);
    }
    Ok(out)
}

fn parse_field(vm: &Vm, chars: &[char], i: &mut usize) -> PyResult<Field> {
    let n = chars.len();
    let start = *i;
    let mut c = '\0';
    while *i < n {
        c = chars[*i];
        *i += 1;
        match c {
            '{' => return Err(vm.value_error("unexpected '{' in field name")),
            '[' => {
                while *i < n && chars[*i] != ']' {
                    *i += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let name: String = chars[start..(*i - 1).max(start)].iter().collect();
    let name = if matches!(c, '}' | ':' | '!') {
        name
    } else {
        chars[start..*i].iter().collect()
    };
    let mut field = Field {
        name,
        conversion: None,
        spec: String::new(),
        spec_nested: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            if *i >= n {
                return Err(vm.value_error("end of string while looking for conversion specifier"));
            }
            field.conversion = Some(chars[*i]);
            *i += 1;
            if *i < n {
                let c2 = chars[*i];
                *i += 1;
                if c2 == '}' {
                    return Ok(field);
                }
                if c2 != ':' {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *i;
        let mut count = 1;
        while *i < n {
            let c2 = chars[*i];
            *i += 1;
            match c2 {
                '{' => {
                    field.spec_nested = true;
                    count += 1;
                }
                '}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = chars[spec_start..*i - 1].iter().collect();
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(vm.value_error("unmatched '{' in format spec"));
    } else if c != '}' {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// A run of ASCII digits as an index (CPython's `get_integer`); `None` if not all digits.
fn as_index(s: &str) -> Option<usize> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Resolve `name`, `0`, `x.attr`, `x[0]`, `x[key]` against the arguments.
fn lookup(vm: &mut Vm, field: &str, st: &mut State) -> PyResult<Value> {
    let first_end = field.find(['.', '[']).unwrap_or(field.len());
    let first = &field[..first_end];
    let mut value = if first.is_empty() || as_index(first).is_some() {
        let index = if first.is_empty() {
            if st.numbering == Numbering::Manual {
                return Err(vm.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            st.numbering = Numbering::Auto;
            let k = st.next_auto;
            st.next_auto += 1;
            k
        } else {
            if st.numbering == Numbering::Auto {
                return Err(vm.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            st.numbering = Numbering::Manual;
            as_index(first).unwrap_or(usize::MAX)
        };
        match st.args.get(index) {
            Some(v) => v.clone(),
            None => {
                return Err(vm.index_error(format!(
                    "Replacement index {index} out of range for positional args tuple"
                )))
            }
        }
    } else {
        match st.kwargs.iter().find(|(k, _)| k.as_str() == first) {
            Some((_, v)) => v.clone(),
            None => return Err(vm.key_error(Value::str(first))),
        }
    };
    let rest: Vec<char> = field[first_end..].chars().collect();
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            '.' => {
                i += 1;
                let start = i;
                while i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    i += 1;
                }
                let attr: String = rest[start..i].iter().collect();
                if attr.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                value = vm.get_attr(&value, &attr)?;
            }
            '[' => {
                i += 1;
                let start = i;
                while i < rest.len() && rest[i] != ']' {
                    i += 1;
                }
                if i >= rest.len() {
                    return Err(vm.value_error("Missing ']' in format string"));
                }
                let key: String = rest[start..i].iter().collect();
                i += 1;
                if key.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let key = match as_index(&key) {
                    Some(k) => Value::Int(k as i64),
                    None => Value::str(key),
                };
                value = vm.get_item(&value, &key)?;
                if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    return Err(
                        vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                    );
                }
            }
            _ => {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        }
    }
    Ok(value)
}
