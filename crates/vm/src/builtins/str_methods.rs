//! Methods of `str`. Indices are in chars (code points); ASCII strings index bytes directly.

use std::sync::Arc;

use super::strutil as su;
use super::{add_methods, to_index};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs, Params};
use crate::object::error::PyResult;
use crate::object::value::{PyBytes, PyStr, Value};

pub fn install(vm: &mut Vm) {
    let class = vm.types().str_.clone();
    add_methods(
        vm,
        &class,
        &[
            ("split", split),
            ("rsplit", rsplit),
            ("join", join),
            ("strip", strip),
            ("lstrip", lstrip),
            ("rstrip", rstrip),
            ("upper", upper),
            ("lower", lower),
            ("title", title),
            ("capitalize", capitalize),
            ("swapcase", swapcase),
            ("casefold", casefold),
            ("replace", replace),
            ("find", find),
            ("rfind", rfind),
            ("index", index),
            ("rindex", rindex),
            ("count", count),
            ("startswith", startswith),
            ("endswith", endswith),
            ("isdigit", isdigit),
            ("isdecimal", isdecimal),
            ("isnumeric", isnumeric),
            ("isalpha", isalpha),
            ("isalnum", isalnum),
            ("isspace", isspace),
            ("isupper", isupper),
            ("islower", islower),
            ("isidentifier", isidentifier),
            ("istitle", istitle),
            ("isascii", isascii),
            ("isprintable", isprintable),
            ("center", center),
            ("ljust", ljust),
            ("rjust", rjust),
            ("zfill", zfill),
            ("format", format),
            ("format_map", format_map),
            ("splitlines", splitlines),
            ("partition", partition),
            ("rpartition", rpartition),
            ("encode", encode),
            ("removeprefix", removeprefix),
            ("removesuffix", removesuffix),
            ("expandtabs", expandtabs),
            ("translate", translate),
        ],
    );
    let maketrans_fn = super::native("maketrans", maketrans);
    let sm = crate::object::class::native(crate::object::class::StaticMethod(maketrans_fn));
    super::dict_set_str(vm, &class.dict, "maketrans", sm);
}

/// The receiver of a str method.
fn recv<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<&'a Arc<PyStr>> {
    match a.first().map(crate::object::class::strip) {
        Some(Value::Str(s)) => Ok(s),
        other => {
            let got = other
                .map(|v| vm.type_name(v))
                .unwrap_or_else(|| "nothing".into());
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{got}' object"
            )))
        }
    }
}

fn s(v: impl Into<Box<str>>) -> Value {
    Value::str(v)
}

fn str_list(items: Vec<String>) -> Value {
    Value::list(items.into_iter().map(Value::str).collect())
}

fn no_args(vm: &Vm, a: &[Value], kw: &Kwargs, name: &str) -> PyResult<()> {
    args::none(vm, &format!("str.{name}"), &a[1..], kw)
}

/// A Python slice bound (`None` or an index): "slice indices must be integers or None or have
/// an __index__ method" otherwise.
fn slice_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(n)) => Ok(Some(*n)),
        Some(Value::Bool(b)) => Ok(Some(*b as i64)),
        Some(v @ Value::Instance(_)) => to_index(vm, v).map(Some),
        Some(_) => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// CPython's ADJUST_INDICES: negative bounds count from the end; `end` is clamped to the length
/// but `start` may stay past it (so `'abc'.find('', 4)` is -1).
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut start = start.unwrap_or(0);
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// The part of `st` between char indices start..end (requires start <= end <= len).
fn sub_str(st: &PyStr, start: i64, end: i64) -> &str {
    let text = st.as_str();
    let ascii = st.is_ascii();
    let b0 = su::byte_offset(text, ascii, start as usize);
    let b1 = su::byte_offset(text, ascii, end as usize);
    &text[b0..b1]
}

