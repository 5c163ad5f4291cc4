//! `open()` and the file object (`_io.TextIOWrapper`, and binary files for 'b' modes), also
//! used for `sys.stdin`, `sys.stdout` and `sys.stderr`.
//!
//! Text files are UTF-8 with universal newlines on reading ("\r\n" and "\r" read as "\n"),
//! written as given. Reads and writes are buffered here; disk I/O goes through
//! [`crate::runtime::blocking::blocking`] so the GIL can be released around it later.

use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::{Arc, OnceLock};

use parking_lot::Mutex;

use super::{dict_set_str, native};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs, Params};
use crate::object::error::{PyErr, PyResult};
use crate::object::value::{BuiltinType, Class, Dict, NativeObject, Value};
use crate::runtime::blocking::blocking;

/// Where a file object's bytes go.
#[derive(Debug)]
pub(super) enum Backend {
    Disk(std::fs::File),
    /// A closed disk file (the OS file is released).
    Closed,
    Stdin,
    Stdout,
    Stderr,
}

#[derive(Debug)]
pub(super) struct Inner {
    pub(super) backend: Backend,
    /// Bytes read ahead and not yet consumed (from `rpos`).
    pub(super) rbuf: Vec<u8>,
    pub(super) rpos: usize,
    /// Bytes written and not yet flushed (disk files only).
    pub(super) wbuf: Vec<u8>,
    pub(super) eof: bool,
    pub(super) closed: bool,
}

/// A file object.
#[derive(Debug)]
pub struct FileObject {
    pub name: String,
    pub mode: String,
    pub encoding: String,
    pub binary: bool,
    /// Universal newlines on reading ("\r\n" and "\r" become "\n"): disk text files only;
    /// CPython's standard streams use newline="\n" on POSIX and pass "\r" through.
    universal: bool,
    pub(super) readable: bool,
    pub(super) writable: bool,
    pub(super) inner: Mutex<Inner>,
}

impl NativeObject for FileObject {
    fn type_name(&self) -> &'static str {
        match (self.binary, self.readable, self.writable) {
            (false, _, _) => "_io.TextIOWrapper",
            (true, true, true) => "_io.BufferedRandom",
            (true, false, true) => "_io.BufferedWriter",
            (true, _, false) => "_io.BufferedReader",
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        // Like CPython closing an unreferenced file: pending writes reach the disk.
        if let Backend::Disk(f) = &mut self.backend {
            if !self.wbuf.is_empty() {
                let _ = f.write_all(&self.wbuf);
            }
        }
    }
}

/// An I/O failure, turned into the matching OSError subclass by [`os_error`].
pub enum IoFail {
    Os(std::io::Error),
    Closed,
    Decode(String),
}

impl From<std::io::Error> for IoFail {
    fn from(e: std::io::Error) -> IoFail {
        IoFail::Os(e)
    }
}

const CHUNK: usize = 64 * 1024;

