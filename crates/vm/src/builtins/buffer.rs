//! The buffer protocol between `bytes`, `bytearray` and `memoryview`: reading the bytes of
//! any of them ([`buffer`]), making results of the receiver's kind ([`Kind`]), and the
//! constructor sources shared by `bytes(...)` and `bytearray(...)` ([`from_source`]).
//!
//! `bytes` is a `Value::Bytes`; `bytearray` and `memoryview` are native objects
//! ([`ByteArray`], [`super::memoryview::MemoryView`]) whose classes carry their dunders.

use std::cell::Ref;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::value::{NativeObject, PyBytes, Value};

pub use super::bytes_methods::contains;

/// A `bytearray`: a mutable byte vector, and the number of memoryviews exported over it
/// (while any is alive, the array cannot change size, as in CPython).
#[derive(Debug, Default)]
pub struct ByteArray {
    pub data: GilCell<Vec<u8>>,
    pub exports: AtomicUsize,
}

impl NativeObject for ByteArray {
    fn type_name(&self) -> &'static str {
        "bytearray"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl ByteArray {
    pub fn exported(&self) -> bool {
        self.exports.load(Ordering::Relaxed) > 0
    }
}

/// The bytes of a buffer, borrowed where possible.
pub enum BufRef<'a> {
    Borrowed(&'a [u8]),
    Cell(Ref<'a, [u8]>),
    Owned(Vec<u8>),
}

impl std::ops::Deref for BufRef<'_> {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            BufRef::Borrowed(b) => b,
            BufRef::Cell(r) => r,
            BufRef::Owned(v) => v,
        }
    }
}

/// The `ByteArray` inside a value, if it is one.
pub fn as_bytearray(v: &Value) -> Option<&ByteArray> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<ByteArray>(),
        _ => None,
    }
}

/// The bytes of `v` when it supports the buffer protocol (`bytes`, a bytes subclass,
/// `bytearray`, `memoryview`); `Ok(None)` otherwise. A released memoryview is a ValueError.
pub fn buffer<'a>(vm: &Vm, v: &'a Value) -> PyResult<Option<BufRef<'a>>> {
    match v {
        Value::Bytes(b) => Ok(Some(BufRef::Borrowed(&b.data))),
        Value::Instance(i) => match &i.payload {
            Some(Value::Bytes(b)) => Ok(Some(BufRef::Borrowed(&b.data))),
            _ => Ok(None),
        },
        Value::Native(n) => {
            if let Some(ba) = n.as_any().downcast_ref::<ByteArray>() {
                let r = ba.data.borrow(vm.gil());
                return Ok(Some(BufRef::Cell(Ref::map(r, |v| v.as_slice()))));
            }
            if let Some(mv) = n.as_any().downcast_ref::<super::memoryview::MemoryView>() {
                return mv.bytes(vm).map(Some);
            }
            Ok(None)
        }
        _ => Ok(None),
    }
}

/// Does `v` support the buffer protocol?
pub fn is_buffer(v: &Value) -> bool {
    match v {
        Value::Bytes(_) => true,
        Value::Instance(i) => matches!(i.payload, Some(Value::Bytes(_))),
        Value::Native(n) => {
            n.as_any().downcast_ref::<ByteArray>().is_some()
                || n.as_any()
                    .downcast_ref::<super::memoryview::MemoryView>()
                    .is_some()
        }
        _ => false,
    }
}

/// The bytes of a buffer argument, copied; "a bytes-like object is required, not 'str'"
/// otherwise.
pub fn need_buffer(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match buffer(vm, v)? {
        Some(b) => Ok(b.to_vec()),
        None => Err(not_buffer(vm, v)),
    }
}

#[cold]
pub fn not_buffer(vm: &Vm, v: &Value) -> crate::PyErr {
    vm.type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(v)
    ))
}

/// Which of the two byte-string types a method's receiver is: results take its kind
/// (`bytearray(b'a').upper()` is a bytearray).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Bytes,
    ByteArray,
}

impl Kind {
    pub fn of(v: &Value) -> Kind {
        if as_bytearray(v).is_some() {
            Kind::ByteArray
        } else {
            Kind::Bytes
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Kind::Bytes => "bytes",
            Kind::ByteArray => "bytearray",
        }
    }
    pub fn make(self, data: Vec<u8>) -> Value {
        match self {
            Kind::Bytes => new_bytes(data),
            Kind::ByteArray => new_bytearray(data),
        }
    }
}

pub fn new_bytes(data: Vec<u8>) -> Value {
    Value::Bytes(Arc::new(PyBytes {
        data: data.into_boxed_slice(),
    }))
}

pub fn new_bytearray(data: Vec<u8>) -> Value {
    crate::object::class::native(ByteArray {
        data: GilCell::new(data),
        exports: AtomicUsize::new(0),
    })
}

/// One byte from an int argument: "byte must be in range(0, 256)" otherwise.
pub fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let n = match v {
        Value::Int(n) => *n,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => return Err(vm.value_error("byte must be in range(0, 256)")),
        _ => super::to_index(vm, v)?,
    };
    if (0..256).contains(&n) {
        Ok(n as u8)
    } else {
        Err(vm.value_error("byte must be in range(0, 256)"))
    }
}

