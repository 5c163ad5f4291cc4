//! The `memoryview` type: a one-dimensional view of a `bytes` or `bytearray` without copying.
//! Slices are views of the same memory (a slice of a bytearray's view writes through);
//! `release()` / the with-statement end it, after which every use is CPython's ValueError.
//! Formats: 'B' (the default), 'b', 'c', '?', and the native integers H h I i L l Q q
//! through `cast`.

use std::cell::Ref;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::buffer::{as_bytearray, buffer, BufRef, ByteArray};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs};
use crate::object::error::{PyErr, PyResult};
use crate::object::value::{NativeObject, PyBytes, Value};

/// What a view's memory belongs to.
#[derive(Debug)]
enum Base {
    Bytes(Arc<PyBytes>),
    /// A `Value::Native` holding a [`ByteArray`] (one export counted while the view lives).
    ByteArray(Value),
}

#[derive(Debug)]
pub struct MemoryView {
    base: Base,
    /// What `.obj` answers (the exporting object).
    obj: Value,
    /// Byte offset of the first item, distance in bytes between items, number of items.
    offset: usize,
    stride: isize,
    len: usize,
    format: char,
    itemsize: usize,
    readonly: bool,
    released: AtomicBool,
}

impl NativeObject for MemoryView {
    fn type_name(&self) -> &'static str {
        "memoryview"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Drop for MemoryView {
    fn drop(&mut self) {
        if !self.released.load(Ordering::Relaxed) {
            self.unexport();
        }
    }
}

fn itemsize_of(format: char) -> Option<usize> {
    Some(match format {
        'B' | 'b' | 'c' | '?' => 1,
        'H' | 'h' => 2,
        'I' | 'i' => 4,
        'L' | 'l' | 'Q' | 'q' => 8,
        _ => return None,
    })
}

fn released_error(vm: &Vm) -> PyErr {
    vm.value_error("operation forbidden on released memoryview object")
}

impl MemoryView {
    fn bytearray(&self) -> Option<&ByteArray> {
        match &self.base {
            Base::ByteArray(v) => as_bytearray(v),
            Base::Bytes(_) => None,
        }
    }

    fn unexport(&self) {
        if let Some(ba) = self.bytearray() {
            ba.exports.fetch_sub(1, Ordering::Relaxed);
        }
    }

    fn check(&self, vm: &Vm) -> PyResult<()> {
        if self.released.load(Ordering::Relaxed) {
            return Err(released_error(vm));
        }
        Ok(())
    }

    fn contiguous(&self) -> bool {
        self.stride == self.itemsize as isize || self.len <= 1
    }

    fn nbytes(&self) -> usize {
        self.len * self.itemsize
    }

    /// Is the view read-only (over bytes, or from `toreadonly`)?
    pub fn is_readonly(&self) -> bool {
        self.readonly
    }