impl Inner {
    /// Read more bytes into the read-ahead buffer; false at end of file.
    pub(super) fn fill(&mut self) -> Result<bool, IoFail> {
        if self.closed {
            return Err(IoFail::Closed);
        }
        if self.eof {
            return Ok(false);
        }
        if self.rpos > 0 && self.rpos * 2 >= self.rbuf.len() {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let mut chunk = vec![0u8; CHUNK];
        let n = match &mut self.backend {
            Backend::Disk(f) => f.read(&mut chunk)?,
            Backend::Stdin => std::io::stdin().lock().read(&mut chunk)?,
            _ => 0,
        };
        if n == 0 {
            self.eof = true;
            return Ok(false);
        }
        self.rbuf.extend_from_slice(&chunk[..n]);
        Ok(true)
    }

    pub(super) fn flush_writes(&mut self) -> Result<(), IoFail> {
        if let Backend::Disk(f) = &mut self.backend {
            if !self.wbuf.is_empty() {
                f.write_all(&self.wbuf)?;
                self.wbuf.clear();
            }
        }
        Ok(())
    }

    /// Before writing after reading in a '+' mode: move the OS position back over the
    /// read-ahead bytes.
    pub(super) fn drop_readahead(&mut self) -> Result<(), IoFail> {
        let unread = (self.rbuf.len() - self.rpos) as i64;
        if unread > 0 {
            if let Backend::Disk(f) = &mut self.backend {
                f.seek(SeekFrom::Current(-unread))?;
            }
        }
        self.rbuf.clear();
        self.rpos = 0;
        self.eof = false;
        Ok(())
    }

    /// One raw line (up to and including "\n", "\r\n" or a lone "\r"), or less at EOF.
    fn read_line_raw(&mut self, no_cr: bool, limit: Option<usize>) -> Result<Vec<u8>, IoFail> {
        let mut scanned = 0;
        loop {
            let avail = &self.rbuf[self.rpos..];
            let mut end = None;
            let mut i = scanned;
            while i < avail.len() {
                if let Some(l) = limit {
                    if i >= l {
                        end = Some(i);
                        break;
                    }
                }
                match avail[i] {
                    b'\n' => {
                        end = Some(i + 1);
                        break;
                    }
                    b'\r' if !no_cr => {
                        if i + 1 < avail.len() {
                            end = Some(if avail[i + 1] == b'\n' { i + 2 } else { i + 1 });
                            break;
                        }
                        if self.eof {
                            end = Some(i + 1);
                            break;
                        }
                        // Need the next byte to decide.
                        break;
                    }
                    _ => i += 1,
                }
            }
            if let Some(end) = end {
                let line = self.rbuf[self.rpos..self.rpos + end].to_vec();
                self.rpos += end;
                return Ok(line);
            }
            scanned = i;
            if !self.fill()? {
                let line = self.rbuf[self.rpos..].to_vec();
                self.rpos = self.rbuf.len();
                return Ok(line);
            }
        }
    }

    fn read_all_raw(&mut self) -> Result<Vec<u8>, IoFail> {
        while self.fill()? {}
        let out = self.rbuf[self.rpos..].to_vec();
        self.rpos = self.rbuf.len();
        Ok(out)
    }

    /// `n` chars of text (or fewer at EOF), newlines translated.
    fn read_chars(&mut self, n: usize, universal: bool) -> Result<String, IoFail> {
        let mut out = String::new();
        let mut count = 0;
        while count < n {
            // Make sure a whole char (and the byte after a '\r') is buffered.
            let avail = self.rbuf.len() - self.rpos;
            let need = match self.rbuf.get(self.rpos) {
                None => 1,
                Some(&b) if b == b'\r' && universal => 2,
                Some(&b) => utf8_len(b),
            };
            if avail < need && self.fill()? {
                continue;
            }
            let Some(&b) = self.rbuf.get(self.rpos) else {
                break;
            };
            if b == b'\r' && universal {
                self.rpos += if self.rbuf.get(self.rpos + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                out.push('\n');
            } else {
                let len = utf8_len(b).min(self.rbuf.len() - self.rpos);
                let bytes = &self.rbuf[self.rpos..self.rpos + len];
                let s = std::str::from_utf8(bytes).map_err(|_| decode_error(bytes, 0))?;
                out.push_str(s);
                self.rpos += len;
            }
            count += 1;
        }
        Ok(out)
    }
}

fn utf8_len(b: u8) -> usize {
    match b {
        0xf0..=0xff => 4,
        0xe0..=0xef => 3,
        0xc0..=0xdf => 2,
        _ => 1,
    }
}

fn decode_error(bytes: &[u8], pos: usize) -> IoFail {
    IoFail::Decode(format!(
        "'utf-8' codec can't decode byte 0x{:02x} in position {pos}: invalid start byte",
        bytes.get(pos).copied().unwrap_or(0)
    ))
}

/// Decode UTF-8 and (with universal newlines) translate "\r\n" / "\r" to "\n".
fn decode_text(bytes: Vec<u8>, universal: bool) -> Result<String, IoFail> {
    let s = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            return Err(decode_error(e.as_bytes(), pos));
        }
    };
    if universal && s.contains('\r') {
        Ok(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Ok(s)
    }
}

/// Turn an I/O failure into a Python exception: `[Errno 2] No such file or directory: 'x'`.
pub use crate::object::exc_table::errno_exception_name;

pub fn os_error(vm: &mut Vm, e: IoFail, filename: Option<&str>) -> PyErr {
    match e {
        IoFail::Closed => vm.value_error("I/O operation on closed file."),
        IoFail::Decode(msg) => {
            let class = vm.types().exception_by_name("UnicodeDecodeError").cloned();
            match class {
                Some(c) => vm.new_error(&c, msg),
                None => vm.value_error(msg),
            }
        }
        IoFail::Os(e) => {
            let errno = e.raw_os_error();
            let class_name = errno.map_or("OSError", errno_exception_name);
            let t = vm.types();
            let class = t
                .exception_by_name(class_name)
                .cloned()
                .unwrap_or_else(|| t.os_error.clone());
            let text = e.to_string();
            let strerror = match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            let msg = match (errno, filename) {
                (Some(n), Some(f)) => format!("[Errno {n}] {strerror}: {}", py_quote(f)),
                (Some(n), None) => format!("[Errno {n}] {strerror}"),
                (None, _) => strerror.clone(),
            };
            let err = vm.new_error(&class, msg);
            set_exc_attr(
                vm,
                &err,
                "errno",
                errno.map(|n| Value::Int(n as i64)).unwrap_or_default(),
            );
            set_exc_attr(vm, &err, "strerror", Value::str(strerror));
            set_exc_attr(
                vm,
                &err,
                "filename",
                filename.map(Value::str).unwrap_or_default(),
            );
            err
        }
    }
}

fn set_exc_attr(vm: &mut Vm, err: &PyErr, name: &str, v: Value) {
    let _ = vm.set_attr(&err.value(), name, v);
}

/// `os.fspath(v)` as a Rust string: a str as it is, bytes decoded as UTF-8, else the str or
/// bytes its `__fspath__` returns; anything else is CPython's TypeError.
pub fn fspath(vm: &mut Vm, v: &Value) -> PyResult<String> {
    fn direct(v: &Value) -> Option<String> {
        match v {
            Value::Str(s) => Some(s.as_str().to_string()),
            Value::Bytes(b) => Some(String::from_utf8_lossy(&b.data).into_owned()),
            _ => None,
        }
    }
    if let Some(s) = direct(v) {
        return Ok(s);
    }
    let method = if matches!(v, Value::Int(_) | Value::Float(_) | Value::None) {
        None
    } else {
        vm.get_attr_opt(v, "__fspath__")?
    };
    let Some(method) = method else {
        return Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(v)
        )));
    };
    let r = vm.call(&method, &[])?;
    match direct(&r) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            vm.type_name(v),
            vm.type_name(&r)
        ))),
    }
}

