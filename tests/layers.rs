//! The layer rule of `crates/vm/src` (stated in its `lib.rs`): a layer uses only the layers
//! below it — object, runtime, protocol, interp, builtins, then import and modules — naming
//! `Vm`, the interpreter handle every function receives, excepted.
//!
//! The check reads every `crate::` path outside comments, resolves it to the layer it lands in
//! and fails on an edge that goes up. The edges that still go up are listed in [`KNOWN`], each
//! with the reason; the test also fails when one of them disappears, so the list only shrinks
//! and always says what is true. A name a higher layer re-exports from a lower one
//! (`builtins::native` is `object::native::native`) counts where it lives ([`RE_EXPORTS`]).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::util::root;

/// The layers, lowest first. Equal ranks are one layer in two folders.
const RANKS: &[(&str, u32)] = &[
    ("object", 0),
    ("runtime", 1),
    ("protocol", 2),
    ("interp", 3),
    ("builtins", 4),
    ("import", 5),
    ("modules", 5),
];

/// Names re-exported by a higher layer's module from a lower one (`builtins::native` is
/// `object::native::native`): the edge goes to where the item lives.
const RE_EXPORTS: &[(&str, &str, &str)] = &[
    ("builtins", "add_methods", "object"),
    ("builtins", "bound_native", "object"),
    ("builtins", "dict_set_str", "object"),
    ("builtins", "native", "object"),
    ("builtins", "new_iter", "object"),
    ("builtins", "clamp_range", "protocol"),
    ("builtins", "expect_str", "protocol"),
    ("builtins", "opt_index", "protocol"),
    ("builtins", "range_len", "protocol"),
    ("builtins", "to_f64", "protocol"),
    ("builtins", "to_index", "protocol"),
    ("protocol::attr", "class_lookup", "object"),
    ("protocol::attr", "user_lookup", "object"),
    ("protocol::attr", "is_user_class", "object"),
    ("protocol::bigint", "big_float_cmp", "object"),
    ("builtins::dict_methods", "ViewKind", "protocol"),
    ("builtins::file", "new_class", "object"),
    ("protocol::hash", "StrKey", "object"),
    ("protocol::hash", "dict_get_str", "object"),
    ("protocol::hash", "hash_bytes", "object"),
    ("protocol::hash", "hash_float", "object"),
    ("protocol::hash", "hash_int", "object"),
    ("protocol::hash", "hash_ptr", "object"),
    ("protocol::hash", "hash_str", "object"),
    ("protocol::hash", "int_float_eq", "object"),
    ("protocol::hash", "key_eq", "object"),
    ("protocol::hash", "str_key", "object"),
    ("protocol::iter", "range_len", "object"),
    ("protocol::iter", "range_len_exact", "object"),
    ("protocol::repr", "object_id", "object"),
];

/// Upward edges that remain: (file under crates/vm/src, layer it reaches up to, why).
const KNOWN: &[(&str, &str, &str)] = &[
    ("builtins/mod.rs", "import", "`__import__` and the import functions of builtins are the import system's"),
    ("interp/async_gen.rs", "builtins", "`aiter`/`anext` ask builtins::funcs::class_has"),
    ("interp/async_gen.rs", "modules", "an async generator awaiting asyncio's native futures (modules::asyncio::native_throw)"),
    ("interp/dynamic.rs", "builtins", "`eval`/`exec` read builtins::scope's locals; the displayhook prints through builtins' stdout"),
    ("interp/generator.rs", "modules", "a coroutine awaiting asyncio's native futures (modules::asyncio::native_send/throw)"),
    ("interp/vm.rs", "builtins", "the interpreter's constructor installs the builtins module"),
    ("interp/vm.rs", "import", "the interpreter's constructor sets up sys.path and the import lock"),
    ("interp/vm.rs", "modules", "interpreter exit joins the non-daemon threads (modules::threading)"),
    ("object/key.rs", "protocol", "dict keys that are complex numbers compare through protocol::complex"),
    ("object/error.rs", "interp", "a SyntaxError's text is formatted by interp::dynamic"),
    ("protocol/attr.rs", "interp", "code objects' and SyntaxError's attributes are interp::dynamic's"),
    ("protocol/format/percent.rs", "builtins", "bytes % reads buffers through builtins::buffer (to move into protocol/)"),
    ("protocol/ops_compare.rs", "builtins", "`in` on bytes goes through builtins::buffer"),
    ("protocol/ops_numeric.rs", "builtins", "bytes + buffer and bytearray operators go through builtins::buffer"),
    ("protocol/iter.rs", "interp", "next() of a generator resumes its frame"),
    ("protocol/repr.rs", "interp", "a code object's repr is interp::dynamic's"),
    ("protocol/subclass.rs", "builtins", "int/float subclass payloads convert through builtins::convert"),
    ("runtime/interrupt.rs", "modules", "tracebacks skip threading's library files; asyncio's loop is woken on Ctrl-C"),
];