fn split_args(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &'static str,
) -> PyResult<(Option<String>, i64)> {
    let p = Params {
        name,
        names: &["sep", "maxsplit"],
        positional: 2,
        positional_only: 0,
        required: 0,
    };
    let sl = p.bind(vm, &a[1..], kw)?;
    let sep = match &sl[0] {
        None | Some(Value::None) => None,
        Some(Value::Str(x)) => {
            if x.s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(x.as_str().to_string())
        }
        Some(other) => {
            return Err(vm.type_error(format!("must be str or None, not {}", vm.type_name(other))))
        }
    };
    let maxsplit = match &sl[1] {
        None => -1,
        Some(v) => to_index(vm, v)?,
    };
    Ok((sep, maxsplit))
}

/// Before splitting a big string (64 KiB or more): `MemoryError` unless its pieces fit in
/// memory (each is a list slot and a string object: a 32 MB string of one-letter words makes 16
/// million strings, a gigabyte).
fn check_split(vm: &Vm, s: &str, sep: Option<&str>, maxsplit: i64) -> PyResult<()> {
    if s.len() < 1 << 16 {
        return Ok(());
    }
    let mut pieces = match sep {
        Some(sep) => s.matches(sep).count() + 1,
        None => s.split(su::py_isspace).filter(|w| !w.is_empty()).count(),
    };
    if let Ok(max) = usize::try_from(maxsplit) {
        pieces = pieces.min(max.saturating_add(1));
    }
    vm.check_alloc(pieces, SPLIT_PIECE_BYTES)
}

/// What one piece of a split string costs, roughly (list slot, string object and its text).
const SPLIT_PIECE_BYTES: usize = std::mem::size_of::<Value>() + 64;

fn split(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "split")?;
    let (sep, maxsplit) = split_args(vm, a, kw, "split")?;
    check_split(vm, st.as_str(), sep.as_deref(), maxsplit)?;
    Ok(str_list(match sep {
        None => su::split_whitespace(st.as_str(), maxsplit),
        Some(sep) => su::split_sep(st.as_str(), &sep, maxsplit),
    }))
}

fn rsplit(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "rsplit")?;
    let (sep, maxsplit) = split_args(vm, a, kw, "rsplit")?;
    check_split(vm, st.as_str(), sep.as_deref(), maxsplit)?;
    Ok(str_list(match sep {
        None => su::rsplit_whitespace(st.as_str(), maxsplit),
        Some(sep) => su::rsplit_sep(st.as_str(), &sep, maxsplit),
    }))
}

fn join(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "join")?;
    let arg = args::one(vm, "str.join", &a[1..], kw)?;
    let items = match arg {
        Value::List(l) => l.borrow(vm.gil()).clone(),
        Value::Tuple(t) => t.items.to_vec(),
        other => {
            if !vm.is_iterable(other) {
                return Err(vm.type_error("can only join an iterable"));
            }
            vm.collect(other)?
        }
    };
    let sep = st.as_str();
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        match crate::object::class::strip(item) {
            Value::Str(x) => {
                if i > 0 {
                    out.push_str(sep);
                }
                out.push_str(x.as_str());
            }
            other => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(other)
                )))
            }
        }
    }
    Ok(s(out))
}

enum Side {
    Both,
    Left,
    Right,
}

fn strip_impl(vm: &mut Vm, a: &[Value], kw: &Kwargs, name: &str, side: Side) -> PyResult<Value> {
    let st = recv(vm, a, name)?;
    args::count(vm, name, &a[1..], kw, 0, 1)?;
    let text = st.as_str();
    let out = match a.get(1) {
        None | Some(Value::None) => match side {
            Side::Both => text.trim_matches(su::py_isspace),
            Side::Left => text.trim_start_matches(su::py_isspace),
            Side::Right => text.trim_end_matches(su::py_isspace),
        },
        Some(Value::Str(chars)) => {
            let set: Vec<char> = chars.as_str().chars().collect();
            let f = |c: char| set.contains(&c);
            match side {
                Side::Both => text.trim_matches(f),
                Side::Left => text.trim_start_matches(f),
                Side::Right => text.trim_end_matches(f),
            }
        }
        Some(_) => return Err(vm.type_error(format!("{name} arg must be None or str"))),
    };
    if out.len() == text.len() {
        return Ok(a[0].clone());
    }
    Ok(s(out))
}