/// A Python str repr of a file name (single quotes unless it contains one).
fn py_quote(s: &str) -> String {
    if s.contains('\'') && !s.contains('"') {
        format!("\"{s}\"")
    } else {
        format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

type NativeArc = Arc<Box<dyn NativeObject>>;

impl FileObject {
    fn new(
        name: String,
        mode: String,
        encoding: String,
        binary: bool,
        readable: bool,
        writable: bool,
        backend: Backend,
    ) -> FileObject {
        FileObject {
            name,
            mode,
            encoding,
            binary,
            universal: !binary && matches!(backend, Backend::Disk(_)),
            readable,
            writable,
            inner: Mutex::new(Inner {
                backend,
                rbuf: Vec::new(),
                rpos: 0,
                wbuf: Vec::new(),
                eof: false,
                closed: false,
            }),
        }
    }

    pub fn is_closed(&self) -> bool {
        self.inner.lock().closed
    }
}

static STD_STREAMS: OnceLock<[NativeArc; 3]> = OnceLock::new();

/// `sys.stdin` (0), `sys.stdout` (1) or `sys.stderr` (2): one object per process.
pub fn std_stream(which: usize) -> Value {
    let streams = STD_STREAMS.get_or_init(|| {
        let mk = |name: &str, mode: &str, backend: Backend, r: bool, w: bool| -> NativeArc {
            Arc::new(Box::new(FileObject::new(
                name.into(),
                mode.into(),
                "utf-8".into(),
                false,
                r,
                w,
                backend,
            )))
        };
        [
            mk("<stdin>", "r", Backend::Stdin, true, false),
            mk("<stdout>", "w", Backend::Stdout, false, true),
            mk("<stderr>", "w", Backend::Stderr, false, true),
        ]
    });
    Value::Native(streams[which.min(2)].clone())
}

fn file_ref(v: &Value) -> Option<(&NativeArc, &FileObject)> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<FileObject>().map(|f| (n, f)),
        _ => None,
    }
}

/// The file object a method was called on.
pub(super) fn this<'a>(
    vm: &Vm,
    a: &'a [Value],
    name: &str,
) -> PyResult<(&'a NativeArc, &'a FileObject)> {
    match a.first().and_then(file_ref) {
        Some(r) => Ok(r),
        None => {
            let got = a
                .first()
                .map(|v| vm.type_name(v))
                .unwrap_or_else(|| "nothing".into());
            Err(vm.type_error(format!(
                "descriptor '{name}' requires a '_io.TextIOWrapper' object but received '{got}'"
            )))
        }
    }
}

