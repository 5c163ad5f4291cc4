//! The text codecs behind `str.encode`, `bytes.decode` and the `codecs` module: UTF-8
//! (and `utf-8-sig`, which writes and skips a BOM), ASCII, Latin-1, UTF-16 and UTF-32 (with or without a byte-order mark), with the error
//! handlers strict / ignore / replace / backslashreplace (and xmlcharrefreplace when
//! encoding), CPython's error ranges and messages.
//!
//! A Rust string holds no lone surrogates, so encoding to a UTF never fails and the
//! surrogate handlers (`surrogateescape`, `surrogatepass`) are not offered.

use crate::interp::vm::Vm;
use crate::object::error::{PyErr, PyResult};

/// One codec; `Some(true)` is big-endian, `None` the BOM-marked form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

/// The codec an encoding name means (CPython's normalisation and aliases), if gilvm has it.
pub fn lookup(name: &str) -> Option<Codec> {
    let norm: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    Some(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "utf_8_sig" => Codec::Utf8Sig,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819"
        | "iso_8859_1:1987" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" => Codec::Utf16(Some(false)),
        "utf_16_be" | "utf_16be" => Codec::Utf16(Some(true)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" => Codec::Utf32(Some(false)),
        "utf_32_be" | "utf_32be" => Codec::Utf32(Some(true)),
        _ => return None,
    })
}

impl Codec {
    /// `codecs.lookup(name).name`.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "iso8859-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(false)) => "utf-32-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
        }
    }
}

const BOM_UTF8: [u8; 3] = [0xef, 0xbb, 0xbf];

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    let class = vm.types().lookup_error.clone();
    vm.new_error(&class, format!("unknown error handler name '{errors}'"))
}

fn unicode_error(vm: &mut Vm, class: &str, msg: String) -> PyErr {
    match vm.types().exception_by_name(class).cloned() {
        Some(c) => vm.new_error(&c, msg),
        None => vm.value_error(msg),
    }
}

/// Encode `text`; `errors` applies to characters the codec cannot represent.
pub fn encode(vm: &mut Vm, text: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    let (limit, cname) = match codec {
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Utf8Sig => return Ok([BOM_UTF8.as_slice(), text.as_bytes()].concat()),
        Codec::Utf16(order) => {
            let big = order == Some(true);
            let mut out = Vec::with_capacity(text.len() * 2 + 2);
            if order.is_none() {
                out.extend_from_slice(&[0xff, 0xfe]);
            }
            for u in text.encode_utf16() {
                out.extend_from_slice(&if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
            return Ok(out);
        }
        Codec::Utf32(order) => {
            let big = order == Some(true);
            let mut out = Vec::with_capacity(text.len() * 4 + 4);
            if order.is_none() {
                out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
            }
            for c in text.chars() {
                let n = c as u32;
                out.extend_from_slice(&if big {
                    n.to_be_bytes()
                } else {
                    n.to_le_bytes()
                });
            }
            return Ok(out);
        }
        Codec::Ascii => (128u32, "ascii"),
        Codec::Latin1 => (256u32, "latin-1"),
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let n = c as u32;
        if n < limit {
            out.push(n as u8);
            i += 1;
            continue;
        }
        match errors {
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => {
                let s = if n < 0x100 {
                    format!("\\x{n:02x}")
                } else if n < 0x10000 {
                    format!("\\u{n:04x}")
                } else {
                    format!("\\U{n:08x}")
                };
                out.extend_from_slice(s.as_bytes());
            }
            "xmlcharrefreplace" => out.extend_from_slice(format!("&#{n};").as_bytes()),
            "strict" | "surrogateescape" | "surrogatepass" => {
                let mut end = i + 1;
                while end < chars.len() && chars[end] as u32 >= limit {
                    end += 1;
                }
                let msg = if end == i + 1 {
                    let shown = crate::protocol::format::ascii_escape(&c.to_string());
                    format!(
                        "'{cname}' codec can't encode character '{shown}' in position {i}: ordinal not in range({limit})"
                    )
                } else {
                    format!(
                        "'{cname}' codec can't encode characters in position {i}-{}: ordinal not in range({limit})",
                        end - 1
                    )
                };
                return Err(unicode_error(vm, "UnicodeEncodeError", msg));
            }
            other => return Err(unknown_handler(vm, other)),
        }
        i += 1;
    }
    Ok(out)
}

/// A decoder's state while it walks the input: the output and the error handling.
struct Dec<'a> {
    data: &'a [u8],
    out: String,
    errors: &'a str,
    cname: &'static str,
}

impl Dec<'_> {
    /// Handle bytes `start..end` that do not decode, for `reason`.
    fn bad(&mut self, vm: &mut Vm, start: usize, end: usize, reason: &str) -> PyResult<()> {
        match self.errors {
            "ignore" => Ok(()),
            "replace" => {
                self.out.push('\u{fffd}');
                Ok(())
            }
            "backslashreplace" => {
                for b in &self.data[start..end] {
                    self.out.push_str(&format!("\\x{b:02x}"));
                }
                Ok(())
            }
            "strict" | "surrogateescape" | "surrogatepass" => {
                let cname = self.cname;
                let msg = if end == start + 1 {
                    format!(
                        "'{cname}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                        self.data[start]
                    )
                } else {
                    format!(
                        "'{cname}' codec can't decode bytes in position {start}-{}: {reason}",
                        end - 1
                    )
                };
                Err(unicode_error(vm, "UnicodeDecodeError", msg))
            }
            other => Err(unknown_handler(vm, other)),
        }
    }
}