/// The contents made by `bytes(source, encoding, errors)` / `bytearray(...)`, CPython's rules
/// and messages: nothing, an int count, a str with an encoding, a buffer, `__bytes__` (bytes
/// only), or an iterable of ints in range(256).
pub fn from_source(
    vm: &mut Vm,
    kind: Kind,
    source: Option<&Value>,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<Vec<u8>> {
    let Some(src) = source else {
        if encoding.is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Value::Str(text) = crate::object::class::strip(src) {
        if encoding.is_none() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        let text = text.clone();
        let b = super::str_methods::encode_str(vm, text.as_str(), encoding, errors)?;
        return Ok(match b {
            Value::Bytes(b) => b.data.to_vec(),
            _ => Vec::new(),
        });
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if kind == Kind::Bytes && matches!(src, Value::Instance(_)) {
        if let Some(f) = vm.get_attr_opt(src, "__bytes__")? {
            let r = vm.call(&f, &[])?;
            return match &r {
                Value::Bytes(b) => Ok(b.data.to_vec()),
                other => Err(vm.type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    vm.type_name(other)
                ))),
            };
        }
    }
    if let Some(b) = buffer(vm, src)? {
        return Ok(b.to_vec());
    }
    let count = match src {
        Value::Int(n) => Some(*n),
        Value::Bool(b) => Some(*b as i64),
        Value::BigInt(_) => {
            return Err(vm.new_error(
                &vm.types().overflow_error.clone(),
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        Value::Instance(_) if vm.get_attr_opt(src, "__index__")?.is_some() => {
            Some(super::to_index(vm, src)?)
        }
        _ => None,
    };
    if let Some(n) = count {
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        vm.check_alloc(n as usize, 1)?;
        return Ok(vec![0u8; n as usize]);
    }
    if !vm.is_iterable(src) {
        let what = match kind {
            Kind::Bytes => format!("cannot convert '{}' object to bytes", vm.type_name(src)),
            Kind::ByteArray => {
                format!("cannot convert '{}' object to bytearray", vm.type_name(src))
            }
        };
        return Err(vm.type_error(what));
    }
    let it = vm.get_iter(src)?;
    let mut out = Vec::new();
    while let Some(item) = vm.next(&it)? {
        let n = match &item {
            Value::Int(n) => *n,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => -1,
            other => {
                if vm.get_attr_opt(other, "__index__")?.is_none() {
                    return Err(vm.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(other)
                    )));
                }
                super::to_index(vm, other)?
            }
        };
        if !(0..256).contains(&n) {
            return Err(vm.value_error(format!("{} must be in range(0, 256)", kind_items(kind))));
        }
        out.push(n as u8);
    }
    Ok(out)
}

fn kind_items(kind: Kind) -> &'static str {
    match kind {
        Kind::Bytes => "bytes",
        Kind::ByteArray => "byte",
    }
}

/// Put the methods shared by `bytes` and `bytearray` on both classes, and make the
/// `bytearray` and `memoryview` classes (with their dunders) and their builtins names.
pub fn install(vm: &mut Vm, g: &crate::object::value::Dict) {
    use super::{add_methods, dict_set_str, native};
    use crate::object::value::BuiltinType;
    let object = vm.types().object.clone();
    let bytes = vm.types().bytes.clone();
    let bytearray =
        super::file::new_class("bytearray", "builtins", Some(&object), BuiltinType::Native);
    for class in [&bytes, &bytearray] {
        add_methods(vm, class, super::bytes_methods::METHODS);
        add_methods(vm, class, super::bytes_transform::METHODS);
        let mt = native("maketrans", super::bytes_transform::maketrans);
        let mt = crate::object::class::native(crate::object::class::StaticMethod(mt));
        dict_set_str(vm, &class.dict, "maketrans", mt);
        let fh = native("fromhex", super::bytes_transform::fromhex);
        let fh = crate::object::class::native(crate::object::class::ClassMethod(fh));
        dict_set_str(vm, &class.dict, "fromhex", fh);
    }
    dict_set_str(
        vm,
        &bytes.dict,
        "__bytes__",
        native("__bytes__", bytes_bytes),
    );
    add_methods(vm, &bytearray, super::bytearray::METHODS);
    dict_set_str(
        vm,
        &bytearray.dict,
        "__new__",
        native("__new__", super::bytearray::new),
    );
    dict_set_str(vm, &bytearray.dict, "__hash__", Value::None);

    let memoryview =
        super::file::new_class("memoryview", "builtins", Some(&object), BuiltinType::Native);
    add_methods(vm, &memoryview, super::memoryview::METHODS);
    dict_set_str(
        vm,
        &memoryview.dict,
        "__new__",
        native("__new__", super::memoryview::new),
    );
    for &(name, getter) in super::memoryview::PROPERTIES {
        dict_set_str(
            vm,
            &memoryview.dict,
            name,
            super::file::native_property(name, getter),
        );
    }
    let gil = vm.gil();
    let mut natives = vm.types().natives.borrow_mut(gil);
    natives.insert("bytearray", bytearray.clone());
    natives.insert("memoryview", memoryview.clone());
    drop(natives);
    dict_set_str(vm, g, "bytearray", Value::Class(bytearray));
    dict_set_str(vm, g, "memoryview", Value::Class(memoryview));
}

/// `bytes.__bytes__()`: the bytes themselves.
fn bytes_bytes(vm: &mut Vm, a: &[Value], kw: &crate::object::args::Kwargs) -> PyResult<Value> {
    crate::object::args::none(vm, "__bytes__", a.get(1..).unwrap_or_default(), kw)?;
    match a.first().map(crate::object::class::strip) {
        Some(v @ Value::Bytes(_)) => Ok(v.clone()),
        _ => Err(vm.type_error("descriptor '__bytes__' requires a 'bytes' object")),
    }
}