/// Run `f` on the file's state outside the interpreter (see [`blocking`]).
pub(super) fn io<R: Send + 'static>(
    vm: &mut Vm,
    obj: &NativeArc,
    f: impl FnOnce(&FileObject, &mut Inner) -> Result<R, IoFail> + Send + 'static,
) -> PyResult<R> {
    let obj = obj.clone();
    let r = blocking(vm, move || {
        match obj.as_any().downcast_ref::<FileObject>() {
            Some(file) => {
                let mut inner = file.inner.lock();
                if inner.closed {
                    return Err(IoFail::Closed);
                }
                f(file, &mut inner)
            }
            None => Err(IoFail::Closed),
        }
    });
    r.map_err(|e| os_error(vm, e, None))
}

pub(super) fn unsupported(vm: &mut Vm, what: &str) -> PyErr {
    let class = unsupported_operation_class(vm);
    vm.new_error(&class, what.to_string())
}

/// `io.UnsupportedOperation` (an OSError here; CPython's also derives from ValueError).
pub fn unsupported_operation_class(vm: &mut Vm) -> Arc<Class> {
    let gil = vm.gil();
    if let Some(c) = vm
        .types()
        .natives
        .borrow(gil)
        .get("io.UnsupportedOperation")
    {
        return c.clone();
    }
    let os_error = vm.types().os_error.clone();
    let class = new_class(
        "UnsupportedOperation",
        "io",
        Some(&os_error),
        BuiltinType::Exception,
    );
    vm.types()
        .natives
        .borrow_mut(gil)
        .insert("io.UnsupportedOperation", class.clone());
    class
}

pub use crate::object::class::new_class;

pub(super) fn check_readable(vm: &mut Vm, f: &FileObject) -> PyResult<()> {
    if f.is_closed() {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    if !f.readable {
        return Err(unsupported(vm, "not readable"));
    }
    if matches!(f.inner.lock().backend, Backend::Stdin) {
        vm.sandbox_check("reading sys.stdin")?;
    }
    Ok(())
}

pub(super) fn check_writable(vm: &mut Vm, f: &FileObject) -> PyResult<()> {
    if f.is_closed() {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    if !f.writable {
        return Err(unsupported(vm, "not writable"));
    }
    Ok(())
}

fn text_or_bytes(binary: bool, universal: bool, raw: Vec<u8>) -> Result<Value, IoFail> {
    if binary {
        Ok(Value::Bytes(Arc::new(crate::object::value::PyBytes {
            data: raw.into_boxed_slice(),
        })))
    } else {
        decode_text(raw, universal).map(Value::str)
    }
}

fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = super::to_index(vm, v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

fn read(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (obj, f) = this(vm, a, "read")?;
    args::count(vm, "read", &a[1..], kw, 0, 1)?;
    check_readable(vm, f)?;
    let size = size_arg(vm, a.get(1))?;
    let (binary, universal) = (f.binary, f.universal);
    io(vm, obj, move |_, inner| {
        inner.flush_writes()?;
        match size {
            None => text_or_bytes(binary, universal, inner.read_all_raw()?),
            Some(n) if binary => {
                while inner.rbuf.len() - inner.rpos < n && inner.fill()? {}
                let end = (inner.rpos + n).min(inner.rbuf.len());
                let out = inner.rbuf[inner.rpos..end].to_vec();
                inner.rpos = end;
                text_or_bytes(true, false, out)
            }
            Some(n) => inner.read_chars(n, universal).map(Value::str),
        }
    })
}

fn readline(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (obj, f) = this(vm, a, "readline")?;
    args::count(vm, "readline", &a[1..], kw, 0, 1)?;
    check_readable(vm, f)?;
    let limit = size_arg(vm, a.get(1))?;
    let (binary, universal) = (f.binary, f.universal);
    io(vm, obj, move |_, inner| {
        inner.flush_writes()?;
        let raw = inner.read_line_raw(!universal, limit)?;
        text_or_bytes(binary, universal, raw)
    })
}

/// Read one line as a Rust string (for `input()` and iteration); empty at EOF.
pub fn read_line_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    readline(vm, std::slice::from_ref(v), &[])
}

fn readlines(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (obj, f) = this(vm, a, "readlines")?;
    args::count(vm, "readlines", &a[1..], kw, 0, 1)?;
    check_readable(vm, f)?;
    let (binary, universal) = (f.binary, f.universal);
    let lines = io(vm, obj, move |_, inner| {
        inner.flush_writes()?;
        let mut lines = Vec::new();
        loop {
            let raw = inner.read_line_raw(!universal, None)?;
            if raw.is_empty() {
                break;
            }
            lines.push(text_or_bytes(binary, universal, raw)?);
        }
        Ok(lines)
    })?;
    Ok(Value::list(lines))
}

/// Write text (or bytes) to a file object; returns the number of chars (bytes) written.
pub fn write_to(vm: &mut Vm, file: &Value, data: &Value) -> PyResult<usize> {
    let Some((obj, f)) = file_ref(file) else {
        return Err(vm.type_error("not a file object"));
    };
    check_writable(vm, f)?;
    let (bytes, count): (Vec<u8>, usize) = match (data, f.binary) {
        (Value::Str(s), false) => (s.as_str().as_bytes().to_vec(), s.char_len),
        (Value::Bytes(b), true) => (b.data.to_vec(), b.data.len()),
        (other, false) => {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(other)
            )))
        }
        (other, true) => {
            // bytearray, memoryview: any buffer, as CPython's BufferedWriter.write takes.
            let data = super::buffer::need_buffer(vm, other)?;
            let n = data.len();
            (data, n)
        }
    };
    let backend_kind = match f.inner.lock().backend {
        Backend::Stdout => 1,
        Backend::Stderr => 2,
        _ => 0,
    };
    match backend_kind {
        1 => super::io::write_stdout(vm, std::str::from_utf8(&bytes).unwrap_or(""))?,
        2 => super::io::write_stderr(vm, std::str::from_utf8(&bytes).unwrap_or(""))?,
        _ => {
            let needs_flush = {
                let mut inner = f.inner.lock();
                if let Err(e) = inner.drop_readahead() {
                    drop(inner);
                    return Err(os_error(vm, e, None));
                }
                inner.wbuf.extend_from_slice(&bytes);
                inner.wbuf.len() >= CHUNK
            };
            if needs_flush {
                io(vm, obj, |_, inner| inner.flush_writes())?;
            }
        }
    }
    Ok(count)
}