    /// The viewed bytes (items in order); a ValueError once released.
    pub fn bytes<'a>(&'a self, vm: &Vm) -> PyResult<BufRef<'a>> {
        self.check(vm)?;
        let whole: BufRef<'a> = match &self.base {
            Base::Bytes(b) => BufRef::Borrowed(&b.data),
            Base::ByteArray(v) => match as_bytearray(v) {
                Some(ba) => BufRef::Cell(Ref::map(ba.data.borrow(vm.gil()), |d| d.as_slice())),
                None => BufRef::Owned(Vec::new()),
            },
        };
        let n = self.nbytes();
        if self.contiguous() {
            let end = (self.offset + n).min(whole.len());
            let start = self.offset.min(end);
            return Ok(match whole {
                BufRef::Borrowed(b) => BufRef::Borrowed(&b[start..end]),
                BufRef::Cell(r) => BufRef::Cell(Ref::map(r, |d| &d[start..end])),
                BufRef::Owned(v) => BufRef::Owned(v[start..end].to_vec()),
            });
        }
        let mut out = Vec::with_capacity(n);
        for k in 0..self.len {
            let at = self.item_pos(k);
            out.extend_from_slice(whole.get(at..at + self.itemsize).unwrap_or_default());
        }
        Ok(BufRef::Owned(out))
    }

    fn item_pos(&self, k: usize) -> usize {
        (self.offset as isize + k as isize * self.stride) as usize
    }

    fn decode(&self, raw: &[u8]) -> Value {
        let int = |v: i128| Value::Int(v as i64);
        let mut b8 = [0u8; 8];
        b8[..raw.len().min(8)].copy_from_slice(&raw[..raw.len().min(8)]);
        match self.format {
            'B' => int(raw[0] as i128),
            'b' => int(raw[0] as i8 as i128),
            'c' => super::buffer::new_bytes(vec![raw[0]]),
            '?' => Value::Bool(raw[0] != 0),
            'H' => int(u16::from_ne_bytes([raw[0], raw[1]]) as i128),
            'h' => int(i16::from_ne_bytes([raw[0], raw[1]]) as i128),
            'I' => int(u32::from_ne_bytes([raw[0], raw[1], raw[2], raw[3]]) as i128),
            'i' => int(i32::from_ne_bytes([raw[0], raw[1], raw[2], raw[3]]) as i128),
            'L' | 'Q' => {
                let v = u64::from_ne_bytes(b8);
                match i64::try_from(v) {
                    Ok(v) => Value::Int(v),
                    Err(_) => crate::protocol::bigint::big_value(num_bigint::BigInt::from(v)),
                }
            }
            _ => Value::Int(i64::from_ne_bytes(b8)),
        }
    }

    /// The bytes of one item of value `v` in this view's format.
    fn encode(&self, vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
        let f = self.format;
        let invalid_type =
            |vm: &Vm| vm.type_error(format!("memoryview: invalid type for format '{f}'"));
        let invalid_value =
            |vm: &Vm| vm.value_error(format!("memoryview: invalid value for format '{f}'"));
        if f == 'c' {
            return match buffer(vm, v)? {
                Some(b) if b.len() == 1 => Ok(vec![b[0]]),
                Some(_) => Err(invalid_value(vm)),
                None => Err(invalid_type(vm)),
            };
        }
        if f == '?' {
            return Ok(vec![vm.truthy(v)? as u8]);
        }
        let n: i128 = match v {
            Value::Int(n) => *n as i128,
            Value::Bool(b) => *b as i128,
            Value::BigInt(b) => {
                use num_traits::ToPrimitive;
                b.to_i128().unwrap_or(i128::MAX)
            }
            _ => return Err(invalid_type(vm)),
        };
        let (lo, hi): (i128, i128) = match f {
            'B' => (0, u8::MAX as i128),
            'b' => (i8::MIN as i128, i8::MAX as i128),
            'H' => (0, u16::MAX as i128),
            'h' => (i16::MIN as i128, i16::MAX as i128),
            'I' => (0, u32::MAX as i128),
            'i' => (i32::MIN as i128, i32::MAX as i128),
            'L' | 'Q' => (0, u64::MAX as i128),
            _ => (i64::MIN as i128, i64::MAX as i128),
        };
        if n < lo || n > hi {
            return Err(invalid_value(vm));
        }
        Ok((n as u64).to_ne_bytes()[..self.itemsize].to_vec())
    }

    fn items(&self, vm: &Vm) -> PyResult<Vec<Value>> {
        let data = self.bytes(vm)?;
        Ok(data.chunks(self.itemsize).map(|c| self.decode(c)).collect())
    }

    fn sub_view(
        &self,
        offset: usize,
        stride: isize,
        len: usize,
        format: char,
        itemsize: usize,
    ) -> MemoryView {
        if let Some(ba) = self.bytearray() {
            ba.exports.fetch_add(1, Ordering::Relaxed);
        }
        MemoryView {
            base: match &self.base {
                Base::Bytes(b) => Base::Bytes(b.clone()),
                Base::ByteArray(v) => Base::ByteArray(v.clone()),
            },
            obj: self.obj.clone(),
            offset,
            stride,
            len,
            format,
            itemsize,
            readonly: self.readonly,
            released: AtomicBool::new(false),
        }
    }
}

