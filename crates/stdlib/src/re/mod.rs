//! `_gilvm_re`: the matching core under `lib/re.py`. A pattern is translated from CPython's
//! syntax ([`translate`]) and compiled by fancy-regex — chosen because CPython's `re` needs
//! backreferences, lookarounds, atomic groups and possessive repeats, which the `regex` crate
//! alone lacks, while fancy-regex hands every part of a pattern that needs none of them to
//! `regex` (linear time, a lazy DFA) and backtracks only where it must.
//!
//! Python indexes strings by code point, the engine by byte: a non-ASCII string gets a table
//! of its chars' byte offsets (cached per pattern for the last string seen, so a loop of
//! `search(s, pos)` calls does not rebuild it); ASCII strings need none.
//!
//! Functions (all offsets in code points; a match is a flat tuple `(start0, end0, start1,
//! end1, ...)` with -1 for groups that did not take part):
//! - `compile(pattern, flags)` → `(handle, flags, groups, [(name, index)...])`, or
//!   `(None, message, pos, kind)` with kind 0 for `re.error`, 1 OverflowError, 2 ValueError.
//! - `search(handle, string, pos, endpos, mode)`: mode 0 search, 1 match, 2 fullmatch.
//! - `scan(handle, string, pos, endpos, count)`: every match as `finditer` finds them
//!   (count 0 = all).
//! - `findall(handle, string, pos, endpos)`: `re.findall`'s list.

pub mod translate;

use std::sync::{Arc, OnceLock};

use fancy_regex::{Captures, Regex, RegexBuilder, RegexInput};
use gilvm_vm::builtins::to_index;
use gilvm_vm::modules::{add_fns, new_module};
use gilvm_vm::object::value::{Module, NativeObject, PyStr};
use gilvm_vm::{PyResult, Value, Vm};
use parking_lot::Mutex;

type Kwargs = [(Arc<PyStr>, Value)];

const BACKTRACK_LIMIT: usize = 50_000_000;

/// A compiled pattern.
#[derive(Debug)]
pub struct Compiled {
    source: String,
    re: Regex,
    /// `(?:pattern)\z`, for fullmatch.
    full: OnceLock<Option<Regex>>,
    /// The pattern never matching empty, for the match after an empty one.
    not_empty: OnceLock<Option<Regex>>,
    groups: usize,
    /// The last non-ASCII string searched, with its char → byte table.
    table: Mutex<Option<OffsetTable>>,
}

/// A searched string and its char index → byte offset table.
type OffsetTable = (Arc<PyStr>, Arc<Vec<usize>>);

impl NativeObject for Compiled {
    fn type_name(&self) -> &'static str {
        "_gilvm_re.Compiled"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn build(pattern: String, not_empty: bool) -> Result<Regex, fancy_regex::Error> {
    let mut b = RegexBuilder::new(&pattern);
    b.backtrack_limit(BACKTRACK_LIMIT);
    b.delegate_size_limit(1 << 26);
    b.delegate_dfa_size_limit(1 << 26);
    if not_empty {
        b.find_not_empty(true);
    }
    b.build()
}

pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = new_module(vm, "_gilvm_re");
    add_fns(
        vm,
        &m,
        &[
            ("compile", compile),
            ("search", search),
            ("scan", scan),
            ("findall", findall),
        ],
    );
    Ok(m)
}