fn strip(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    strip_impl(vm, a, kw, "strip", Side::Both)
}
fn lstrip(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    strip_impl(vm, a, kw, "lstrip", Side::Left)
}
fn rstrip(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    strip_impl(vm, a, kw, "rstrip", Side::Right)
}

fn case_map(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    f: fn(&str) -> String,
) -> PyResult<Value> {
    let st = recv(vm, a, name)?;
    no_args(vm, a, kw, name)?;
    Ok(s(f(st.as_str())))
}

fn upper(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    case_map(vm, a, kw, "upper", |t| t.to_uppercase())
}
fn lower(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    case_map(vm, a, kw, "lower", |t| t.to_lowercase())
}
fn title(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    case_map(vm, a, kw, "title", su::title)
}
fn capitalize(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    case_map(vm, a, kw, "capitalize", su::capitalize)
}
fn swapcase(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    case_map(vm, a, kw, "swapcase", su::swapcase)
}
fn casefold(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    case_map(vm, a, kw, "casefold", |t| {
        t.to_lowercase().replace('ß', "ss")
    })
}

fn str_arg<'a>(vm: &Vm, v: &'a Value, prefix: &str) -> PyResult<&'a str> {
    match crate::object::class::strip(v) {
        Value::Str(x) => Ok(x.as_str()),
        other => Err(vm.type_error(format!("{prefix}must be str, not {}", vm.type_name(other)))),
    }
}

fn replace(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "replace")?;
    args::count(vm, "replace", &a[1..], kw, 2, 3)?;
    let old = str_arg(vm, &a[1], "replace() argument 1 ")?;
    let new = str_arg(vm, &a[2], "replace() argument 2 ")?;
    let count = match a.get(3) {
        Some(v) => to_index(vm, v)?,
        None => -1,
    };
    check_replace(vm, st.as_str(), st.char_len, old, new, count)?;
    Ok(s(su::replace(st.as_str(), old, new, count)))
}

/// Before a replacement that makes the string longer: `MemoryError` unless the result can be
/// allocated (`('x' * 10**6).replace('', 'y' * 10**6)` asks for a terabyte).
fn check_replace(
    vm: &Vm,
    st: &str,
    chars: usize,
    old: &str,
    new: &str,
    count: i64,
) -> PyResult<()> {
    if new.len() <= old.len() {
        return Ok(());
    }
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    // At most this many replacements (an empty `old` matches around every character).
    let most = if old.is_empty() {
        chars.saturating_add(1)
    } else {
        st.len() / old.len()
    }
    .min(limit);
    let grow = new.len() - old.len();
    if st.len().saturating_add(most.saturating_mul(grow)) < 1 << 20 {
        return Ok(());
    }
    let n = if old.is_empty() {
        most
    } else {
        st.matches(old).take(limit).count()
    };
    vm.check_alloc(st.len().saturating_add(n.saturating_mul(grow)), 1)
}