/// Decode `data`. With `last` false (an incremental decoder's middle chunk) an incomplete
/// sequence at the end is left undecoded; the second result is how many bytes were used.
pub fn decode(
    vm: &mut Vm,
    data: &[u8],
    codec: Codec,
    errors: &str,
    last: bool,
) -> PyResult<(String, usize)> {
    let mut d = Dec {
        data,
        out: String::with_capacity(data.len()),
        errors,
        cname: "utf-8",
    };
    let used = match codec {
        Codec::Utf8 => utf8(vm, &mut d, last)?,
        Codec::Utf8Sig => {
            if let Some(rest) = data.strip_prefix(BOM_UTF8.as_slice()) {
                let (text, used) = decode(vm, rest, Codec::Utf8, errors, last)?;
                return Ok((text, used + 3));
            }
            if !last && data.len() < 3 && BOM_UTF8.starts_with(data) {
                return Ok((String::new(), 0));
            }
            utf8(vm, &mut d, last)?
        }
        Codec::Ascii | Codec::Latin1 => {
            d.cname = if codec == Codec::Ascii {
                "ascii"
            } else {
                "latin-1"
            };
            for (i, &b) in data.iter().enumerate() {
                if b < 128 || codec == Codec::Latin1 {
                    d.out.push(b as char);
                } else {
                    d.bad(vm, i, i + 1, "ordinal not in range(128)")?;
                }
            }
            data.len()
        }
        Codec::Utf16(order) => utf16(vm, &mut d, order, last)?,
        Codec::Utf32(order) => utf32(vm, &mut d, order, last)?,
    };
    Ok((d.out, used))
}

fn utf8(vm: &mut Vm, d: &mut Dec, last: bool) -> PyResult<usize> {
    let data = d.data;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b < 0x80 {
            d.out.push(b as char);
            i += 1;
            continue;
        }
        let (need, lo, hi) = match b {
            0xc2..=0xdf => (1, 0x80, 0xbf),
            0xe0 => (2, 0xa0, 0xbf),
            0xe1..=0xec | 0xee..=0xef => (2, 0x80, 0xbf),
            0xed => (2, 0x80, 0x9f),
            0xf0 => (3, 0x90, 0xbf),
            0xf1..=0xf3 => (3, 0x80, 0xbf),
            0xf4 => (3, 0x80, 0x8f),
            _ => {
                d.bad(vm, i, i + 1, "invalid start byte")?;
                i += 1;
                continue;
            }
        };
        let mut k = 1;
        let mut ok = true;
        while k <= need {
            let Some(&c) = data.get(i + k) else {
                break;
            };
            let (l, h) = if k == 1 { (lo, hi) } else { (0x80, 0xbf) };
            if c < l || c > h {
                ok = false;
                break;
            }
            k += 1;
        }
        if !ok {
            d.bad(vm, i, i + k, "invalid continuation byte")?;
            i += k;
        } else if k <= need {
            if !last {
                return Ok(i);
            }
            d.bad(vm, i, data.len(), "unexpected end of data")?;
            i = data.len();
        } else {
            let s = std::str::from_utf8(&data[i..i + k]).unwrap_or("\u{fffd}");
            d.out.push_str(s);
            i += k;
        }
    }
    Ok(data.len())
}