fn as_view(v: &Value) -> Option<&MemoryView> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<MemoryView>(),
        _ => None,
    }
}

fn this<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<&'a MemoryView> {
    match a.first().and_then(as_view) {
        Some(m) => Ok(m),
        None => Err(crate::object::args::wrong_receiver(
            vm,
            name,
            "memoryview",
            a.first(),
        )),
    }
}

/// A live view (not released) as the receiver.
fn live<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<&'a MemoryView> {
    let m = this(vm, a, name)?;
    m.check(vm)?;
    Ok(m)
}

/// `memoryview(object)`
pub fn new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: args::Params = args::Params {
        name: "memoryview",
        names: &["object"],
        positional: 1,
        positional_only: 0,
        required: 1,
    };
    let s = P.bind(vm, a, kw)?;
    let src = s[0].clone().unwrap_or_default();
    make(vm, &src)
}

/// A view of the whole of `src`.
pub fn make(vm: &mut Vm, src: &Value) -> PyResult<Value> {
    if let Some(m) = as_view(src) {
        m.check(vm)?;
        let v = m.sub_view(m.offset, m.stride, m.len, m.format, m.itemsize);
        return Ok(crate::object::class::native(v));
    }
    let (base, len, readonly) = match src {
        Value::Bytes(b) => (Base::Bytes(b.clone()), b.data.len(), true),
        Value::Instance(i) if matches!(i.payload, Some(Value::Bytes(_))) => match &i.payload {
            Some(Value::Bytes(b)) => (Base::Bytes(b.clone()), b.data.len(), true),
            _ => unreachable!("checked above"),
        },
        v if as_bytearray(v).is_some() => {
            let ba = as_bytearray(v).expect("checked");
            ba.exports.fetch_add(1, Ordering::Relaxed);
            let n = ba.data.borrow(vm.gil()).len();
            (Base::ByteArray(v.clone()), n, false)
        }
        other => {
            return Err(vm.type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                vm.type_name(other)
            )))
        }
    };
    Ok(crate::object::class::native(MemoryView {
        base,
        obj: src.clone(),
        offset: 0,
        stride: 1,
        len,
        format: 'B',
        itemsize: 1,
        readonly,
        released: AtomicBool::new(false),
    }))
}

pub const METHODS: &[(&str, crate::object::value::NativeFn)] = &[
    ("__len__", len),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__iter__", iter),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__hash__", hash),
    ("__repr__", repr),
    ("__enter__", enter),
    ("__exit__", exit),
    ("release", release),
    ("tobytes", tobytes),
    ("tolist", tolist),
    ("toreadonly", toreadonly),
    ("hex", hex),
    ("cast", cast),
];

pub const PROPERTIES: &[(&str, crate::object::value::NativeFn)] = &[
    ("obj", p_obj),
    ("nbytes", p_nbytes),
    ("readonly", p_readonly),
    ("itemsize", p_itemsize),
    ("format", p_format),
    ("ndim", p_ndim),
    ("shape", p_shape),
    ("strides", p_strides),
    ("contiguous", p_contiguous),
    ("c_contiguous", p_contiguous),
    ("f_contiguous", p_contiguous),
    ("released", p_released),
];

fn len(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(live(vm, a, "__len__")?.len as i64))
}

/// The item index of a subscript, or `None` for a slice.
fn item_key(vm: &mut Vm, m: &MemoryView, key: &Value) -> PyResult<Option<usize>> {
    let i = match key {
        Value::Slice(_) => return Ok(None),
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Instance(_) if vm.get_attr_opt(key, "__index__")?.is_some() => {
            super::to_index(vm, key)?
        }
        _ => return Err(vm.type_error("memoryview: invalid slice key")),
    };
    let n = m.len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(Some(j as usize))
}