/// Shared argument handling of find/rfind/index/rindex/count: (sub, start, end) in chars.
fn search_args<'a>(
    vm: &mut Vm,
    a: &'a [Value],
    kw: &Kwargs,
    name: &str,
) -> PyResult<(&'a Arc<PyStr>, &'a str, i64, i64)> {
    let st = recv(vm, a, name)?;
    args::no_kwargs(vm, name, kw)?;
    let n = a.len() - 1;
    if n < 1 {
        return Err(vm.type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if n > 3 {
        return Err(vm.type_error(format!("{name}() takes at most 3 arguments ({n} given)")));
    }
    let sub = str_arg(vm, &a[1], "")?;
    let start = slice_index(vm, a.get(2))?;
    let end = slice_index(vm, a.get(3))?;
    let (start, end) = adjust(start, end, st.char_len);
    Ok((st, sub, start, end))
}

/// Char index of the first (or last) occurrence of `sub` within start..end, or -1.
fn find_impl(st: &PyStr, sub: &str, start: i64, end: i64, reverse: bool) -> i64 {
    let sub_len = if sub.is_ascii() {
        sub.len()
    } else {
        sub.chars().count()
    } as i64;
    if end - start < sub_len {
        return -1;
    }
    let hay = sub_str(st, start, end);
    let found = if reverse {
        hay.rfind(sub)
    } else {
        hay.find(sub)
    };
    match found {
        Some(b) => start + su::char_index(hay, hay.is_ascii(), b) as i64,
        None => -1,
    }
}

fn find(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (st, sub, start, end) = search_args(vm, a, kw, "find")?;
    Ok(Value::Int(find_impl(st, sub, start, end, false)))
}

fn rfind(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (st, sub, start, end) = search_args(vm, a, kw, "rfind")?;
    Ok(Value::Int(find_impl(st, sub, start, end, true)))
}

fn index(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (st, sub, start, end) = search_args(vm, a, kw, "index")?;
    match find_impl(st, sub, start, end, false) {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (st, sub, start, end) = search_args(vm, a, kw, "rindex")?;
    match find_impl(st, sub, start, end, true) {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (st, sub, start, end) = search_args(vm, a, kw, "count")?;
    if end < start {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int(end - start + 1));
    }
    if start > st.char_len as i64 {
        return Ok(Value::Int(0));
    }
    let hay = sub_str(st, start, end);
    Ok(Value::Int(hay.matches(sub).count() as i64))
}

fn affix_match(vm: &mut Vm, a: &[Value], kw: &Kwargs, name: &str, ends: bool) -> PyResult<Value> {
    let st = recv(vm, a, name)?;
    args::count(vm, name, &a[1..], kw, 1, 3)?;
    let start = slice_index(vm, a.get(2))?;
    let end = slice_index(vm, a.get(3))?;
    let (start, end) = adjust(start, end, st.char_len);
    let candidates: Vec<&str> = match &a[1] {
        Value::Str(x) => vec![x.as_str()],
        Value::Tuple(t) => {
            let mut v = Vec::with_capacity(t.items.len());
            for item in t.items.iter() {
                match item {
                    Value::Str(x) => v.push(x.as_str()),
                    other => {
                        return Err(vm.type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            vm.type_name(other)
                        )))
                    }
                }
            }
            v
        }
        other => {
            return Err(vm.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                vm.type_name(other)
            )))
        }
    };
    for c in candidates {
        let c_len = c.chars().count() as i64;
        if end - c_len < start {
            continue;
        }
        let hay = sub_str(st, start, end);
        if (ends && hay.ends_with(c)) || (!ends && hay.starts_with(c)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    affix_match(vm, a, kw, "startswith", false)
}
fn endswith(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    affix_match(vm, a, kw, "endswith", true)
}

fn char_pred(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    f: fn(char) -> bool,
) -> PyResult<Value> {
    let st = recv(vm, a, name)?;
    no_args(vm, a, kw, name)?;
    let text = st.as_str();
    Ok(Value::Bool(!text.is_empty() && text.chars().all(f)))
}

/// `isdecimal` / `isdigit` beyond ASCII approximate Unicode's Nd / Digit properties with
/// `char::is_numeric` minus vulgar fractions (see LIMITATIONS).
fn is_decimal_char(c: char) -> bool {
    c.is_ascii_digit()
        || (!c.is_ascii()
            && c.is_numeric()
            && c.to_digit(10).is_none()
            && !is_superscript_or_fraction(c))
}

fn is_superscript_or_fraction(c: char) -> bool {
    matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{bc}'..='\u{be}' | '\u{2070}'..='\u{209f}' | '\u{2150}'..='\u{218f}' | '\u{2460}'..='\u{24ff}')
}

fn is_digit_char(c: char) -> bool {
    is_decimal_char(c)
        || matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{2070}'..='\u{2079}' | '\u{2080}'..='\u{2089}' | '\u{2460}'..='\u{2468}')
}

fn isdigit(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    char_pred(vm, a, kw, "isdigit", is_digit_char)
}
fn isdecimal(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    char_pred(vm, a, kw, "isdecimal", is_decimal_char)
}
fn isnumeric(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    char_pred(vm, a, kw, "isnumeric", char::is_numeric)
}
fn isalpha(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    char_pred(vm, a, kw, "isalpha", char::is_alphabetic)
}
fn isalnum(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    char_pred(vm, a, kw, "isalnum", char::is_alphanumeric)
}
fn isspace(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    char_pred(vm, a, kw, "isspace", su::py_isspace)
}
fn isascii(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "isascii")?;
    no_args(vm, a, kw, "isascii")?;
    Ok(Value::Bool(st.is_ascii()))
}
fn isprintable(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "isprintable")?;
    no_args(vm, a, kw, "isprintable")?;
    Ok(Value::Bool(st.as_str().chars().all(|c| {
        !c.is_control() && (c == ' ' || !su::py_isspace(c))
    })))
}