fn write(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    this(vm, a, "write")?;
    args::count(vm, "write", &a[1..], kw, 1, 1)?;
    let n = write_to(vm, &a[0], &a[1])?;
    Ok(Value::Int(n as i64))
}

fn writelines(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    this(vm, a, "writelines")?;
    args::count(vm, "writelines", &a[1..], kw, 1, 1)?;
    let it = vm.get_iter(&a[1])?;
    while let Some(line) = vm.next(&it)? {
        write_to(vm, &a[0], &line)?;
    }
    Ok(Value::None)
}

/// Flush a file object's pending output (stdout: the interpreter's buffer).
pub fn flush_file(vm: &mut Vm, file: &Value) -> PyResult<()> {
    let Some((obj, f)) = file_ref(file) else {
        return Ok(());
    };
    let kind = match f.inner.lock().backend {
        Backend::Stdout => 1,
        Backend::Stderr => 2,
        _ => 0,
    };
    match kind {
        1 => vm.interp.flush_stdout(),
        2 => {}
        _ => {
            if f.is_closed() {
                return Err(vm.value_error("I/O operation on closed file."));
            }
            io(vm, obj, |_, inner| inner.flush_writes())?;
        }
    }
    Ok(())
}

fn flush(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    this(vm, a, "flush")?;
    args::count(vm, "flush", &a[1..], kw, 0, 0)?;
    flush_file(vm, &a[0])?;
    Ok(Value::None)
}

fn close(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (obj, f) = this(vm, a, "close")?;
    args::count(vm, "close", &a[1..], kw, 0, 0)?;
    if f.is_closed() {
        return Ok(Value::None);
    }
    let is_disk = matches!(f.inner.lock().backend, Backend::Disk(_));
    if !is_disk {
        flush_file(vm, &a[0])?;
        return Ok(Value::None);
    }
    io(vm, obj, |_, inner| {
        let r = inner.flush_writes();
        inner.closed = true;
        inner.backend = Backend::Closed;
        r
    })?;
    Ok(Value::None)
}

