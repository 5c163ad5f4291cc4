//! `_gilvm_zlib`: the compression core under `lib/zlib.py`, on the system libz (see
//! `zlib_stream`), with the loops, limits and error messages of CPython 3.11's zlibmodule.c.
//!
//! As CPython does, work on inputs of 2048 bytes or more (crc32/adler32: more than 5 KiB)
//! runs with the GIL released (`runtime::blocking`): the input is pinned first (a `bytes`
//! object's `Arc`, or a copy of a mutable buffer) and each stream sits behind its own mutex.
//!
//! Every function that can fail with `zlib.error` takes that class first. Functions:
//! `compress(err, data, level, wbits)`, `decompress(err, data, wbits, bufsize)` → bytes;
//! `compressobj(err, level, method, wbits, memlevel, strategy, zdict|None)` → handle,
//! `c_compress(err, h, data)`, `c_flush(err, h, mode)` → bytes, `c_copy(h)` → handle;
//! `decompressobj(err, wbits, zdict|None)` → handle, `d_decompress(err, h, data, max_length)`
//! and `d_flush(err, h, length)` → `(bytes, unused_data, unconsumed_tail, eof)`, `d_copy(h)`;
//! `crc32(data, value)`, `adler32(data, value)` → int; `version()` → str.

use std::os::raw::c_int;
use std::sync::Arc;

use gilvm_vm::builtins::buffer::{buffer, new_bytes, not_buffer};
use gilvm_vm::modules::{add_fns, new_module};
use gilvm_vm::object::value::{Class, Module, NativeObject, PyBytes, PyStr};
use gilvm_vm::protocol::coerce::to_index;
use gilvm_vm::runtime::blocking::blocking;
use gilvm_vm::{PyErr, PyResult, Value, Vm};
use parking_lot::Mutex;

use crate::zlib_stream::{self as zs, ZErr, ZStream};

type Kwargs = [(Arc<PyStr>, Value)];

/// Inputs at least this long are (de)compressed with the GIL released.
pub const GIL_MINSIZE: usize = 2048;
/// Checksums release the GIL above this length (CPython's zlib_crc32/adler32).
const CHECKSUM_GIL_MINSIZE: usize = 5 * 1024;

const Z_NO_FLUSH: c_int = 0;
const Z_SYNC_FLUSH: c_int = 2;
const Z_FINISH: c_int = 4;
const DEF_BUF_SIZE: usize = 16 * 1024;

pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = new_module(vm, "_gilvm_zlib");
    add_fns(
        vm,
        &m,
        &[
            ("adler32", adler32),
            ("c_compress", c_compress),
            ("c_copy", c_copy),
            ("c_flush", c_flush),
            ("compress", compress),
            ("compressobj", compressobj),
            ("crc32", crc32),
            ("d_copy", d_copy),
            ("d_decompress", d_decompress),
            ("d_flush", d_flush),
            ("decompress", decompress),
            ("decompressobj", decompressobj),
            ("version", version),
        ],
    );
    Ok(m)
}

/// A `Compress` object's stream.
struct Compressor(Arc<Mutex<ZStream>>);

/// A `Decompress` object's stream and the state CPython keeps beside it.
struct Inflater {
    stream: ZStream,
    zdict: Option<Vec<u8>>,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
    eof: bool,
}

struct Decompressor(Arc<Mutex<Inflater>>);

macro_rules! native {
    ($t:ty, $name:literal) => {
        impl std::fmt::Debug for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($name)
            }
        }
        impl NativeObject for $t {
            fn type_name(&self) -> &'static str {
                $name
            }
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
        }
    };
}
native!(Compressor, "_gilvm_zlib.Compressor");
native!(Decompressor, "_gilvm_zlib.Decompressor");

fn native_value<T: NativeObject>(t: T) -> Value {
    Value::Native(Arc::new(Box::new(t)))
}