fn case_check(vm: &mut Vm, a: &[Value], kw: &Kwargs, name: &str, upper: bool) -> PyResult<Value> {
    let st = recv(vm, a, name)?;
    no_args(vm, a, kw, name)?;
    let mut cased = false;
    for c in st.as_str().chars() {
        if (upper && c.is_lowercase()) || (!upper && c.is_uppercase()) {
            return Ok(Value::Bool(false));
        }
        cased |= su::is_cased(c);
    }
    Ok(Value::Bool(cased))
}

fn isupper(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    case_check(vm, a, kw, "isupper", true)
}
fn islower(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    case_check(vm, a, kw, "islower", false)
}
fn isidentifier(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "isidentifier")?;
    no_args(vm, a, kw, "isidentifier")?;
    Ok(Value::Bool(su::isidentifier(st.as_str())))
}
fn istitle(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "istitle")?;
    no_args(vm, a, kw, "istitle")?;
    Ok(Value::Bool(su::istitle(st.as_str())))
}

fn justify(vm: &mut Vm, a: &[Value], kw: &Kwargs, name: &str) -> PyResult<Value> {
    let st = recv(vm, a, name)?;
    args::count(vm, name, &a[1..], kw, 1, 2)?;
    let width = to_index(vm, &a[1])?;
    let fill = match a.get(2) {
        None => ' ',
        Some(Value::Str(f)) if f.char_len == 1 => f.as_str().chars().next().unwrap_or(' '),
        Some(Value::Str(_)) => {
            return Err(vm.type_error("The fill character must be exactly one character long"))
        }
        Some(other) => {
            return Err(vm.type_error(format!(
                "The fill character must be a unicode character, not {}",
                vm.type_name(other)
            )))
        }
    };
    let len = st.char_len;
    let width = width.max(0) as usize;
    if len >= width {
        return Ok(a[0].clone());
    }
    vm.check_alloc(width, fill.len_utf8())?;
    let text = st.as_str();
    Ok(s(match name {
        "center" => su::center(text, len, width, fill),
        "ljust" => su::pad(text, 0, width - len, fill),
        _ => su::pad(text, width - len, 0, fill),
    }))
}

fn center(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    justify(vm, a, kw, "center")
}
fn ljust(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    justify(vm, a, kw, "ljust")
}
fn rjust(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    justify(vm, a, kw, "rjust")
}