fn enter(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (_, f) = this(vm, a, "__enter__")?;
    if f.is_closed() {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(a[0].clone())
}

fn exit(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    this(vm, a, "__exit__")?;
    close(vm, &a[..1], &[])?;
    Ok(Value::None)
}

fn iter(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (_, f) = this(vm, a, "__iter__")?;
    if f.is_closed() {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(a[0].clone())
}

fn next(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    this(vm, a, "__next__")?;
    let line = readline(vm, &a[..1], &[])?;
    let empty = match &line {
        Value::Str(s) => s.s.is_empty(),
        Value::Bytes(b) => b.data.is_empty(),
        _ => true,
    };
    if empty {
        return Err(super::iters::stop_iteration(vm));
    }
    Ok(line)
}

fn repr(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (_, f) = this(vm, a, "__repr__")?;
    if f.binary {
        return Ok(Value::str(format!(
            "<{} name={}>",
            crate::object::value::NativeObject::type_name(f),
            py_quote(&f.name)
        )));
    }
    Ok(Value::str(format!(
        "<_io.TextIOWrapper name={} mode={} encoding={}>",
        py_quote(&f.name),
        py_quote(&f.mode),
        py_quote(&f.encoding)
    )))
}

/// Data attributes (read-only properties): name, mode, closed, encoding.
fn attr_name(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (_, f) = this(vm, a, "name")?;
    Ok(Value::str(f.name.as_str()))
}

fn attr_mode(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (_, f) = this(vm, a, "mode")?;
    if f.binary {
        return Ok(Value::str(super::file_buffer::raw_mode(&f.mode)));
    }
    Ok(Value::str(f.mode.as_str()))
}

fn attr_closed(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (_, f) = this(vm, a, "closed")?;
    Ok(Value::Bool(f.is_closed()))
}

fn attr_encoding(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (_, f) = this(vm, a, "encoding")?;
    Ok(Value::str(f.encoding.as_str()))
}

/// A read-only property whose getter is a native function.
pub fn native_property(name: &'static str, getter: crate::object::value::NativeFn) -> Value {
    crate::object::class::native(crate::object::class::Property {
        fget: native(name, getter),
        fset: Value::None,
        fdel: Value::None,
        doc: Value::None,
    })
}

fn seek(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (obj, _) = this(vm, a, "seek")?;
    args::count(vm, "seek", &a[1..], kw, 1, 2)?;
    let offset = super::to_index(vm, &a[1])?;
    let whence = match a.get(2) {
        Some(v) => super::to_index(vm, v)?,
        None => 0,
    };
    let pos = match whence {
        0 if offset >= 0 => SeekFrom::Start(offset as u64),
        0 => return Err(vm.value_error(format!("negative seek position {offset}"))),
        1 => SeekFrom::Current(offset),
        2 => SeekFrom::End(offset),
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    let r = io(vm, obj, move |_, inner| {
        inner.flush_writes()?;
        inner.drop_readahead()?;
        match &mut inner.backend {
            Backend::Disk(f) => Ok(f.seek(pos)?),
            _ => Ok(0),
        }
    })?;
    Ok(Value::Int(r as i64))
}

fn tell(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (obj, _) = this(vm, a, "tell")?;
    args::count(vm, "tell", &a[1..], kw, 0, 0)?;
    let r = io(vm, obj, |_, inner| {
        inner.flush_writes()?;
        let unread = (inner.rbuf.len() - inner.rpos) as u64;
        match &mut inner.backend {
            Backend::Disk(f) => Ok(f.stream_position()?.saturating_sub(unread)),
            _ => Ok(0),
        }
    })?;
    Ok(Value::Int(r as i64))
}

fn readable(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (_, f) = this(vm, a, "readable")?;
    Ok(Value::Bool(f.readable))
}

fn writable(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (_, f) = this(vm, a, "writable")?;
    Ok(Value::Bool(f.writable))
}

fn isatty(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    use std::io::IsTerminal;
    let (_, f) = this(vm, a, "isatty")?;
    let r = match f.inner.lock().backend {
        Backend::Stdin => std::io::stdin().is_terminal(),
        Backend::Stdout => std::io::stdout().is_terminal(),
        Backend::Stderr => std::io::stderr().is_terminal(),
        _ => false,
    };
    Ok(Value::Bool(r))
}

fn parse_mode(vm: &Vm, mode: &str) -> PyResult<(std::fs::OpenOptions, bool, bool, bool)> {
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxabt+".contains(c) || seen.contains(c) {
            return Err(vm.value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
    }
    let has = |c: char| seen.contains(c);
    if has('t') && has('b') {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    let kinds = ['x', 'r', 'w', 'a'].iter().filter(|&&c| has(c)).count();
    if kinds > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if kinds == 0 {
        return Err(vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    let plus = has('+');
    let mut o = std::fs::OpenOptions::new();
    let (readable, writable);
    if has('r') {
        o.read(true).write(plus);
        (readable, writable) = (true, plus);
    } else if has('w') {
        o.write(true).create(true).truncate(true).read(plus);
        (readable, writable) = (plus, true);
    } else if has('a') {
        o.append(true).create(true).read(plus);
        (readable, writable) = (plus, true);
    } else {
        o.write(true).create_new(true).read(plus);
        (readable, writable) = (plus, true);
    }
    Ok((o, has('b'), readable, writable))
}

fn open(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "open",
        names: &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        positional: 8,
        positional_only: 0,
        required: 1,
    };
    let s = P.bind(vm, a, kw)?;
    vm.sandbox_check("open()")?;
    let name = match &s[0] {
        Some(Value::Str(p)) if p.as_str().contains('\0') => {
            return Err(vm.value_error("embedded null byte"))
        }
        Some(Value::Str(p)) => p.as_str().to_string(),
        Some(Value::Int(fd)) => return open_fd(vm, *fd, &s),
        Some(other) => {
            let p = fspath(vm, other)?;
            if p.contains('\0') {
                return Err(vm.value_error("embedded null byte"));
            }
            p
        }
        None => String::new(),
    };
    let mode = match &s[1] {
        None => "r".to_string(),
        Some(Value::Str(m)) => m.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "open() argument 'mode' must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    let (options, binary, readable, writable) = parse_mode(vm, &mode)?;
    if let Some(opener) = s[7].clone().filter(|o| !matches!(o, Value::None)) {
        return open_with_opener(vm, &opener, name, &s);
    }
    let encoding = match &s[3] {
        None | Some(Value::None) => "UTF-8".to_string(),
        Some(Value::Str(e)) => {
            if binary {
                return Err(vm.value_error("binary mode doesn't take an encoding argument"));
            }
            let norm = e.as_str().to_ascii_lowercase().replace('_', "-");
            if !matches!(
                norm.as_str(),
                "utf-8" | "utf8" | "u8" | "ascii" | "us-ascii"
            ) {
                let class = vm.types().lookup_error.clone();
                return Err(vm.new_error(&class, format!("unknown encoding: {}", e.as_str())));
            }
            e.as_str().to_string()
        }
        Some(other) => {
            return Err(vm.type_error(format!(
                "open() argument 'encoding' must be str or None, not {}",
                vm.type_name(other)
            )))
        }
    };
    let path = name.clone();
    let opened = blocking(vm, move || options.open(&path));
    let file = match opened {
        Ok(f) => f,
        Err(e) => return Err(os_error(vm, IoFail::Os(e), Some(&name))),
    };
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(os_error(vm, IoFail::Os(e), Some(&name)));
    }
    let obj = FileObject::new(
        name,
        mode,
        encoding,
        binary,
        readable,
        writable,
        Backend::Disk(file),
    );
    Ok(Value::Native(Arc::new(Box::new(obj))))
}

/// `open(fd, mode)`: a file object over an open descriptor (a pipe's end, a socket's); with
/// `closefd=False` it works on a duplicate, so closing it leaves `fd` open.
fn open_fd(vm: &mut Vm, fd: i64, s: &[Option<Value>]) -> PyResult<Value> {
    open_fd_named(vm, fd, s, fd.to_string())
}

/// `open(name, mode, opener=f)`: the descriptor `f(name, flags)` returns, as a file named
/// `name`; the flags are those `mode` means to open(2) (CPython's FileIO).
fn open_with_opener(
    vm: &mut Vm,
    opener: &Value,
    name: String,
    s: &[Option<Value>],
) -> PyResult<Value> {
    let mode = match &s[1] {
        Some(Value::Str(m)) => m.as_str().to_string(),
        _ => "r".to_string(),
    };
    let plus = mode.contains('+');
    let mut flags = if mode.contains('w') {
        libc::O_CREAT | libc::O_TRUNC
    } else if mode.contains('a') {
        libc::O_CREAT | libc::O_APPEND
    } else if mode.contains('x') {
        libc::O_CREAT | libc::O_EXCL
    } else {
        0
    };
    flags |= match (
        plus,
        mode.contains('r') || !(mode.contains('w') || mode.contains('a') || mode.contains('x')),
    ) {
        (true, _) => libc::O_RDWR,
        (false, true) => libc::O_RDONLY,
        (false, false) => libc::O_WRONLY,
    };
    flags |= libc::O_CLOEXEC;
    let file_arg = s[0].clone().unwrap_or_default();
    let fd = vm.call(opener, &[file_arg, Value::Int(flags as i64)])?;
    let Value::Int(fd) = fd else {
        return Err(vm.type_error("expected an integer from opener"));
    };
    if fd < 0 {
        return Err(vm.value_error(format!("opener returned {fd}")));
    }
    open_fd_named(vm, fd, s, name)
}

fn open_fd_named(vm: &mut Vm, fd: i64, s: &[Option<Value>], name: String) -> PyResult<Value> {
    use std::os::fd::FromRawFd;
    let mode = match &s[1] {
        None => "r".to_string(),
        Some(Value::Str(m)) => m.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "open() argument 'mode' must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    let (_, binary, readable, writable) = parse_mode(vm, &mode)?;
    let closefd = match &s[6] {
        None => true,
        Some(v) => vm.truthy(v)?,
    };
    let Ok(raw) = i32::try_from(fd) else {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    };
    if raw < 0 {
        return Err(vm.value_error("negative file descriptor"));
    }
    // SAFETY: fcntl(F_GETFD) only asks whether the descriptor is open.
    if unsafe { libc::fcntl(raw, libc::F_GETFD) } < 0 {
        return Err(os_error(
            vm,
            IoFail::Os(std::io::Error::last_os_error()),
            None,
        ));
    }
    let raw = if closefd {
        raw
    } else {
        // SAFETY: F_DUPFD_CLOEXEC makes a new descriptor that this file then owns.
        let d = unsafe { libc::fcntl(raw, libc::F_DUPFD_CLOEXEC, 0) };
        if d < 0 {
            return Err(os_error(
                vm,
                IoFail::Os(std::io::Error::last_os_error()),
                None,
            ));
        }
        d
    };
    // SAFETY: the descriptor is open and from here on owned by this file object.
    let file = unsafe { std::fs::File::from_raw_fd(raw) };
    let obj = FileObject::new(
        name,
        mode,
        "UTF-8".to_string(),
        binary,
        readable,
        writable,
        Backend::Disk(file),
    );
    Ok(Value::Native(Arc::new(Box::new(obj))))
}

/// `f.fileno()`: the OS descriptor under the file.
fn fileno(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    use std::os::fd::AsRawFd;
    let (_, f) = this(vm, a, "fileno")?;
    let inner = f.inner.lock();
    let fd = match &inner.backend {
        Backend::Disk(file) => file.as_raw_fd(),
        Backend::Stdin => 0,
        Backend::Stdout => 1,
        Backend::Stderr => 2,
        Backend::Closed => -1,
    };
    drop(inner);
    if fd < 0 || f.is_closed() {
        return Err(vm.value_error("I/O operation on closed file"));
    }
    Ok(Value::Int(fd as i64))
}

pub fn install(vm: &mut Vm, g: &Dict) {
    dict_set_str(vm, g, "open", native("open", open));
    let methods: &[(&'static str, crate::object::value::NativeFn)] = &[
        ("read", read),
        ("readline", readline),
        ("readlines", readlines),
        ("write", write),
        ("writelines", writelines),
        ("flush", flush),
        ("close", close),
        ("__enter__", enter),
        ("__exit__", exit),
        ("__iter__", iter),
        ("__next__", next),
        ("__repr__", repr),
        ("seek", seek),
        ("tell", tell),
        ("readable", readable),
        ("writable", writable),
        ("isatty", isatty),
        ("fileno", fileno),
        ("readinto", super::file_buffer::readinto),
        ("truncate", super::file_buffer::truncate),
    ];
    let object = vm.types().object.clone();
    for (type_name, short) in [
        ("_io.TextIOWrapper", "TextIOWrapper"),
        ("_io.BufferedReader", "BufferedReader"),
        ("_io.BufferedWriter", "BufferedWriter"),
        ("_io.BufferedRandom", "BufferedRandom"),
    ] {
        let class = new_class(short, "_io", Some(&object), BuiltinType::Native);
        super::add_methods(vm, &class, methods);
        for (name, getter) in [
            ("name", attr_name as crate::object::value::NativeFn),
            ("mode", attr_mode),
            ("closed", attr_closed),
            ("encoding", attr_encoding),
        ] {
            dict_set_str(vm, &class.dict, name, native_property(name, getter));
        }
        let gil = vm.gil();
        vm.types().natives.borrow_mut(gil).insert(type_name, class);
    }
}
