//! Frozen modules (gilvm issue 17): compile every Python module of `src/lib.rs`'s MODULES
//! table (`python("NAME", include_str!("../lib/FILE.py"))`) at build time and serialise its
//! code object with postcard into `$OUT_DIR/frozen/NAME.bin`; `$OUT_DIR/frozen.rs` lists them
//! for `src/frozen.rs`. A syntax error in an embedded module fails the build with
//! `file:line:col`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let lib_rs = manifest.join("src/lib.rs");
    println!("cargo:rerun-if-changed=src/lib.rs");
    println!("cargo:rerun-if-changed=lib");
    let table = std::fs::read_to_string(&lib_rs).expect("read src/lib.rs");
    let dir = out.join("frozen");
    std::fs::create_dir_all(&dir).expect("create $OUT_DIR/frozen");
    let mut listing = String::from("&[\n");
    for (name, rel) in python_entries(&table) {
        let path = manifest.join("src").join(&rel);
        println!("cargo:rerun-if-changed={}", path.display());
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let blob = freeze(&name, &source, &path);
        let bin = dir.join(format!("{name}.bin"));
        write_if_changed(&bin, &blob);
        writeln!(
            listing,
            "    ({name:?}, include_bytes!({:?})),",
            bin.display().to_string()
        )
        .unwrap();
    }
    listing.push(']');
    write_if_changed(&out.join("frozen.rs"), listing.as_bytes());
}

/// Compile and serialise one module: the format version (little-endian u32), then the
/// postcard encoding of its `CodeObject`.
fn freeze(name: &str, source: &str, path: &Path) -> Vec<u8> {
    let filename = format!("<gilvm>/{name}.py");
    let code = gilvm_compiler::compile_source(source, &filename).unwrap_or_else(|e| {
        let (line, col) = e.location(source);
        eprintln!("{}:{line}:{col}: {}: {}", path.display(), e.kind, e.message);
        panic!(
            "{}:{line}:{col}: {}: {} (embedded module {name} does not compile)",
            path.display(),
            e.kind,
            e.message
        );
    });
    let mut blob = gilvm_compiler::code::FROZEN_FORMAT.to_le_bytes().to_vec();
    blob.extend(postcard::to_stdvec(&*code).expect("serialise code object"));
    blob
}

/// The `(name, path relative to src/)` of every `python(...)` entry of the table.
fn python_entries(table: &str) -> Vec<(String, String)> {
    let mut entries = Vec::new();
    let mut rest = table;
    while let Some(at) = rest.find("python(") {
        rest = &rest[at + "python(".len()..];
        let Some(name) = string_literal(rest) else {
            continue;
        };
        let Some(inc) = rest.find("include_str!(") else {
            break;
        };
        // Only an include_str! inside this same call (before its closing `)`).
        if inc > rest.find(')').unwrap_or(rest.len()) {
            continue;
        }
        let Some(path) = string_literal(&rest[inc..]) else {
            continue;
        };
        if name.is_empty() || !path.ends_with(".py") {
            continue;
        }
        entries.push((name, path));
    }
    entries
}

/// The first `"..."` literal (without escapes) of `s`, if it comes before any `)`.
fn string_literal(s: &str) -> Option<String> {
    let open = s.find('"')?;
    if s[..open].contains(')') {
        return None;
    }
    let len = s[open + 1..].find('"')?;
    Some(s[open + 1..open + 1 + len].to_string())
}

fn write_if_changed(path: &Path, bytes: &[u8]) {
    if std::fs::read(path).ok().as_deref() != Some(bytes) {
        std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
