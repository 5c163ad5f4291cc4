//! A safe owner of one zlib `z_stream` (the system libz through `libz-sys`, the library
//! CPython's zlib module links, so the compressed bytes are CPython's own): init, one
//! deflate/inflate call at a time into a growing `Vec`, copy, dictionaries, and the end.
//!
//! The stream is boxed (zlib's state points back at it) and kept after `deflateEnd` /
//! `inflateEnd` as CPython keeps it: a call on an ended stream gets zlib's own
//! `Z_STREAM_ERROR`, whose message the module turns into CPython's.

use std::ffi::CStr;
use std::os::raw::{c_int, c_uint};
use std::ptr::null_mut;

use libz_sys as z;

pub const Z_OK: c_int = z::Z_OK;
pub const Z_STREAM_END: c_int = z::Z_STREAM_END;
pub const Z_NEED_DICT: c_int = z::Z_NEED_DICT;
pub const Z_STREAM_ERROR: c_int = z::Z_STREAM_ERROR;
pub const Z_DATA_ERROR: c_int = z::Z_DATA_ERROR;
pub const Z_MEM_ERROR: c_int = z::Z_MEM_ERROR;
pub const Z_BUF_ERROR: c_int = z::Z_BUF_ERROR;
pub const Z_VERSION_ERROR: c_int = z::Z_VERSION_ERROR;

/// An error code with zlib's message for it (`strm.msg`), if zlib gave one.
#[derive(Debug)]
pub struct ZErr {
    pub code: c_int,
    pub msg: Option<String>,
}

unsafe extern "C" fn zalloc(_: z::voidpf, items: c_uint, size: c_uint) -> z::voidpf {
    libc::calloc(items as usize, size as usize)
}

unsafe extern "C" fn zfree(_: z::voidpf, p: z::voidpf) {
    libc::free(p)
}

fn blank() -> Box<z::z_stream> {
    Box::new(z::z_stream {
        next_in: null_mut(),
        avail_in: 0,
        total_in: 0,
        next_out: null_mut(),
        avail_out: 0,
        total_out: 0,
        msg: null_mut(),
        state: null_mut(),
        zalloc,
        zfree,
        opaque: null_mut(),
        data_type: 0,
        adler: 0,
        reserved: 0,
    })
}

/// The library's version string (`zlibVersion()`).
pub fn version() -> String {
    // SAFETY: zlibVersion returns a static NUL-terminated string.
    unsafe { CStr::from_ptr(z::zlibVersion()) }
        .to_string_lossy()
        .into_owned()
}

fn stream_size() -> c_int {
    std::mem::size_of::<z::z_stream>() as c_int
}

/// One compressor or decompressor.
pub struct ZStream {
    strm: Box<z::z_stream>,
    deflate: bool,
    /// Between a successful init and the end call.
    pub live: bool,
}

// SAFETY: the stream's pointers are its own heap state (and, only during a call, buffers the
// caller lends); nothing in it is tied to a thread. Callers serialise access with a mutex.
unsafe impl Send for ZStream {}

impl Drop for ZStream {
    fn drop(&mut self) {
        self.end();
    }
}

impl ZStream {
    pub fn deflate(
        level: i32,
        method: i32,
        wbits: i32,
        mem: i32,
        strategy: i32,
    ) -> Result<ZStream, ZErr> {
        let mut s = ZStream {
            strm: blank(),
            deflate: true,
            live: false,
        };
        // SAFETY: a fresh stream with valid allocators, the library's own version string.
        let rc = unsafe {
            z::deflateInit2_(
                &mut *s.strm,
                level,
                method,
                wbits,
                mem,
                strategy,
                z::zlibVersion(),
                stream_size(),
            )
        };
        s.check_init(rc)
    }

    pub fn inflate(wbits: i32) -> Result<ZStream, ZErr> {
        let mut s = ZStream {
            strm: blank(),
            deflate: false,
            live: false,
        };
        // SAFETY: as for deflate.
        let rc = unsafe { z::inflateInit2_(&mut *s.strm, wbits, z::zlibVersion(), stream_size()) };
        s.check_init(rc)
    }

    fn check_init(mut self, rc: c_int) -> Result<ZStream, ZErr> {
        if rc == Z_OK {
            self.live = true;
            Ok(self)
        } else {
            Err(self.err(rc))
        }
    }