fn handle<'a, T: NativeObject>(vm: &Vm, v: Option<&'a Value>) -> PyResult<&'a T> {
    match v {
        Some(Value::Native(n)) => n
            .as_any()
            .downcast_ref::<T>()
            .ok_or_else(|| vm.type_error("expected a zlib handle")),
        _ => Err(vm.type_error("expected a zlib handle")),
    }
}

fn error_class(vm: &Vm, v: Option<&Value>) -> PyResult<Arc<Class>> {
    match v {
        Some(Value::Class(c)) => Ok(c.clone()),
        _ => Err(vm.type_error("expected the zlib.error class")),
    }
}

/// The bytes of a data argument, pinned for use without the GIL.
enum Pinned {
    Shared(Arc<PyBytes>),
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

fn pin(vm: &Vm, v: Option<&Value>) -> PyResult<Pinned> {
    let v = v.unwrap_or(&Value::None);
    if let Value::Bytes(b) = v {
        return Ok(Pinned::Shared(b.clone()));
    }
    match buffer(vm, v)? {
        Some(b) => Ok(Pinned::Owned(b.to_vec())),
        None => Err(not_buffer(vm, v)),
    }
}

/// A C `int` argument (Argument Clinic's `i`).
fn int_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    let n = to_index(vm, v.unwrap_or(&Value::None))?;
    i32::try_from(n).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

/// Run `f` with the GIL released when `big`, else holding it.
fn maybe_release<T: Send>(vm: &mut Vm, big: bool, f: impl FnOnce() -> T + Send) -> T {
    if big {
        blocking(vm, f)
    } else {
        f()
    }
}

fn memory_error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    vm.new_error(&vm.types().memory_error.clone(), msg)
}

/// CPython's `zlib_error`: `Error CODE CONTEXT[: MESSAGE]`.
fn zlib_error(vm: &Vm, err: &Arc<Class>, e: ZErr, ctx: &str) -> PyErr {
    let msg = if e.code == zs::Z_VERSION_ERROR {
        Some("library version mismatch".to_string())
    } else {
        e.msg.or_else(|| {
            match e.code {
                zs::Z_BUF_ERROR => Some("incomplete or truncated stream"),
                zs::Z_STREAM_ERROR => Some("inconsistent stream state"),
                zs::Z_DATA_ERROR => Some("invalid input data"),
                _ => None,
            }
            .map(str::to_string)
        })
    };
    match msg {
        Some(m) => vm.new_error(err, format!("Error {} {ctx}: {m}", e.code)),
        None => vm.new_error(err, format!("Error {} {ctx}", e.code)),
    }
}

fn compress(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let err = error_class(vm, a.first())?;
    let data = pin(vm, a.get(1))?;
    let level = int_arg(vm, a.get(2))?;
    let wbits = int_arg(vm, a.get(3))?;
    let mut s = match ZStream::deflate(level, 8, wbits, 8, 0) {
        Ok(s) => s,
        Err(e) if e.code == zs::Z_MEM_ERROR => {
            return Err(memory_error(vm, "Out of memory while compressing data"))
        }
        Err(e) if e.code == zs::Z_STREAM_ERROR => {
            return Err(vm.new_error(&err, "Bad compression level"))
        }
        Err(e) => return Err(zlib_error(vm, &err, e, "while compressing data")),
    };
    let big = data.as_slice().len() >= GIL_MINSIZE;
    let r = maybe_release(vm, big, move || -> Result<Vec<u8>, (ZErr, &'static str)> {
        let mut input = data.as_slice();
        let mut out = Vec::new();
        let mut k = 0;
        loop {
            let (rc, full) = s.step(&mut input, &mut out, block_room(k), Z_FINISH);
            k += 1;
            if rc == zs::Z_STREAM_ERROR {
                let e = s.err(rc);
                s.end();
                return Err((e, "while compressing data"));
            }
            if rc == zs::Z_STREAM_END || !full && input.is_empty() {
                break;
            }
        }
        let rc = s.end();
        if rc != zs::Z_OK {
            return Err((s.err(rc), "while finishing compression"));
        }
        Ok(out)
    });
    match r {
        Ok(out) => Ok(new_bytes(out)),
        Err((e, ctx)) => Err(zlib_error(vm, &err, e, ctx)),
    }
}