/// Read the byte order: an explicit one, else a BOM (skipped), else little-endian.
fn byte_order(data: &[u8], order: Option<bool>, bom_le: &[u8], bom_be: &[u8]) -> (bool, usize) {
    match order {
        Some(big) => (big, 0),
        None if data.starts_with(bom_le) => (false, bom_le.len()),
        None if data.starts_with(bom_be) => (true, bom_be.len()),
        None => (false, 0),
    }
}

fn utf16(vm: &mut Vm, d: &mut Dec, order: Option<bool>, last: bool) -> PyResult<usize> {
    let data = d.data;
    if order.is_none() && data.len() < 2 && !last {
        return Ok(0);
    }
    let (big, mut i) = byte_order(data, order, &[0xff, 0xfe], &[0xfe, 0xff]);
    d.cname = if big { "utf-16-be" } else { "utf-16-le" };
    let unit = |i: usize| {
        let p = [data[i], data[i + 1]];
        if big {
            u16::from_be_bytes(p)
        } else {
            u16::from_le_bytes(p)
        }
    };
    while i < data.len() {
        if i + 1 >= data.len() {
            if !last {
                return Ok(i);
            }
            d.bad(vm, i, data.len(), "truncated data")?;
            break;
        }
        let u = unit(i);
        if !(0xd800..0xe000).contains(&u) {
            d.out.push(char::from_u32(u as u32).unwrap_or('\u{fffd}'));
            i += 2;
        } else if u >= 0xdc00 {
            d.bad(vm, i, i + 2, "illegal encoding")?;
            i += 2;
        } else if i + 3 >= data.len() {
            if !last {
                return Ok(i);
            }
            d.bad(vm, i, i + 2, "unexpected end of data")?;
            i += 2;
        } else {
            let v = unit(i + 2);
            if (0xdc00..0xe000).contains(&v) {
                let n = 0x10000 + (((u as u32) - 0xd800) << 10) + ((v as u32) - 0xdc00);
                d.out.push(char::from_u32(n).unwrap_or('\u{fffd}'));
                i += 4;
            } else {
                d.bad(vm, i, i + 2, "illegal UTF-16 surrogate")?;
                i += 2;
            }
        }
    }
    Ok(data.len())
}

fn utf32(vm: &mut Vm, d: &mut Dec, order: Option<bool>, last: bool) -> PyResult<usize> {
    let data = d.data;
    if order.is_none() && data.len() < 4 && !last {
        return Ok(0);
    }
    let (big, mut i) = byte_order(data, order, &[0xff, 0xfe, 0, 0], &[0, 0, 0xfe, 0xff]);
    d.cname = if big { "utf-32-be" } else { "utf-32-le" };
    while i < data.len() {
        if i + 4 > data.len() {
            if !last {
                return Ok(i);
            }
            d.bad(vm, i, data.len(), "truncated data")?;
            break;
        }
        let p = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        let n = if big {
            u32::from_be_bytes(p)
        } else {
            u32::from_le_bytes(p)
        };
        match char::from_u32(n) {
            Some(c) => d.out.push(c),
            None if n >= 0x110000 => d.bad(vm, i, i + 4, "code point not in range(0x110000)")?,
            None => d.bad(
                vm,
                i,
                i + 4,
                "code point in surrogate code point range(0xd800, 0xe000)",
            )?,
        }
        i += 4;
    }
    Ok(data.len())
}
