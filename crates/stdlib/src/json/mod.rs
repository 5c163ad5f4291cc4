//! `_json`: the native core under `lib/json*.py`, as CPython's `_json` is under its `json`
//! package. Hand-written rather than serde_json because CPython's output must be matched byte
//! for byte (float `repr`, `\uXXXX` escapes, separators, the order `default` is called in) and
//! its errors position for position (JSONDecodeError's `pos` in code points); serde_json's model
//! (its own float printing, no `object_pairs_hook`, byte offsets) fits neither.
//!
//! - `encode_basestring_ascii(s)`, `encode_basestring(s)`: a str as a JSON string literal.
//! - `scanstring(s, end, strict, error_class)`: `(str, end)` for the string literal whose
//!   opening quote is at `end - 1`.
//! - `make_scanner(context, error_class)`: CPython's `c_make_scanner`, a callable
//!   `scan_once(s, idx)` → `(value, end)` raising `StopIteration(idx)` where no value starts.
//! - `make_encoder(markers, default, encoder, indent, key_separator, item_separator,
//!   sort_keys, skipkeys, allow_nan)`: CPython's `c_make_encoder` (also with an indent), a
//!   callable `(obj, level)` → a list of one str.
//! - `skip_ws(s, idx)`: the index of the first non-whitespace char at or after `idx`.

mod encode;
mod scan;

use std::sync::Arc;

use gilvm_vm::modules::{add_fns, new_module};
use gilvm_vm::object::value::{Module, PyStr};
use gilvm_vm::{PyResult, Value, Vm};

pub(crate) type Kwargs = [(Arc<PyStr>, Value)];

/// Build the module.
pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = new_module(vm, "_json");
    add_fns(
        vm,
        &m,
        &[
            ("encode_basestring_ascii", encode::encode_basestring_ascii),
            ("encode_basestring", encode::encode_basestring),
            ("make_encoder", encode::make_encoder),
            ("scanstring", scan::scanstring),
            ("make_scanner", scan::make_scanner),
            ("skip_ws", scan::skip_ws),
        ],
    );
    Ok(m)
}

/// The str behind a str or str subclass.
pub(crate) fn as_str(v: &Value) -> Option<&Arc<PyStr>> {
    match v {
        Value::Str(s) => Some(s),
        Value::Instance(i) => match &i.payload {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// Byte offset of code point `cp` in `s` (the length when past the end).
pub(crate) fn byte_of(s: &PyStr, cp: usize) -> usize {
    if s.is_ascii() {
        return cp.min(s.s.len());
    }
    s.as_str()
        .char_indices()
        .nth(cp)
        .map_or(s.s.len(), |(b, _)| b)
}

/// Code-point index of byte offset `b` in `s`.
pub(crate) fn cp_of(s: &PyStr, b: usize) -> usize {
    if s.is_ascii() {
        return b;
    }
    s.as_str().as_bytes()[..b]
        .iter()
        .filter(|&&c| (c & 0xC0) != 0x80)
        .count()
}

/// The deepest nesting encoded or decoded (under the recursion limit too), so a raised
/// `sys.setrecursionlimit` cannot overflow the Rust stack.
pub(crate) const MAX_DEPTH: usize = 20_000;