/// How much more output room to offer: the buffer doubles, from 16 KiB (decompressing, where
/// the room does not change the bytes).
fn room(out: &[u8]) -> usize {
    out.len().clamp(DEF_BUF_SIZE, 256 << 20)
}

/// CPython's output blocks (pycore_blocks_output_buffer.h) for compressing: the room of the
/// `k`th deflate call. Stored blocks (level 0) are cut to the room, so these sizes make the
/// bytes CPython's.
fn block_room(k: usize) -> usize {
    const KB: usize = 1024;
    const MB: usize = 1024 * 1024;
    const BLOCKS: [usize; 17] = [
        32 * KB,
        64 * KB,
        256 * KB,
        MB,
        4 * MB,
        8 * MB,
        16 * MB,
        16 * MB,
        32 * MB,
        32 * MB,
        32 * MB,
        32 * MB,
        64 * MB,
        64 * MB,
        128 * MB,
        128 * MB,
        256 * MB,
    ];
    BLOCKS[k.min(BLOCKS.len() - 1)]
}

fn decompress(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let err = error_class(vm, a.first())?;
    let data = pin(vm, a.get(1))?;
    let wbits = int_arg(vm, a.get(2))?;
    let bufsize = to_index(vm, a.get(3).unwrap_or(&Value::None))?;
    if bufsize < 0 {
        return Err(vm.value_error("bufsize must be non-negative"));
    }
    let first = (bufsize.max(1) as u64).min(u32::MAX as u64) as usize;
    let mut s = match ZStream::inflate(wbits) {
        Ok(s) => s,
        Err(e) if e.code == zs::Z_MEM_ERROR => {
            return Err(memory_error(vm, "Out of memory while decompressing data"))
        }
        Err(e) => {
            return Err(zlib_error(
                vm,
                &err,
                e,
                "while preparing to decompress data",
            ))
        }
    };
    let big = data.as_slice().len() >= GIL_MINSIZE;
    let r = maybe_release(vm, big, move || -> Result<Vec<u8>, (ZErr, &'static str)> {
        let mut input = data.as_slice();
        let mut out = Vec::new();
        let mut rc;
        loop {
            let want = if out.is_empty() { first } else { room(&out) };
            let (code, full) = s.step(&mut input, &mut out, want, Z_FINISH);
            rc = code;
            match rc {
                zs::Z_OK | zs::Z_BUF_ERROR | zs::Z_STREAM_END => {}
                zs::Z_MEM_ERROR => return Err((s.err(rc), "")),
                _ => {
                    let e = s.err(rc);
                    s.end();
                    return Err((e, "while decompressing data"));
                }
            }
            if full {
                continue;
            }
            if rc == zs::Z_STREAM_END || input.is_empty() || rc == zs::Z_BUF_ERROR {
                break;
            }
        }
        if rc != zs::Z_STREAM_END {
            let e = s.err(rc);
            s.end();
            return Err((e, "while decompressing data"));
        }
        let e = s.end();
        if e != zs::Z_OK {
            return Err((s.err(e), "while finishing decompression"));
        }
        Ok(out)
    });
    match r {
        Ok(out) => Ok(new_bytes(out)),
        Err((e, "")) if e.code == zs::Z_MEM_ERROR => {
            Err(memory_error(vm, "Out of memory while decompressing data"))
        }
        Err((e, ctx)) => Err(zlib_error(vm, &err, e, ctx)),
    }
}

fn zdict_arg(vm: &Vm, v: Option<&Value>) -> PyResult<Option<Vec<u8>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match buffer(vm, v)? {
            Some(b) => Ok(Some(b.to_vec())),
            None => Err(vm.type_error("zdict argument must support the buffer protocol")),
        },
    }
}