fn compile(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (Some(Value::Str(p)), Some(flags)) = (a.first(), a.get(1)) else {
        return Err(vm.type_error("compile(pattern, flags)"));
    };
    let flags = to_index(vm, flags)? as u32;
    let fail = |msg: String, pos: Option<usize>, kind: i64| {
        Value::tuple(vec![
            Value::None,
            Value::str(msg),
            pos.map_or(Value::None, |p| Value::Int(p as i64)),
            Value::Int(kind),
        ])
    };
    let t = match translate::translate(p.as_str(), flags) {
        Ok(t) => t,
        Err(translate::Error::Re(m, pos)) => return Ok(fail(m, pos, 0)),
        Err(translate::Error::Overflow(m)) => return Ok(fail(m, None, 1)),
        Err(translate::Error::Value(m)) => return Ok(fail(m, None, 2)),
    };
    let re = match build(t.pattern.clone(), false) {
        Ok(re) => re,
        Err(e) => {
            let msg = engine_message(&e);
            return Ok(fail(msg, None, 0));
        }
    };
    let names = t
        .names
        .iter()
        .map(|(n, i)| Value::tuple(vec![Value::str(n.as_str()), Value::Int(*i as i64)]))
        .collect();
    let handle = Value::Native(Arc::new(Box::new(Compiled {
        source: t.pattern,
        re,
        full: OnceLock::new(),
        not_empty: OnceLock::new(),
        groups: t.groups,
        table: Mutex::new(None),
    })));
    Ok(Value::tuple(vec![
        handle,
        Value::Int(t.flags as i64),
        Value::Int(t.groups as i64),
        Value::list(names),
    ]))
}

/// fancy-regex's refusal of a translated pattern, in CPython's words where CPython refuses
/// the same thing.
fn engine_message(e: &fancy_regex::Error) -> String {
    let s = e.to_string();
    if s.to_lowercase().contains("look-behind") || s.to_lowercase().contains("lookbehind") {
        "look-behind requires fixed-width pattern".into()
    } else {
        format!("gilvm's regex engine cannot compile this pattern: {s}")
    }
}

fn handle<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Compiled> {
    match v {
        Value::Native(n) => n
            .as_any()
            .downcast_ref::<Compiled>()
            .ok_or_else(|| vm.type_error("expected a compiled pattern")),
        _ => Err(vm.type_error("expected a compiled pattern")),
    }
}

/// Code-point ↔ byte offsets of one string.
struct Text<'a> {
    s: &'a str,
    /// Byte offset of each char, plus the length (None for ASCII).
    table: Option<Arc<Vec<usize>>>,
}

impl Text<'_> {
    fn byte(&self, cp: usize) -> usize {
        match &self.table {
            None => cp,
            Some(t) => t[cp],
        }
    }
    fn cp(&self, byte: usize) -> usize {
        match &self.table {
            None => byte,
            Some(t) => t.binary_search(&byte).unwrap_or_else(|i| i),
        }
    }
    fn next_char(&self, byte: usize) -> usize {
        byte + self.s[byte..].chars().next().map_or(1, char::len_utf8)
    }
}

fn text<'a>(c: &Compiled, s: &'a Arc<PyStr>) -> Text<'a> {
    if s.is_ascii() {
        return Text {
            s: s.as_str(),
            table: None,
        };
    }
    let mut cache = c.table.lock();
    if let Some((cs, t)) = &*cache {
        if Arc::ptr_eq(cs, s) {
            return Text {
                s: s.as_str(),
                table: Some(t.clone()),
            };
        }
    }
    let mut t: Vec<usize> = s.as_str().char_indices().map(|(i, _)| i).collect();
    t.push(s.as_str().len());
    let t = Arc::new(t);
    *cache = Some((s.clone(), t.clone()));
    Text {
        s: s.as_str(),
        table: Some(t),
    }
}

/// The string and the clamped (pos, endpos) of a call, in code points.
fn args<'a>(vm: &mut Vm, a: &'a [Value]) -> PyResult<(&'a Compiled, &'a Arc<PyStr>, usize, usize)> {
    let c = handle(vm, &a[0])?;
    let Some(Value::Str(s)) = a.get(1) else {
        return Err(vm.type_error("expected string"));
    };
    let n = s.char_len as i64;
    let pos = to_index(vm, &a[2])?.clamp(0, n) as usize;
    let endpos = to_index(vm, &a[3])?.clamp(0, n) as usize;
    Ok((c, s, pos, endpos))
}

fn run_err(vm: &Vm, e: fancy_regex::Error) -> gilvm_vm::PyErr {
    vm.runtime_error(format!("regular expression matching failed: {e}"))
}