fn rank(layer: &str) -> Option<u32> {
    RANKS.iter().find(|(l, _)| *l == layer).map(|(_, r)| *r)
}

/// The layer a `crate::a::b...` path lands in, or None for the crate root's own items.
fn target_layer(path: &[String]) -> Option<String> {
    let first = path.first()?.as_str();
    // `Vm` is the handle every layer receives.
    let names_vm =
        |p: &[String]| p.first().is_some_and(|s| s == "vm") && p.get(1).is_some_and(|s| s == "Vm");
    if first == "Vm" || names_vm(path) || (first == "interp" && names_vm(&path[1..])) {
        return None;
    }
    let joined = path.join("::");
    let re_export = RE_EXPORTS.iter().find(|(m, n, _)| {
        joined == format!("{m}::{n}") || joined.starts_with(&format!("{m}::{n}::"))
    });
    if let Some((_, _, l)) = re_export {
        return Some(l.to_string());
    }
    rank(first).is_some().then(|| first.to_string())
}

/// The paths after every `crate::` in `code` (comments removed), with `{a::b, c}` groups
/// expanded one level.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let (prefix, after) = read_path(rest);
        if after.starts_with('{') {
            let end = matching_brace(after);
            for item in split_top(&after[1..end]) {
                let (tail, _) = read_path(item.trim_start());
                let mut p = prefix.clone();
                p.extend(tail);
                out.push(p);
            }
        } else {
            out.push(prefix);
        }
    }
    out
}

/// Segments `a::b::c` at the start of `s` and what follows them (a trailing `::` dropped).
fn read_path(s: &str) -> (Vec<String>, &str) {
    let mut segs = Vec::new();
    let mut rest = s;
    loop {
        let n = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if n == 0 {
            break;
        }
        segs.push(rest[..n].to_string());
        rest = &rest[n..];
        match rest.strip_prefix("::") {
            Some(r) => rest = r,
            None => break,
        }
    }
    (segs, rest)
}

fn matching_brace(s: &str) -> usize {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    s.len()
}

fn split_top(s: &str) -> Vec<&str> {
    let (mut depth, mut start, mut out) = (0, 0, Vec::new());
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

fn strip_comments(src: &str) -> String {
    src.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every upward edge of the tree: (file relative to crates/vm/src, target layer).
fn upward_edges() -> BTreeSet<(String, String)> {
    let src = root().join("crates/vm/src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut edges = BTreeSet::new();
    for f in files {
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let layer = rel.split('/').next().unwrap();
        let Some(own) = rank(layer) else { continue }; // lib.rs, tests/: above every layer
        let code = strip_comments(&fs::read_to_string(&f).unwrap());
        for p in crate_paths(&code) {
            if let Some(t) = target_layer(&p) {
                if rank(&t).unwrap() > own {
                    edges.insert((rel.clone(), t));
                }
            }
        }
    }
    edges
}

#[test]
fn vm_layers_point_down() {
    let found = upward_edges();
    let known: BTreeSet<(String, String)> = KNOWN
        .iter()
        .map(|(f, l, _)| (f.to_string(), l.to_string()))
        .collect();
    let new: Vec<_> = found.difference(&known).collect();
    let gone: Vec<_> = known.difference(&found).collect();
    assert!(
        new.is_empty(),
        "edges from a lower layer up to a higher one (see crates/vm/src/lib.rs): {new:?}"
    );
    assert!(
        gone.is_empty(),
        "these listed edges are gone: remove them from KNOWN in tests/layers.rs: {gone:?}"
    );
}

#[test]
fn path_reader_expands_groups() {
    let paths = crate_paths("use crate::{attr::get, value::{A, B}};\nlet x = crate::vm::Vm::f();");
    let firsts: Vec<_> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(firsts, ["attr::get", "value", "vm::Vm::f"]);
    let p = crate_paths("crate::protocol::attr::get(); crate::interp::vm::Vm::new();");
    assert_eq!(target_layer(&p[0]).as_deref(), Some("protocol"));
    assert_eq!(target_layer(&p[1]), None);
    let p = crate_paths("crate::builtins::native(); crate::builtins::funcs::f();");
    assert_eq!(target_layer(&p[0]).as_deref(), Some("object"));
    assert_eq!(target_layer(&p[1]).as_deref(), Some("builtins"));
}