fn getitem(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "__getitem__", a.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let m = live(vm, a, "__getitem__")?;
    match item_key(vm, m, &a[1])? {
        Some(k) => {
            let data = m.bytes(vm)?;
            let at = k * m.itemsize;
            Ok(m.decode(&data[at..at + m.itemsize]))
        }
        None => {
            let Value::Slice(sl) = &a[1] else {
                return Ok(Value::None);
            };
            let idx = vm.slice_indices(sl, m.len)?;
            let offset = if idx.len == 0 {
                m.offset
            } else {
                m.item_pos(idx.start as usize)
            };
            let v = m.sub_view(
                offset,
                m.stride * idx.step as isize,
                idx.len,
                m.format,
                m.itemsize,
            );
            Ok(crate::object::class::native(v))
        }
    }
}

fn setitem(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "__setitem__", a.get(1..).unwrap_or(&[]), kw, 2, 2)?;
    let m = live(vm, a, "__setitem__")?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let (positions, new): (Vec<usize>, Vec<u8>) = match item_key(vm, m, &a[1])? {
        Some(k) => (vec![m.item_pos(k)], m.encode(vm, &a[2])?),
        None => {
            let Value::Slice(sl) = &a[1] else {
                return Ok(Value::None);
            };
            let idx = vm.slice_indices(sl, m.len)?;
            let new = match buffer(vm, &a[2])? {
                Some(b) => b.to_vec(),
                None => {
                    return Err(vm.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        vm.type_name(&a[2])
                    )))
                }
            };
            if new.len() != idx.len * m.itemsize {
                return Err(vm.value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            (idx.indices().map(|k| m.item_pos(k)).collect(), new)
        }
    };
    if let Some(ba) = m.bytearray() {
        let mut d = ba.data.borrow_mut(vm.gil());
        for (p, chunk) in positions.iter().zip(new.chunks(m.itemsize)) {
            if let Some(dst) = d.get_mut(*p..*p + m.itemsize) {
                dst.copy_from_slice(chunk);
            }
        }
    }
    Ok(Value::None)
}

fn iter(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    live(vm, a, "__iter__")?;
    Ok(crate::object::class::native(
        crate::protocol::iter::SeqIter {
            obj: a[0].clone(),
            index: crate::object::gilcell::GilCell::new(Some(0)),
        },
    ))
}

fn equal(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let m = this(vm, a, "__eq__")?;
    let Some(other) = a.get(1) else {
        return Ok(Value::NotImplemented);
    };
    if a[0].is(other) {
        return Ok(Value::Bool(true));
    }
    if m.released.load(Ordering::Relaxed)
        || as_view(other).is_some_and(|o| o.released.load(Ordering::Relaxed))
    {
        return Ok(Value::Bool(false));
    }
    let theirs = match as_view(other) {
        Some(o) => o.items(vm)?,
        None => match buffer(vm, other)? {
            Some(b) => b.iter().map(|&x| Value::Int(x as i64)).collect(),
            None => return Ok(Value::NotImplemented),
        },
    };
    let ours = m.items(vm)?;
    let r = vm.eq(&Value::list(ours), &Value::list(theirs))?;
    Ok(Value::Bool(r))
}

fn eq(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    equal(vm, a)
}

fn ne(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(match equal(vm, a)? {
        Value::Bool(b) => Value::Bool(!b),
        other => other,
    })
}

fn hash(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let m = live(vm, a, "__hash__")?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    let data = m.bytes(vm)?.to_vec();
    Ok(Value::Int(crate::protocol::hash::hash_bytes(&data) as i64))
}

fn repr(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let m = this(vm, a, "__repr__")?;
    let id = crate::protocol::repr::object_id(&a[0]);
    let what = if m.released.load(Ordering::Relaxed) {
        "released memory"
    } else {
        "memory"
    };
    Ok(Value::str(format!("<{what} at {id:#014x}>")))
}

fn enter(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    live(vm, a, "__enter__")?;
    Ok(a[0].clone())
}

fn exit(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    release(vm, &a[..1], &[])?;
    Ok(Value::None)
}