fn spans(t: &Text, caps: &Captures<str>, groups: usize) -> Value {
    let mut v = Vec::with_capacity(2 * (groups + 1));
    for g in 0..=groups {
        match caps.get(g) {
            Some(m) => {
                v.push(Value::Int(t.cp(m.start()) as i64));
                v.push(Value::Int(t.cp(m.end()) as i64));
            }
            None => {
                v.push(Value::Int(-1));
                v.push(Value::Int(-1));
            }
        }
    }
    Value::tuple(v)
}

fn full_regex<'a>(vm: &Vm, c: &'a Compiled) -> PyResult<&'a Regex> {
    c.full
        .get_or_init(|| build(format!("(?:{})\\z", c.source), false).ok())
        .as_ref()
        .ok_or_else(|| vm.runtime_error("gilvm: fullmatch pattern does not compile"))
}

fn search(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (c, s, pos, endpos) = args(vm, a)?;
    let mode = to_index(vm, &a[4])?;
    if pos > endpos {
        return Ok(Value::None);
    }
    let t = text(c, s);
    let (bpos, bend) = (t.byte(pos), t.byte(endpos));
    let hay = &t.s[..bend];
    let re = if mode == 2 { full_regex(vm, c)? } else { &c.re };
    let input = RegexInput::new(hay).from_pos(bpos).anchored(mode != 0);
    match re.captures_input(input).map_err(|e| run_err(vm, e))? {
        Some(caps) => Ok(spans(&t, &caps, c.groups)),
        None => Ok(Value::None),
    }
}

/// Every match from `pos`, as CPython's finditer/sub/split find them: after an empty match,
/// the next one may start at the same place only if it is not empty.
fn each_match(
    vm: &Vm,
    c: &Compiled,
    t: &Text,
    pos: usize,
    endpos: usize,
    count: usize,
    mut f: impl FnMut(&Captures<str>),
) -> PyResult<()> {
    if pos > endpos {
        return Ok(());
    }
    let bend = t.byte(endpos);
    let hay = &t.s[..bend];
    let mut at = t.byte(pos);
    let mut must_advance = false;
    let mut n = 0;
    while at <= bend && (count == 0 || n < count) {
        let mut found = None;
        if must_advance {
            let ne = c
                .not_empty
                .get_or_init(|| build(c.source.clone(), true).ok());
            if let Some(ne) = ne {
                let input = RegexInput::new(hay).from_pos(at).anchored(true);
                found = ne.captures_input(input).map_err(|e| run_err(vm, e))?;
            }
            if found.is_none() {
                if at >= bend {
                    break;
                }
                at = t.next_char(at);
            }
        }
        if found.is_none() {
            let input = RegexInput::new(hay).from_pos(at);
            found = c.re.captures_input(input).map_err(|e| run_err(vm, e))?;
        }
        let Some(caps) = found else { break };
        let m = caps.get(0).expect("group 0");
        must_advance = m.start() == m.end();
        at = m.end();
        n += 1;
        f(&caps);
    }
    Ok(())
}

fn scan(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (c, s, pos, endpos) = args(vm, a)?;
    let count = to_index(vm, &a[4])?.max(0) as usize;
    let t = text(c, s);
    let mut out = Vec::new();
    each_match(vm, c, &t, pos, endpos, count, |caps| {
        out.push(spans(&t, caps, c.groups))
    })?;
    Ok(Value::list(out))
}

fn findall(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (c, s, pos, endpos) = args(vm, a)?;
    let t = text(c, s);
    let mut out = Vec::new();
    let group_str =
        |caps: &Captures<str>, g: usize| Value::str(caps.get(g).map_or("", |m| m.as_str()));
    each_match(vm, c, &t, pos, endpos, 0, |caps| {
        out.push(match c.groups {
            0 => group_str(caps, 0),
            1 => group_str(caps, 1),
            n => Value::tuple((1..=n).map(|g| group_str(caps, g)).collect()),
        })
    })?;
    Ok(Value::list(out))
}