fn compressobj(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let err = error_class(vm, a.first())?;
    let level = int_arg(vm, a.get(1))?;
    let method = int_arg(vm, a.get(2))?;
    let wbits = int_arg(vm, a.get(3))?;
    let mem = int_arg(vm, a.get(4))?;
    let strategy = int_arg(vm, a.get(5))?;
    let zdict = zdict_arg(vm, a.get(6))?;
    let mut s = match ZStream::deflate(level, method, wbits, mem, strategy) {
        Ok(s) => s,
        Err(e) if e.code == zs::Z_MEM_ERROR => {
            return Err(memory_error(
                vm,
                "Can't allocate memory for compression object",
            ))
        }
        Err(e) if e.code == zs::Z_STREAM_ERROR => {
            return Err(vm.value_error("Invalid initialization option"))
        }
        Err(e) => return Err(zlib_error(vm, &err, e, "while creating compression object")),
    };
    if let Some(d) = zdict {
        match s.set_dictionary(&d) {
            zs::Z_OK => {}
            zs::Z_STREAM_ERROR => return Err(vm.value_error("Invalid dictionary")),
            _ => return Err(vm.value_error("deflateSetDictionary()")),
        }
    }
    Ok(native_value(Compressor(Arc::new(Mutex::new(s)))))
}

fn c_compress(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let err = error_class(vm, a.first())?;
    let h = handle::<Compressor>(vm, a.get(1))?.0.clone();
    let data = pin(vm, a.get(2))?;
    let big = data.as_slice().len() >= GIL_MINSIZE;
    let r = maybe_release(vm, big, move || {
        let mut s = h.lock();
        let mut input = data.as_slice();
        let mut out = Vec::new();
        let mut k = 0;
        loop {
            let (rc, full) = s.step(&mut input, &mut out, block_room(k), Z_NO_FLUSH);
            k += 1;
            if rc == zs::Z_STREAM_ERROR {
                return Err(s.err(rc));
            }
            if !full && (input.is_empty() || rc != zs::Z_OK) {
                return Ok(out);
            }
        }
    });
    match r {
        Ok(out) => Ok(new_bytes(out)),
        Err(e) => Err(zlib_error(vm, &err, e, "while compressing data")),
    }
}

fn c_flush(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let err = error_class(vm, a.first())?;
    let h = handle::<Compressor>(vm, a.get(1))?.0.clone();
    let mode = int_arg(vm, a.get(2))?;
    if mode == Z_NO_FLUSH {
        return Ok(new_bytes(Vec::new()));
    }
    let mut s = h.lock();
    let mut out = Vec::new();
    let mut input: &[u8] = &[];
    let mut k = 0;
    let rc = loop {
        let (rc, full) = s.step(&mut input, &mut out, block_room(k), mode);
        k += 1;
        if rc == zs::Z_STREAM_ERROR {
            return Err(zlib_error(vm, &err, s.err(rc), "while flushing"));
        }
        if !full {
            break rc;
        }
    };
    if rc == zs::Z_STREAM_END && mode == Z_FINISH {
        let e = s.end();
        if e != zs::Z_OK {
            return Err(zlib_error(
                vm,
                &err,
                s.err(e),
                "while finishing compression",
            ));
        }
    } else if rc != zs::Z_OK && rc != zs::Z_BUF_ERROR {
        return Err(zlib_error(vm, &err, s.err(rc), "while flushing"));
    }
    Ok(new_bytes(out))
}

fn copy_error(vm: &Vm, rc: c_int, what: &str) -> PyErr {
    if rc == zs::Z_MEM_ERROR {
        memory_error(vm, format!("Can't allocate memory for {what} object"))
    } else {
        vm.value_error("Inconsistent stream state")
    }
}