fn release(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "release", a.get(1..).unwrap_or(&[]), kw)?;
    let m = this(vm, a, "release")?;
    if !m.released.swap(true, Ordering::Relaxed) {
        m.unexport();
    }
    Ok(Value::None)
}

fn tobytes(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let m = live(vm, a, "tobytes")?;
    let data = m.bytes(vm)?.to_vec();
    Ok(super::buffer::new_bytes(data))
}

fn tolist(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "tolist", a.get(1..).unwrap_or(&[]), kw)?;
    let m = live(vm, a, "tolist")?;
    Ok(Value::list(m.items(vm)?))
}

fn toreadonly(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "toreadonly", a.get(1..).unwrap_or(&[]), kw)?;
    let m = live(vm, a, "toreadonly")?;
    let mut v = m.sub_view(m.offset, m.stride, m.len, m.format, m.itemsize);
    v.readonly = true;
    Ok(crate::object::class::native(v))
}

fn hex(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: args::Params = args::Params {
        name: "hex",
        names: &["sep", "bytes_per_sep"],
        positional: 2,
        positional_only: 0,
        required: 0,
    };
    let s = P.bind(vm, a.get(1..).unwrap_or(&[]), kw)?;
    let m = live(vm, a, "hex")?;
    let data = m.bytes(vm)?.to_vec();
    let text = super::bytes_transform::hex_string(vm, &data, s[0].as_ref(), s[1].as_ref())?;
    Ok(Value::str(text))
}

fn cast(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: args::Params = args::Params {
        name: "cast",
        names: &["format", "shape"],
        positional: 2,
        positional_only: 0,
        required: 1,
    };
    let s = P.bind(vm, a.get(1..).unwrap_or(&[]), kw)?;
    let m = live(vm, a, "cast")?;
    let fmt = match &s[0] {
        Some(Value::Str(f)) => f.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "cast() argument 'format' must be str, not {}",
                vm.type_name(other)
            )))
        }
        None => String::new(),
    };
    if s[1].is_some() {
        return Err(vm.type_error("memoryview: cast with a shape is not supported by gilvm"));
    }
    let f = fmt.strip_prefix('@').unwrap_or(&fmt);
    let mut chars = f.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return Err(bad_format(vm));
    };
    let Some(size) = itemsize_of(c) else {
        return Err(bad_format(vm));
    };
    if !m.contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let byte_fmt = |f: char| matches!(f, 'B' | 'b' | 'c');
    if !byte_fmt(c) && !byte_fmt(m.format) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let n = m.nbytes();
    if n % size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let v = m.sub_view(m.offset, size as isize, n / size, c, size);
    Ok(crate::object::class::native(v))
}

fn bad_format(vm: &Vm) -> PyErr {
    vm.value_error(
        "memoryview: destination format must be a native single character format prefixed with an optional '@'",
    )
}

fn p_obj(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(live(vm, a, "obj")?.obj.clone())
}

fn p_nbytes(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(live(vm, a, "nbytes")?.nbytes() as i64))
}

fn p_readonly(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(live(vm, a, "readonly")?.readonly))
}

fn p_itemsize(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(live(vm, a, "itemsize")?.itemsize as i64))
}

fn p_format(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(Value::str(live(vm, a, "format")?.format.to_string()))
}

fn p_ndim(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    live(vm, a, "ndim")?;
    Ok(Value::Int(1))
}

fn p_shape(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let m = live(vm, a, "shape")?;
    Ok(Value::tuple(vec![Value::Int(m.len as i64)]))
}

fn p_strides(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let m = live(vm, a, "strides")?;
    Ok(Value::tuple(vec![Value::Int(m.stride as i64)]))
}

fn p_contiguous(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let m = live(vm, a, "contiguous")?;
    Ok(Value::Bool(m.contiguous()))
}

fn p_released(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let m = this(vm, a, "released")?;
    Ok(Value::Bool(m.released.load(Ordering::Relaxed)))
}
