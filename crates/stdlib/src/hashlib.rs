//! `_gilvm_hashlib`: the hashing core under `lib/hashlib.py`, on RustCrypto's digests (md-5,
//! sha1, sha2, sha3 with SHAKE) and the blake2b_simd / blake2s_simd crates (chosen over
//! RustCrypto's blake2 because they take BLAKE2's whole parameter block — digest size, key,
//! salt, person, tree fields — as CPython's `_blake2` does).
//!
//! As CPython's hashlib does, hashing 2048 bytes or more runs with the GIL released
//! (`runtime::blocking`): the bytes are pinned first (a `bytes` object's `Arc`, or a copy of a
//! `bytearray`/`memoryview`, so another thread mutating the array cannot race the hash) and the
//! state sits behind its own mutex, so two threads updating one object take turns.
//!
//! Functions:
//! - `new(name, data, digest_size, key, salt, person, fanout, depth, leaf_size, node_offset,
//!   node_depth, inner_size, last_node)` → handle (the blake2 fields only for blake2b/blake2s;
//!   the Python side checks their ranges); ValueError `unsupported hash type NAME` otherwise.
//! - `update(handle, data)`, `digest(handle, length)` (length for SHAKE, else ignored),
//!   `copy(handle)` → handle, `info(name)` → `(digest_size, block_size)`.
//! - `pbkdf2(name, password, salt, iterations, dklen)` → bytes.

use std::sync::Arc;

use gilvm_vm::builtins::buffer::{buffer, new_bytes};
use gilvm_vm::builtins::to_index;
use gilvm_vm::modules::{add_fns, new_module};
use gilvm_vm::object::value::{Module, NativeObject, PyStr};
use gilvm_vm::runtime::blocking::blocking;
use gilvm_vm::{PyResult, Value, Vm};
use parking_lot::Mutex;
use sha3::digest::{Digest, ExtendableOutput, Update};

type Kwargs = [(Arc<PyStr>, Value)];

/// Inputs at least this long are hashed with the GIL released (CPython's HASHLIB_GIL_MINSIZE).
pub const GIL_MINSIZE: usize = 2048;

/// A running hash.
#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha512_224(sha2::Sha512_224),
    Sha512_256(sha2::Sha512_256),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(blake2b_simd::State),
    Blake2s(blake2s_simd::State),
}

impl State {
    fn plain(name: &str) -> Option<State> {
        Some(match name {
            "md5" => State::Md5(Default::default()),
            "sha1" => State::Sha1(Default::default()),
            "sha224" => State::Sha224(Default::default()),
            "sha256" => State::Sha256(Default::default()),
            "sha384" => State::Sha384(Default::default()),
            "sha512" => State::Sha512(Default::default()),
            "sha512_224" => State::Sha512_224(Default::default()),
            "sha512_256" => State::Sha512_256(Default::default()),
            "sha3_224" => State::Sha3_224(Default::default()),
            "sha3_256" => State::Sha3_256(Default::default()),
            "sha3_384" => State::Sha3_384(Default::default()),
            "sha3_512" => State::Sha3_512(Default::default()),
            "shake_128" => State::Shake128(Default::default()),
            "shake_256" => State::Shake256(Default::default()),
            _ => return None,
        })
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => Digest::update(h, data),
            State::Sha1(h) => Digest::update(h, data),
            State::Sha224(h) => Digest::update(h, data),
            State::Sha256(h) => Digest::update(h, data),
            State::Sha384(h) => Digest::update(h, data),
            State::Sha512(h) => Digest::update(h, data),
            State::Sha512_224(h) => Digest::update(h, data),
            State::Sha512_256(h) => Digest::update(h, data),
            State::Sha3_224(h) => Digest::update(h, data),
            State::Sha3_256(h) => Digest::update(h, data),
            State::Sha3_384(h) => Digest::update(h, data),
            State::Sha3_512(h) => Digest::update(h, data),
            State::Shake128(h) => Update::update(h, data),
            State::Shake256(h) => Update::update(h, data),
            State::Blake2b(h) => {
                h.update(data);
            }
            State::Blake2s(h) => {
                h.update(data);
            }
        }
    }

    /// The digest so far (the state itself is left as it is); `length` bytes for SHAKE.
    fn digest(&self, length: usize) -> Vec<u8> {
        fn fin<D: Digest + Clone>(h: &D) -> Vec<u8> {
            h.clone().finalize().to_vec()
        }
        match self {
            State::Md5(h) => fin(h),
            State::Sha1(h) => fin(h),
            State::Sha224(h) => fin(h),
            State::Sha256(h) => fin(h),
            State::Sha384(h) => fin(h),
            State::Sha512(h) => fin(h),
            State::Sha512_224(h) => fin(h),
            State::Sha512_256(h) => fin(h),
            State::Sha3_224(h) => fin(h),
            State::Sha3_256(h) => fin(h),
            State::Sha3_384(h) => fin(h),
            State::Sha3_512(h) => fin(h),
            State::Shake128(h) => h.clone().finalize_boxed(length).into_vec(),
            State::Shake256(h) => h.clone().finalize_boxed(length).into_vec(),
            State::Blake2b(h) => h.finalize().as_bytes().to_vec(),
            State::Blake2s(h) => h.finalize().as_bytes().to_vec(),
        }
    }
}