fn c_copy(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let h = handle::<Compressor>(vm, a.first())?.0.clone();
    let mut s = h.lock();
    if !s.live {
        return Err(vm.value_error("Inconsistent stream state"));
    }
    match s.copy() {
        Ok(c) => Ok(native_value(Compressor(Arc::new(Mutex::new(c))))),
        Err(rc) => Err(copy_error(vm, rc, "compression")),
    }
}

fn decompressobj(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let err = error_class(vm, a.first())?;
    let wbits = int_arg(vm, a.get(1))?;
    let zdict = zdict_arg(vm, a.get(2))?;
    let stream = match ZStream::inflate(wbits) {
        Ok(s) => s,
        Err(e) if e.code == zs::Z_MEM_ERROR => {
            return Err(memory_error(
                vm,
                "Can't allocate memory for decompression object",
            ))
        }
        Err(e) if e.code == zs::Z_STREAM_ERROR => {
            return Err(vm.value_error("Invalid initialization option"))
        }
        Err(e) => {
            return Err(zlib_error(
                vm,
                &err,
                e,
                "while creating decompression object",
            ))
        }
    };
    let mut inf = Inflater {
        stream,
        zdict,
        unused_data: Vec::new(),
        unconsumed_tail: Vec::new(),
        eof: false,
    };
    if wbits < 0 {
        if let Some(d) = inf.zdict.clone() {
            let rc = inf.stream.set_dictionary(&d);
            if rc != zs::Z_OK {
                return Err(zlib_error(
                    vm,
                    &err,
                    inf.stream.err(rc),
                    "while setting zdict",
                ));
            }
        }
    }
    Ok(native_value(Decompressor(Arc::new(Mutex::new(inf)))))
}