fn zfill(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "zfill")?;
    let w = args::one(vm, "str.zfill", &a[1..], kw)?;
    let width = to_index(vm, w)?.max(0) as usize;
    vm.check_alloc(width, 1)?;
    Ok(s(su::zfill(st.as_str(), st.char_len, width)))
}

fn format(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "format")?.clone();
    Ok(s(crate::protocol::format::str_format(
        vm,
        st.as_str(),
        &a[1..],
        kw,
    )?))
}

fn format_map(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "format_map")?.clone();
    let m = args::one(vm, "str.format_map", &a[1..], kw)?;
    let Value::Dict(d) = m else {
        return Err(vm.type_error(format!("'{}' object is not subscriptable", vm.type_name(m))));
    };
    let kwargs: Vec<(Arc<PyStr>, Value)> = d
        .borrow(vm.gil())
        .iter()
        .filter_map(|(k, v)| match &k.value {
            Value::Str(name) => Some((name.clone(), v.clone())),
            _ => None,
        })
        .collect();
    match crate::protocol::format::str_format(vm, st.as_str(), &[], &kwargs) {
        Err(e) if vm.err_is(&e, &vm.types().index_error.clone()) => {
            Err(vm.value_error("Format string contains positional fields"))
        }
        r => r.map(s),
    }
}

fn splitlines(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "splitlines")?;
    const P: Params = Params {
        name: "splitlines",
        names: &["keepends"],
        positional: 1,
        positional_only: 0,
        required: 0,
    };
    let sl = P.bind(vm, &a[1..], kw)?;
    let keep = match &sl[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if st.as_str().len() >= 1 << 16 {
        let lines = st.as_str().chars().filter(|&c| su::is_linebreak(c)).count() + 1;
        vm.check_alloc(lines, SPLIT_PIECE_BYTES)?;
    }
    Ok(str_list(su::splitlines(st.as_str(), keep)))
}

fn partition_impl(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    reverse: bool,
) -> PyResult<Value> {
    let st = recv(vm, a, name)?;
    let sep_v = args::one(vm, &format!("str.{name}"), &a[1..], kw)?;
    let sep = str_arg(vm, sep_v, "")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let text = st.as_str();
    let found = if reverse {
        text.rfind(sep)
    } else {
        text.find(sep)
    };
    Ok(Value::tuple(match found {
        Some(i) => vec![s(&text[..i]), sep_v.clone(), s(&text[i + sep.len()..])],
        None if reverse => vec![s(""), s(""), a[0].clone()],
        None => vec![a[0].clone(), s(""), s("")],
    }))
}

fn partition(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    partition_impl(vm, a, kw, "partition", false)
}
fn rpartition(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    partition_impl(vm, a, kw, "rpartition", true)
}