/// A hash object's state, shared by the Python object and (while it hashes without the GIL)
/// the worker closure.
pub struct Hasher(Arc<Mutex<State>>);

impl std::fmt::Debug for Hasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Hasher")
    }
}

impl NativeObject for Hasher {
    fn type_name(&self) -> &'static str {
        "_gilvm_hashlib.Hasher"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = new_module(vm, "_gilvm_hashlib");
    add_fns(
        vm,
        &m,
        &[
            ("new", new),
            ("update", update),
            ("digest", digest),
            ("copy", copy),
            ("pbkdf2", pbkdf2),
        ],
    );
    Ok(m)
}

fn handle(state: State) -> Value {
    Value::Native(Arc::new(Box::new(Hasher(Arc::new(Mutex::new(state))))))
}

fn hasher<'a>(vm: &Vm, v: Option<&'a Value>) -> PyResult<&'a Hasher> {
    match v {
        Some(Value::Native(n)) => n
            .as_any()
            .downcast_ref::<Hasher>()
            .ok_or_else(|| vm.type_error("expected a hash handle")),
        _ => Err(vm.type_error("expected a hash handle")),
    }
}

/// The bytes of a data argument, pinned for use without the GIL: a `bytes` object's own
/// storage, or a copy of a mutable buffer. CPython's TypeErrors otherwise.
enum Pinned {
    Shared(Arc<gilvm_vm::object::value::PyBytes>),
    Owned(Vec<u8>),
}

impl Pinned {
    fn as_slice(&self) -> &[u8] {
        match self {
            Pinned::Shared(b) => &b.data,
            Pinned::Owned(v) => v,
        }
    }
}

fn pin(vm: &Vm, v: &Value) -> PyResult<Pinned> {
    if let Value::Bytes(b) = v {
        return Ok(Pinned::Shared(b.clone()));
    }
    match buffer(vm, v)? {
        Some(b) => Ok(Pinned::Owned(b.to_vec())),
        None if matches!(v, Value::Str(_)) => {
            Err(vm.type_error("Strings must be encoded before hashing"))
        }
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

/// Feed `data` to `h`, releasing the GIL for large inputs.
fn feed(vm: &mut Vm, h: &Arc<Mutex<State>>, data: &Value) -> PyResult<()> {
    let data = pin(vm, data)?;
    if data.as_slice().len() >= GIL_MINSIZE {
        let h = h.clone();
        blocking(vm, move || h.lock().update(data.as_slice()));
    } else {
        h.lock().update(data.as_slice());
    }
    Ok(())
}

fn bytes_arg(vm: &Vm, v: Option<&Value>) -> PyResult<Vec<u8>> {
    match v {
        None | Some(Value::None) => Ok(Vec::new()),
        Some(v) => Ok(pin(vm, v)?.as_slice().to_vec()),
    }
}

fn int_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => to_index(vm, v),
    }
}