/// Why a decompressing loop stopped early.
enum Stop {
    Error(ZErr, &'static str),
}

impl Inflater {
    /// CPython's decompress/flush loop: inflate `input` with `flush` (Z_SYNC_FLUSH, or
    /// Z_FINISH once all input is given), the output capped at `limit` bytes (0: none),
    /// setting the dictionary when zlib asks; then save what input is left.
    fn run(
        &mut self,
        data: &[u8],
        flush: c_int,
        first: usize,
        limit: usize,
    ) -> Result<(Vec<u8>, c_int), Stop> {
        let mut input = data;
        let mut out = Vec::new();
        let mut rc;
        loop {
            let mut want = if out.is_empty() { first } else { room(&out) };
            if limit > 0 {
                if out.len() >= limit {
                    rc = zs::Z_OK;
                    break;
                }
                want = want.min(limit - out.len());
            }
            let (code, full) = self.stream.step(&mut input, &mut out, want, flush);
            rc = code;
            match rc {
                zs::Z_OK | zs::Z_BUF_ERROR | zs::Z_STREAM_END => {}
                zs::Z_NEED_DICT if self.zdict.is_some() => {
                    let d = self.zdict.clone().unwrap_or_default();
                    let e = self.stream.set_dictionary(&d);
                    if e != zs::Z_OK {
                        return Err(Stop::Error(self.stream.err(e), "while setting zdict"));
                    }
                    continue;
                }
                _ => break,
            }
            if full {
                continue;
            }
            if rc == zs::Z_STREAM_END || input.is_empty() || rc == zs::Z_BUF_ERROR {
                break;
            }
        }
        // save_unconsumed_input
        if rc == zs::Z_STREAM_END && !input.is_empty() {
            self.unused_data.extend_from_slice(input);
            input = &[];
        }
        if !input.is_empty() || !self.unconsumed_tail.is_empty() {
            self.unconsumed_tail = input.to_vec();
        }
        Ok((out, rc))
    }
}

fn state_tuple(out: Vec<u8>, inf: &Inflater) -> Value {
    Value::tuple(vec![
        new_bytes(out),
        new_bytes(inf.unused_data.clone()),
        new_bytes(inf.unconsumed_tail.clone()),
        Value::Bool(inf.eof),
    ])
}

fn d_decompress(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let err = error_class(vm, a.first())?;
    let h = handle::<Decompressor>(vm, a.get(1))?.0.clone();
    let data = pin(vm, a.get(2))?;
    let max_length = to_index(vm, a.get(3).unwrap_or(&Value::None))?;
    if max_length < 0 {
        return Err(vm.value_error("max_length must be non-negative"));
    }
    let limit = max_length.min(isize::MAX as i64) as usize;
    let first = if limit > 0 {
        limit.min(DEF_BUF_SIZE)
    } else {
        DEF_BUF_SIZE
    };
    let big = data.as_slice().len() >= GIL_MINSIZE;
    let h2 = h.clone();
    let r = maybe_release(vm, big, move || {
        let mut inf = h2.lock();
        let (out, rc) = inf.run(data.as_slice(), Z_SYNC_FLUSH, first, limit)?;
        if rc == zs::Z_STREAM_END {
            inf.eof = true;
        } else if rc != zs::Z_OK && rc != zs::Z_BUF_ERROR {
            return Err(Stop::Error(inf.stream.err(rc), "while decompressing data"));
        }
        Ok(out)
    });
    match r {
        Ok(out) => Ok(state_tuple(out, &h.lock())),
        Err(Stop::Error(e, ctx)) => Err(zlib_error(vm, &err, e, ctx)),
    }
}

fn d_flush(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let err = error_class(vm, a.first())?;
    let h = handle::<Decompressor>(vm, a.get(1))?.0.clone();
    let length = to_index(vm, a.get(2).unwrap_or(&Value::None))?;
    if length <= 0 {
        return Err(vm.value_error("length must be greater than zero"));
    }
    let first = (length as u64).min(u32::MAX as u64) as usize;
    let mut inf = h.lock();
    let tail = std::mem::take(&mut inf.unconsumed_tail);
    // The tail is handed back by `run` if it is not all used.
    inf.unconsumed_tail = tail.clone();
    let (out, rc) = match inf.run(&tail, Z_FINISH, first, 0) {
        Ok(r) => r,
        Err(Stop::Error(e, ctx)) => return Err(zlib_error(vm, &err, e, ctx)),
    };
    if rc == zs::Z_STREAM_END {
        inf.eof = true;
        let e = inf.stream.end();
        if e != zs::Z_OK {
            return Err(zlib_error(
                vm,
                &err,
                inf.stream.err(e),
                "while finishing decompression",
            ));
        }
    }
    Ok(state_tuple(out, &inf))
}

fn d_copy(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let h = handle::<Decompressor>(vm, a.first())?.0.clone();
    let mut inf = h.lock();
    if !inf.stream.live {
        return Err(vm.value_error("Inconsistent stream state"));
    }
    let stream = inf
        .stream
        .copy()
        .map_err(|rc| copy_error(vm, rc, "decompression"))?;
    let copy = Inflater {
        stream,
        zdict: inf.zdict.clone(),
        unused_data: inf.unused_data.clone(),
        unconsumed_tail: inf.unconsumed_tail.clone(),
        eof: inf.eof,
    };
    Ok(native_value(Decompressor(Arc::new(Mutex::new(copy)))))
}

fn checksum(vm: &mut Vm, a: &[Value], f: fn(u32, &[u8]) -> u32) -> PyResult<Value> {
    let data = pin(vm, a.first())?;
    let value = to_index(vm, a.get(1).unwrap_or(&Value::Int(0)))? as u32;
    let big = data.as_slice().len() > CHECKSUM_GIL_MINSIZE;
    let v = maybe_release(vm, big, move || f(value, data.as_slice()));
    Ok(Value::Int(v as i64))
}

fn crc32(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    checksum(vm, a, zs::crc32)
}

fn adler32(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    checksum(vm, a, zs::adler32)
}

fn version(_vm: &mut Vm, _a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(Value::str(zs::version()))
}