    /// The error `code` with the stream's message.
    pub fn err(&self, code: c_int) -> ZErr {
        let msg = if self.strm.msg.is_null() {
            None
        } else {
            // SAFETY: zlib's messages are static NUL-terminated strings.
            Some(
                unsafe { CStr::from_ptr(self.strm.msg) }
                    .to_string_lossy()
                    .into_owned(),
            )
        };
        ZErr { code, msg }
    }

    /// One deflate/inflate call with `flush`, reading from `input` (advanced past what was
    /// consumed) and appending to `out`, giving it at most `room` more bytes (at least one).
    /// Returns zlib's code and whether the output room was used up (`avail_out == 0`).
    pub fn step(
        &mut self,
        input: &mut &[u8],
        out: &mut Vec<u8>,
        room: usize,
        flush: c_int,
    ) -> (c_int, bool) {
        let room = room.clamp(1, c_uint::MAX as usize);
        out.reserve(room);
        let avail_in = input.len().min(c_uint::MAX as usize) as c_uint;
        let len = out.len();
        self.strm.next_in = input.as_ptr() as *mut u8;
        self.strm.avail_in = avail_in;
        // SAFETY: `reserve` made room for `room` bytes past `len`.
        self.strm.next_out = unsafe { out.as_mut_ptr().add(len) };
        self.strm.avail_out = room as c_uint;
        // SAFETY: the stream is boxed and initialised (or ended, which zlib reports as
        // Z_STREAM_ERROR); the buffers are valid for the lengths given.
        let rc = unsafe {
            if self.deflate {
                z::deflate(&mut *self.strm, flush)
            } else {
                z::inflate(&mut *self.strm, flush)
            }
        };
        let produced = room - self.strm.avail_out as usize;
        let consumed = (avail_in - self.strm.avail_in) as usize;
        // SAFETY: zlib wrote `produced` bytes into the reserved space.
        unsafe { out.set_len(len + produced) };
        *input = &input[consumed..];
        self.strm.next_in = null_mut();
        self.strm.next_out = null_mut();
        self.strm.avail_in = 0;
        (rc, self.strm.avail_out == 0)
    }

    /// The end call (deflateEnd/inflateEnd), once; its code.
    pub fn end(&mut self) -> c_int {
        if !self.live {
            return Z_OK;
        }
        self.live = false;
        // SAFETY: the stream was initialised and not yet ended.
        unsafe {
            if self.deflate {
                z::deflateEnd(&mut *self.strm)
            } else {
                z::inflateEnd(&mut *self.strm)
            }
        }
    }

    /// deflateCopy / inflateCopy into a new stream.
    pub fn copy(&mut self) -> Result<ZStream, c_int> {
        let mut s = ZStream {
            strm: blank(),
            deflate: self.deflate,
            live: false,
        };
        // SAFETY: both streams are boxed; the source is initialised (the caller checks `live`).
        let rc = unsafe {
            if self.deflate {
                z::deflateCopy(&mut *s.strm, &mut *self.strm)
            } else {
                z::inflateCopy(&mut *s.strm, &mut *self.strm)
            }
        };
        if rc == Z_OK {
            s.live = true;
            Ok(s)
        } else {
            Err(rc)
        }
    }

    pub fn set_dictionary(&mut self, dict: &[u8]) -> c_int {
        // SAFETY: an initialised stream and a dictionary valid for its length.
        unsafe {
            if self.deflate {
                z::deflateSetDictionary(&mut *self.strm, dict.as_ptr(), dict.len() as c_uint)
            } else {
                z::inflateSetDictionary(&mut *self.strm, dict.as_ptr(), dict.len() as c_uint)
            }
        }
    }
}

/// The running CRC-32 of `data` from `value`.
pub fn crc32(mut value: u32, data: &[u8]) -> u32 {
    for chunk in data.chunks(1 << 30) {
        // SAFETY: a valid slice of at most 2^30 bytes.
        value = unsafe { z::crc32(value.into(), chunk.as_ptr(), chunk.len() as c_uint) } as u32;
    }
    value
}

/// The running Adler-32 of `data` from `value`.
pub fn adler32(mut value: u32, data: &[u8]) -> u32 {
    for chunk in data.chunks(1 << 30) {
        // SAFETY: as for crc32.
        value = unsafe { z::adler32(value.into(), chunk.as_ptr(), chunk.len() as c_uint) } as u32;
    }
    value
}