fn new(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let Some(Value::Str(name)) = a.first() else {
        return Err(vm.type_error("new() argument 'name' must be str"));
    };
    let name = name.as_str().to_ascii_lowercase();
    let state = match name.as_str() {
        "blake2b" | "blake2s" => {
            let size = int_arg(vm, a.get(2), if name == "blake2b" { 64 } else { 32 })?;
            let key = bytes_arg(vm, a.get(3))?;
            let salt = bytes_arg(vm, a.get(4))?;
            let person = bytes_arg(vm, a.get(5))?;
            let fanout = int_arg(vm, a.get(6), 1)?;
            let depth = int_arg(vm, a.get(7), 1)?;
            let leaf = int_arg(vm, a.get(8), 0)?;
            let offset = int_arg(vm, a.get(9), 0)?;
            let node_depth = int_arg(vm, a.get(10), 0)?;
            let inner = int_arg(vm, a.get(11), 0)?;
            let last = matches!(a.get(12), Some(Value::Bool(true)));
            if name == "blake2b" {
                let mut p = blake2b_simd::Params::new();
                p.hash_length(size as usize)
                    .key(&key)
                    .salt(&salt)
                    .personal(&person)
                    .fanout(fanout as u8)
                    .max_depth(depth as u8)
                    .max_leaf_length(leaf as u32)
                    .node_offset(offset as u64)
                    .node_depth(node_depth as u8)
                    .inner_hash_length(inner as usize)
                    .last_node(last);
                State::Blake2b(p.to_state())
            } else {
                let mut p = blake2s_simd::Params::new();
                p.hash_length(size as usize)
                    .key(&key)
                    .salt(&salt)
                    .personal(&person)
                    .fanout(fanout as u8)
                    .max_depth(depth as u8)
                    .max_leaf_length(leaf as u32)
                    .node_offset(offset as u64)
                    .node_depth(node_depth as u8)
                    .inner_hash_length(inner as usize)
                    .last_node(last);
                State::Blake2s(p.to_state())
            }
        }
        n => match State::plain(n) {
            Some(s) => s,
            None => {
                return Err(vm.value_error(format!("unsupported hash type {}", name_of(a))));
            }
        },
    };
    let state = Arc::new(Mutex::new(state));
    if let Some(data) = a.get(1) {
        if !matches!(data, Value::None) {
            feed(vm, &state, data)?;
        }
    }
    Ok(Value::Native(Arc::new(Box::new(Hasher(state)))))
}

fn name_of(a: &[Value]) -> String {
    match a.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    }
}

fn update(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let h = hasher(vm, a.first())?.0.clone();
    let Some(data) = a.get(1) else {
        return Err(vm.type_error("update() takes exactly one argument (0 given)"));
    };
    feed(vm, &h, data)?;
    Ok(Value::None)
}

fn digest(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let h = hasher(vm, a.first())?.0.clone();
    let length = int_arg(vm, a.get(1), 0)?;
    if length < 0 {
        return Err(vm.value_error("length must be non-negative"));
    }
    let length = length as usize;
    let out = if length >= GIL_MINSIZE * 8 {
        blocking(vm, move || h.lock().digest(length))
    } else {
        h.lock().digest(length)
    };
    Ok(new_bytes(out))
}

fn copy(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let state = hasher(vm, a.first())?.0.lock().clone();
    Ok(handle(state))
}

fn pbkdf2(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let name = name_of(a).to_ascii_lowercase();
    let password = bytes_arg(vm, a.get(1))?;
    let salt = bytes_arg(vm, a.get(2))?;
    let rounds = int_arg(vm, a.get(3), 1)?;
    let dklen = int_arg(vm, a.get(4), 0)? as usize;
    let rounds =
        u32::try_from(rounds).map_err(|_| vm.overflow_error("iteration value is too great."))?;
    let mut out = vec![0u8; dklen];
    macro_rules! run {
        ($d:ty) => {{
            let (p, s, mut o) = (password, salt, out);
            blocking(vm, move || {
                pbkdf2::pbkdf2_hmac::<$d>(&p, &s, rounds, &mut o);
                o
            })
        }};
    }
    out = match name.as_str() {
        "md5" => run!(md5::Md5),
        "sha1" => run!(sha1::Sha1),
        "sha224" => run!(sha2::Sha224),
        "sha256" => run!(sha2::Sha256),
        "sha384" => run!(sha2::Sha384),
        "sha512" => run!(sha2::Sha512),
        "sha3_224" => run!(sha3::Sha3_224),
        "sha3_256" => run!(sha3::Sha3_256),
        "sha3_384" => run!(sha3::Sha3_384),
        "sha3_512" => run!(sha3::Sha3_512),
        _ => return Err(vm.value_error(format!("unsupported hash type {}", name_of(a)))),
    };
    Ok(new_bytes(out))
}