/// `s.encode(encoding, errors)`: utf-8, ascii and latin-1 with errors='strict' / 'ignore' /
/// 'replace'.
pub fn encode_str(
    vm: &mut Vm,
    text: &str,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<Value> {
    let enc = match encoding {
        None | Some(Value::None) => "utf-8".to_string(),
        Some(Value::Str(e)) => e.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "encode() argument 'encoding' must be str, not {}",
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
    let out = super::unicode_codecs::encode(vm, text, codec, &errors)?;
    Ok(Value::Bytes(Arc::new(PyBytes {
        data: out.into_boxed_slice(),
    })))
}

fn encode(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "encode")?.clone();
    const P: Params = Params {
        name: "encode",
        names: &["encoding", "errors"],
        positional: 2,
        positional_only: 0,
        required: 0,
    };
    let sl = P.bind(vm, &a[1..], kw)?;
    encode_str(vm, st.as_str(), sl[0].as_ref(), sl[1].as_ref())
}

fn affix_remove(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    prefix: bool,
) -> PyResult<Value> {
    let st = recv(vm, a, name)?;
    let v = args::one(vm, &format!("str.{name}"), &a[1..], kw)?;
    let affix = match v {
        Value::Str(x) => x.as_str(),
        other => {
            return Err(vm.type_error(format!(
                "{name}() argument must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    let text = st.as_str();
    let r = if prefix {
        text.strip_prefix(affix)
    } else {
        text.strip_suffix(affix)
    };
    match r {
        Some(rest) if !affix.is_empty() => Ok(s(rest)),
        _ => Ok(a[0].clone()),
    }
}

fn removeprefix(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    affix_remove(vm, a, kw, "removeprefix", true)
}
fn removesuffix(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    affix_remove(vm, a, kw, "removesuffix", false)
}

fn expandtabs(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "expandtabs")?;
    const P: Params = Params {
        name: "expandtabs",
        names: &["tabsize"],
        positional: 1,
        positional_only: 0,
        required: 0,
    };
    let sl = P.bind(vm, &a[1..], kw)?;
    let size = match &sl[0] {
        Some(v) => to_index(vm, v)?,
        None => 8,
    };
    let tabs = st.as_str().bytes().filter(|&b| b == b'\t').count();
    vm.check_alloc(tabs, size.max(0) as usize)?;
    Ok(s(su::expandtabs(st.as_str(), size)))
}

/// `str.maketrans(x[, y[, z]])`: a dict from code points to code points / strs / None.
fn maketrans(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "maketrans", a, kw, 1, 3)?;
    let mut pairs: Vec<(Value, Value)> = Vec::new();
    match (a.first(), a.get(1)) {
        (Some(Value::Dict(d)), None) => {
            let items: Vec<(Value, Value)> = d
                .borrow(vm.gil())
                .iter()
                .map(|(k, v)| (k.value.clone(), v.clone()))
                .collect();
            for (k, v) in items {
                let k =
                    match &k {
                        Value::Str(c) if c.char_len == 1 => {
                            Value::Int(c.as_str().chars().next().map(|c| c as i64).unwrap_or(0))
                        }
                        Value::Str(_) => {
                            return Err(vm
                                .value_error("string keys in translate table must be of length 1"))
                        }
                        Value::Int(_) => k.clone(),
                        _ => {
                            return Err(vm
                                .type_error("keys in translate table must be strings or integers"))
                        }
                    };
                pairs.push((k, v));
            }
        }
        (Some(_), None) => {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        }
        (Some(Value::Str(x)), Some(Value::Str(y))) => {
            if x.char_len != y.char_len {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (cx, cy) in x.as_str().chars().zip(y.as_str().chars()) {
                pairs.push((Value::Int(cx as i64), Value::Int(cy as i64)));
            }
            if let Some(z) = a.get(2) {
                let z = str_arg(vm, z, "maketrans() argument 3 ")?;
                for c in z.chars() {
                    pairs.push((Value::Int(c as i64), Value::None));
                }
            }
        }
        _ => return Err(vm.type_error("maketrans() argument 2 must be str")),
    }
    let mut map = crate::object::value::DictMap::default();
    for (k, v) in pairs {
        let key = vm.key(k)?;
        map.insert(key, v);
    }
    Ok(Value::Dict(Arc::new(crate::object::gilcell::GilCell::new(
        map,
    ))))
}

fn translate(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = recv(vm, a, "translate")?.clone();
    let table = args::one(vm, "str.translate", &a[1..], kw)?.clone();
    let lookup_error = vm.types().lookup_error.clone();
    let mut out = String::with_capacity(st.s.len());
    for c in st.as_str().chars() {
        let mapped = match vm.get_item(&table, &Value::Int(c as i64)) {
            Ok(v) => Some(v),
            Err(e) if vm.err_is(&e, &lookup_error) => None,
            Err(e) => return Err(e),
        };
        match mapped {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Str(r)) => out.push_str(r.as_str()),
            Some(Value::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(r) => out.push(r),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            },
            Some(_) => {
                return Err(vm.type_error("character mapping must return integer, None or str"))
            }
        }
    }
    Ok(s(out))
}
